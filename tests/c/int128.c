// 128-bit integers: arithmetic, division and remainder (libgcc's __udivti3/__modti3 on all three),
// shifts, comparisons, conversions from and to double, overflow builtins, and by-value passing.
// expect: 2^100 = 1267650600228229401496703205376
// expect: max u128 = 340282366920938463463374607431768211455
// expect: min i128 = -170141183460469231731687303715884105728
// expect: product = 121932631137021794322511812221002896
// expect: quotient = 98765432109876543210 remainder = 12345
// expect: signed div = -40000000000000000000 rem -7
// expect: shifts: 0x8000000000000000 0x1 0x2000000000000000000000000000000
// expect: double: 1.2676506002282294e+30 1267650600228229401496703205376
// expect: overflow: 1 0
// expect: by value: 340282366920938463463374607431768211454
#include <stdio.h>

typedef unsigned __int128 u128;
typedef __int128 i128;

static void print_u128(u128 v)
{
    char buf[48];
    int n = 0;
    do {
        buf[n++] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v);
    while (n)
        putchar(buf[--n]);
}

static void print_i128(i128 v)
{
    if (v < 0) {
        putchar('-');
        print_u128((u128)0 - (u128)v);
    } else {
        print_u128((u128)v);
    }
}

static void print_hex(u128 v)
{
    unsigned long long hi = (unsigned long long)(v >> 64), lo = (unsigned long long)v;
    if (hi)
        printf("0x%llx%016llx", hi, lo);
    else
        printf("0x%llx", lo);
}

__attribute__((noinline)) static u128 decrement(u128 v) { return v - 1; }

int main(void)
{
    volatile unsigned shift = 100;
    u128 p100 = (u128)1 << shift;
    printf("2^100 = "); print_u128(p100); putchar('\n');
    u128 max = ~(u128)0;
    printf("max u128 = "); print_u128(max); putchar('\n');
    i128 min = (i128)((u128)1 << 127);
    printf("min i128 = "); print_i128(min); putchar('\n');

    volatile u128 a = 123456789012345678ULL, b = 987654321098765432ULL;
    printf("product = "); print_u128(a * b); putchar('\n');

    volatile u128 n = (u128)9876543210ULL * 10000000000ULL + 9876543210ULL;
    volatile u128 d = 1000000;
    u128 num = n * d + 12345;
    printf("quotient = "); print_u128(num / d); printf(" remainder = "); print_u128(num % d); putchar('\n');

    volatile i128 sn = -((i128)40000000000ULL * 1000000000ULL * 1000000000ULL) - 7; /* -4e28 - 7 */
    volatile i128 sd = 1000000000;
    printf("signed div = "); print_i128(sn / sd); printf(" rem "); print_i128(sn % sd); putchar('\n');

    volatile u128 one = 1;
    printf("shifts: "); print_hex(one << 63); putchar(' '); print_hex((one << 127) >> 127); putchar(' '); print_hex(one << 121);
    putchar('\n');

    double dv = (double)p100;
    printf("double: %.17g ", dv); print_u128((u128)dv); putchar('\n');

    u128 r;
    int o1 = __builtin_add_overflow(max, (u128)1, &r);
    int o2 = __builtin_mul_overflow((u128)1 << 63, (u128)1 << 63, &r);
    printf("overflow: %d %d\n", o1, o2);

    printf("by value: "); print_u128(decrement(max)); putchar('\n');
    return 0;
}
