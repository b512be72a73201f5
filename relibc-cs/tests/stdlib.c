/* stdlib.h conversions and arithmetic: strtol family on every base, sign, prefix, overflow and bad input (errno and
   end pointers); atoi; abs/div; qsort against adversarial inputs (sorted, reversed, equal, organ-pipe, random) and bsearch. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void l(const char *s, int base) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, base);
    int e = errno;
    printf("strtol(\"%s\", %d) = %ld, errno %d, rest \"%s\"\n", s, base, v, e, end);
    errno = 0;
    unsigned long u = strtoul(s, &end, base);
    e = errno;
    printf("strtoul(\"%s\", %d) = %lu, errno %d, rest \"%s\"\n", s, base, u, e, end);
}

static int cmp(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static long compares;
static int counting(const void *a, const void *b) { compares++; return cmp(a, b); }

int main(void) {
    static const char *inputs[] = {"0", "42", "-42", "+17", "  \t\n 99x", "0x1F", "0X1f", "0x", "0xg", "077", "08", "-0",
                                   "z", "Zz", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                                   "-9223372036854775809", "18446744073709551615", "18446744073709551616", "-1", "", "   ",
                                   "+", "-", "1e5", "0b101"};
    static const int bases[] = {0, 10, 16, 8, 2, 36};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
        for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) l(inputs[i], bases[b]);
    char *end;
    errno = 0;
    printf("strtol base 1: %ld errno EINVAL:%d\n", strtol("5", &end, 1), errno == EINVAL);
    errno = 0;
    printf("strtoll: %lld strtoull: %llu errno %d\n", strtoll("-123456789012345", NULL, 10), strtoull("0777", NULL, 0), errno);
    printf("strtoimax: %" PRIdMAX " strtoumax: %" PRIuMAX "\n", strtoimax("-99", NULL, 10), strtoumax("0xff", NULL, 16));
    printf("atoi: %d %d %d atol: %ld atoll: %lld\n", atoi("  -123abc"), atoi("x"), atoi("2147483647"), atol("-77"), atoll("123456789012"));
    printf("abs: %d %ld %lld imaxabs: %" PRIdMAX "\n", abs(-5), labs(-6L), llabs(-7LL), imaxabs(-8));
    div_t d = div(-7, 2); ldiv_t ld = ldiv(7L, -2L); lldiv_t lld = lldiv(-9LL, -4LL); imaxdiv_t id = imaxdiv(100, 7);
    printf("div: %d %d ldiv: %ld %ld lldiv: %lld %lld imaxdiv: %" PRIdMAX " %" PRIdMAX "\n", d.quot, d.rem, ld.quot, ld.rem, lld.quot, lld.rem, id.quot, id.rem);

    enum { N = 20000 };
    static int a[N];
    for (int kind = 0; kind < 6; kind++) {
        unsigned x = 12345;
        for (int i = 0; i < N; i++) {
            x = x * 1103515245u + 12345u;
            a[i] = kind == 0 ? i : kind == 1 ? N - i : kind == 2 ? 7 : kind == 3 ? (i < N / 2 ? i : N - i) : kind == 4 ? (int)(x >> 8) % 1000 : (int)(x >> 4);
        }
        compares = 0;
        qsort(a, N, sizeof a[0], counting);
        int sorted = 1;
        long sum = 0;
        for (int i = 1; i < N; i++) sorted &= a[i - 1] <= a[i];
        for (int i = 0; i < N; i++) sum += a[i];
        /* Not quadratic: far fewer than N*N/4 comparisons on every kind of input. */
        printf("qsort kind %d: sorted %d sum %ld subquadratic %d\n", kind, sorted, sum, compares < 40L * N * 15);
    }
    int key = a[777];
    int *found = bsearch(&key, a, N, sizeof a[0], cmp);
    int missing = -1;
    printf("bsearch: found %d equal %d missing %d\n", found != NULL, found && *found == key, bsearch(&missing, a, N, sizeof a[0], cmp) == NULL);
    struct rec { char name[12]; double w; } recs[] = {{"delta", 4}, {"alpha", 1}, {"charlie", 3}, {"bravo", 2}};
    qsort(recs, 4, sizeof recs[0], (int (*)(const void *, const void *))strcmp);
    printf("records: %s %s %s %s\n", recs[0].name, recs[1].name, recs[2].name, recs[3].name);
    return 0;
}
