/* locale.h in the C/POSIX locale: setlocale's names, localeconv, newlocale/uselocale/freelocale. */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    printf("query: %s\n", setlocale(LC_ALL, NULL));
    char *a = setlocale(LC_ALL, "C");
    printf("C: %s", a);
    a = setlocale(LC_ALL, "POSIX");
    printf(", POSIX: %s", a);
    a = setlocale(LC_NUMERIC, "C");
    printf(", numeric C: %s\n", a);
    char *bad = setlocale(LC_ALL, "xx_NOWHERE.UTF-8");
    printf("unknown name: %s", bad ? bad : "NULL");
    printf(", still %s\n", setlocale(LC_ALL, NULL));
    struct lconv *c = localeconv();
    printf("lconv: [%s] [%s] [%s] [%s] frac %s %s\n", c->decimal_point, c->thousands_sep, c->grouping, c->currency_symbol,
           c->frac_digits == CHAR_MAX ? "CHAR_MAX" : "?", c->int_frac_digits == CHAR_MAX ? "CHAR_MAX" : "?");
    locale_t l = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    printf("newlocale C: %s\n", l ? "ok" : "NULL");
    locale_t old = uselocale(l);
    printf("uselocale returned the global locale: %d\n", old == LC_GLOBAL_LOCALE);
    uselocale(old);
    locale_t d = duplocale(l);
    printf("duplocale: %s\n", d ? "ok" : "NULL");
    freelocale(d);
    freelocale(l);
    errno = 0;
    locale_t none = newlocale(LC_ALL_MASK, "xx_NOWHERE", (locale_t)0);
    printf("newlocale unknown: %s %s\n", none ? "?" : "NULL", errno == ENOENT ? "ENOENT" : "?");
    printf("printf still uses '.': %.2f\n", 3.25);
    return 0;
}
