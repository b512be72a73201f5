/* A CMake and Meson project for VeridianOS (docs/triples.md, "Build systems"): a static library and a program that
 * counts the words of its arguments, built with the toolchain file or cross file `veridian targets emit` writes and
 * run on VeridianOS by ctest or meson test through the emitted emulator (veridian run). */
#include <math.h>
#include <stdio.h>
#include "words.h"

int main(int argc, char **argv)
{
    size_t total = 0;
    for (int i = 1; i < argc; i++) {
        size_t n = count_words(argv[i]);
        printf("%s: %zu\n", argv[i], n);
        total += n;
    }
    printf("total %zu words, sqrt %.3f\n", total, sqrt((double)total));
    return total == 0 ? 1 : 0;
}
