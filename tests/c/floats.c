// float, double and long double arithmetic, conversions and libm calls. long double is the x87
// 80-bit format on x86_64 and IEEE binary128 (soft float through libgcc) on aarch64 and riscv64;
// the checks below hold for both (64 or more mantissa bits).
// expect: float: 0.1+0.2=0.3 (as float 0.300000012) sqrt2=1.41421354
// expect: double: 0.1+0.2=0.30000000000000004 sqrt2=1.4142135623730951 exp(1)=2.7182818284590451
// expect: long double: mantissa >= 64: yes, 2^63+1 exact: yes, 1/3*3 within an epsilon of 1: yes
// expect: conversions: -3 -2 3 4294967295 -9223372036854775808 18446744073709549568
// expect: specials: inf -inf nan 1 0
// expect: fma: 1.0000000000000002
// expect: rounding: 2 3 -2 -3 2 3
// expect: long double ops: 6.5 -0.75 1234567890123456789
#include <float.h>
#include <math.h>
#include <stdio.h>

static volatile float vf1 = 0.1f, vf2 = 0.2f;
static volatile double vd1 = 0.1, vd2 = 0.2;
static volatile long double vl3 = 3.0L;

int main(void)
{
    float f = vf1 + vf2;
    printf("float: 0.1+0.2=%.1f (as float %.9f) sqrt2=%.9g\n", f, f, sqrtf(2.0f));
    double d = vd1 + vd2;
    printf("double: 0.1+0.2=%.17g sqrt2=%.17g exp(1)=%.17g\n", d, sqrt(2.0), exp(1.0));

    long double big = 9223372036854775808.0L + 1.0L; /* 2^63 + 1 needs 64 mantissa bits */
    long double third = 1.0L / vl3;
    printf("long double: mantissa >= 64: %s, 2^63+1 exact: %s, 1/3*3 within an epsilon of 1: %s\n", LDBL_MANT_DIG >= 64 ? "yes" : "no",
           (unsigned long long)(big - 9223372036854775808.0L) == 1 ? "yes" : "no", fabsl(third * vl3 - 1.0L) <= LDBL_EPSILON ? "yes" : "no");

    volatile double neg = -3.7, negh = -2.5, pos = 3.99;
    volatile double u32 = 4294967295.0, i64min = -9223372036854775808.0, u64 = 18446744073709549568.0;
    printf("conversions: %d %d %d %u %lld %llu\n", (int)neg, (int)negh, (int)pos, (unsigned)u32, (long long)i64min,
           (unsigned long long)u64);

    volatile double zero = 0.0;
    double inf = 1.0 / zero, ninf = -1.0 / zero, qnan = zero / zero;
    printf("specials: %f %f %f %d %d\n", inf, ninf, fabs(qnan), isnan(qnan) != 0, qnan == qnan);

    volatile double a = 1.0 + DBL_EPSILON, b = 1.0, c = 0.0;
    printf("fma: %.17g\n", fma(a, b, c));
    printf("rounding: %.0f %.0f %.0f %.0f %ld %ld\n", round(2.4), round(2.5), round(-2.4), round(-2.5), lrint(2.5), lrint(3.4));

    volatile long double x = 4.0L, y = 2.5L;
    long double z = 1234567890123456789.0L;
    printf("long double ops: %.1Lf %.2Lf %llu\n", x + y, (y - x) / 2.0L, (unsigned long long)z);
    return 0;
}
