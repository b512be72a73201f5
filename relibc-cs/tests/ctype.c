/* ctype.h in the C locale: every classification of every unsigned char value and EOF, as a checksum per function. */
#include <ctype.h>
#include <stdio.h>

#define CHECK(f) do { unsigned h = 0, c = 0; for (int i = -1; i < 256; i++) { int v = f(i) != 0; h = h * 31 + (unsigned)v * (unsigned)(i + 2); c += (unsigned)v; } printf("%-8s %3u %08x\n", #f, c, h); } while (0)

int main(void) {
    CHECK(isalnum); CHECK(isalpha); CHECK(isblank); CHECK(iscntrl); CHECK(isdigit); CHECK(isgraph);
    CHECK(islower); CHECK(isprint); CHECK(ispunct); CHECK(isspace); CHECK(isupper); CHECK(isxdigit);
    unsigned hu = 0, hl = 0;
    for (int i = -1; i < 256; i++) { hu = hu * 31 + (unsigned)toupper(i); hl = hl * 31 + (unsigned)tolower(i); }
    printf("toupper %08x tolower %08x\n", hu, hl);
    return 0;
}
