/* ctype.h's _l functions with the C and C.UTF-8 locale objects, isascii and toascii, over EOF and every byte; and the
   plain functions after setlocale(LC_ALL, "C.UTF-8"). */
#define _GNU_SOURCE
#include <ctype.h>
#include <locale.h>
#include <stdio.h>

static void table(const char *label, locale_t l) {
    printf("%s:\n", label);
    for (int c = -1; c < 256; c++) {
        int bits = !!isalnum_l(c, l) | !!isalpha_l(c, l) << 1 | !!isblank_l(c, l) << 2 | !!iscntrl_l(c, l) << 3 | !!isdigit_l(c, l) << 4 |
                   !!isgraph_l(c, l) << 5 | !!islower_l(c, l) << 6 | !!isprint_l(c, l) << 7 | !!ispunct_l(c, l) << 8 |
                   !!isspace_l(c, l) << 9 | !!isupper_l(c, l) << 10 | !!isxdigit_l(c, l) << 11;
        printf("%x/%x/%x%c", bits, toupper_l(c, l), tolower_l(c, l), c % 16 == 15 ? '\n' : ' ');
    }
    printf("\n");
}

int main(void) {
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    locale_t u = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
    table("C", c);
    table("C.UTF-8", u);
    freelocale(c);
    freelocale(u);
    int ascii = 0, sum = 0;
    for (int i = -1; i < 256; i++) {
        ascii += !!isascii(i);
        sum += toascii(i);
    }
    printf("isascii %d, toascii sum %d, toascii(0xe9) %x\n", ascii, sum, toascii(0xe9));
    setlocale(LC_ALL, "C.UTF-8");
    int alpha = 0, upper = 0;
    for (int i = 0; i < 256; i++) {
        alpha += !!isalpha(i);
        upper += toupper(i) != i;
    }
    printf("C.UTF-8 plain: alpha %d, toupper changes %d\n", alpha, upper);
    return 0;
}
