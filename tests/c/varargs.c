// Variadic functions: va_list over ints, longs, doubles, pointers, structs by value, va_copy, and
// forwarding a va_list to vsnprintf. More than 8 arguments, so some travel on the stack.
// expect: sum_ints(10 args) = 55
// expect: mixed: i=1 l=-2 d=3.5 s=four c=5 ll=-6000000000 f=7.25
// expect: structs: (1,2) (3,4,5.5) (6,7,8,9)
// expect: copy: first pass 21, second pass 21
// expect: vsnprintf: [  42|0x2a|hello|  3.14]
// expect: many doubles: 45.5
#include <stdarg.h>
#include <stdio.h>

struct small { int a, b; };
struct mixed { long a, b; double c; };
struct big { long a, b, c, d; };

static long sum_ints(int count, ...)
{
    va_list ap;
    va_start(ap, count);
    long sum = 0;
    for (int i = 0; i < count; ++i)
        sum += va_arg(ap, int);
    va_end(ap);
    return sum;
}

static void mixed(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int i = va_arg(ap, int);
    long l = va_arg(ap, long);
    double d = va_arg(ap, double);
    const char *s = va_arg(ap, const char *);
    int c = va_arg(ap, int); /* char promotes to int */
    long long ll = va_arg(ap, long long);
    double f = va_arg(ap, double); /* float promotes to double */
    va_end(ap);
    printf(fmt, i, l, d, s, c, ll, f);
}

static void structs(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    struct small s = va_arg(ap, struct small);
    struct mixed m = va_arg(ap, struct mixed);
    struct big b = va_arg(ap, struct big);
    va_end(ap);
    printf("structs: (%d,%d) (%ld,%ld,%.1f) (%ld,%ld,%ld,%ld)\n", s.a, s.b, m.a, m.b, m.c, b.a, b.b, b.c, b.d);
}

static void copy(int count, ...)
{
    va_list ap, again;
    va_start(ap, count);
    va_copy(again, ap);
    long first = 0, second = 0;
    for (int i = 0; i < count; ++i)
        first += va_arg(ap, long);
    for (int i = 0; i < count; ++i)
        second += va_arg(again, long);
    va_end(again);
    va_end(ap);
    printf("copy: first pass %ld, second pass %ld\n", first, second);
}

static int forward(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

static double many_doubles(int count, ...)
{
    va_list ap;
    va_start(ap, count);
    double sum = 0;
    for (int i = 0; i < count; ++i)
        sum += va_arg(ap, double);
    va_end(ap);
    return sum;
}

int main(void)
{
    printf("sum_ints(10 args) = %ld\n", sum_ints(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    mixed("mixed: i=%d l=%ld d=%.1f s=%s c=%d ll=%lld f=%.2f\n", 1, -2L, 3.5, "four", (char)5, -6000000000LL, 7.25f);
    structs(3, (struct small){1, 2}, (struct mixed){3, 4, 5.5}, (struct big){6, 7, 8, 9});
    copy(6, 1L, 2L, 3L, 4L, 5L, 6L);
    char buf[64];
    forward(buf, sizeof buf, "[%4d|%#x|%s|%6.2f]", 42, 42, "hello", 3.14159);
    printf("vsnprintf: %s\n", buf);
    printf("many doubles: %.1f\n", many_doubles(10, 0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0));
    return 0;
}
