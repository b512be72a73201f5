/* printf family: flags, width, precision, length modifiers, every integer conversion, %c %s %p %n %%, snprintf truncation. */
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>

int main(void) {
    printf("[%d] [%i] [%5d] [%-5d|] [%05d] [%+d] [% d] [%+05d] [%.3d] [%8.3d] [%-8.3d|] [%.0d]\n", -7, 7, 42, 42, -42, 5, 5, 5, 5, -5, 5, 0);
    printf("[%u] [%o] [%#o] [%x] [%#x] [%X] [%#X] [%#.0x] [%#o] [%08.3x]\n", 3000000000u, 8u, 8u, 0xbeefu, 0xbeefu, 0xbeefu, 0xbeefu, 0u, 0u, 0x1fu);
    printf("[%hhd] [%hhu] [%hd] [%hu] [%ld] [%lld] [%llu] [%jd] [%zd] [%zu] [%td]\n", 300, 300, 70000, 70000, LONG_MIN, LLONG_MAX, ULLONG_MAX, (intmax_t)-1, (ptrdiff_t)-3, (size_t)SIZE_MAX, (ptrdiff_t)12);
    printf("[%d] [%ld] [%lx] [%lo]\n", INT_MIN, LONG_MAX, (unsigned long)-1, 01234567ul);
    printf("[%*d] [%-*d|] [%.*d] [%*.*d]\n", 6, 1, 6, 2, 4, 3, -7, 3, 4);
    printf("[%c%c%c] [%3c] [%-3c|]\n", 'a', 'b', 'c', 'x', 'y');
    printf("[%s] [%10s] [%-10s|] [%.3s] [%10.2s]\n", "text", "right", "left", "truncate", "ab");
    printf("[%p] [%p]\n", (void *)0x1234, (void *)0);
    int n1 = 0, n2 = 0;
    printf("count%n then%n\n", &n1, &n2);
    printf("n: %d %d [%%] [%5%]\n", n1, n2);
    char small[6];
    int len = snprintf(small, sizeof small, "%d-%s", 123456, "tail");
    printf("snprintf: %d '%s'\n", len, small);
    printf("snprintf(NULL, 0): %d\n", snprintf(NULL, 0, "%s %d", "measure", 99));
    char big[64];
    printf("sprintf: %d '%s'\n", sprintf(big, "%x:%o:%c", 255, 8, '!'), big);
    fprintf(stdout, "fprintf to stdout %d\n", 1);
    return 0;
}
