/* The compiler's 128-bit helpers that relibc-cs carries (src/Builtins/Int128.cs; glibc's programs get libgcc's):
 * division and remainder, signed and unsigned, and conversions to and from double and float, over edge cases and a
 * pseudo-random sample of every magnitude; a checksum per operation, and a few values in full. */
#include <stdint.h>
#include <stdio.h>

typedef unsigned __int128 u128;
typedef __int128 i128;

static uint64_t state = 0x9E3779B97F4A7C15u;
static uint64_t next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }

/* A value of a random bit length, so every magnitude is reached. */
static u128 sample(void)
{
    u128 v = ((u128)next() << 64) | next();
    unsigned bits = next() % 129;
    return bits == 0 ? 0 : bits == 128 ? v : v & (((u128)1 << bits) - 1);
}

static void print_u128(const char *label, u128 v)
{
    char digits[40];
    int n = 0;
    do { digits[n++] = (char)('0' + (int)(v % 10)); v /= 10; } while (v);
    printf("%s ", label);
    while (n) putchar(digits[--n]);
    putchar('\n');
}

int main(void)
{
    volatile u128 a = ((u128)0xFEDCBA9876543210u << 64) | 0x0123456789ABCDEFu, b = 0xFFFFFFFFFu;
    print_u128("a / b =", a / b);
    print_u128("a % b =", a % b);
    volatile i128 s = -(i128)a / 3, t = 7;
    print_u128("-(a/3) / 7 magnitude =", (u128)(-(s / t)));
    printf("-(a/3) %% 7 = %d\n", (int)(s % t));
    printf("(double)a = %.17g, (float)a = %.9g\n", (double)a, (float)a);
    printf("(double)-(a/3) = %.17g\n", (double)s);
    print_u128("(u128)1e38 =", (u128)1e38);
    print_u128("(u128)3.4e38f =", (u128)3.4e38f);
    printf("(i128)-1.5e30 magnitude ok: %d\n", (i128)-1.5e30 == -(i128)(u128)1.5e30);

    uint64_t sum[8] = {0};
    for (int i = 0; i < 200000; i++) {
        u128 x = sample(), y = sample();
        if (y == 0) y = 1;
        u128 q = x / y, r = x % y;
        if (q * y + r != x || r >= y) { printf("unsigned identity fails at %d\n", i); return 1; }
        sum[0] += (uint64_t)q ^ (uint64_t)(q >> 64);
        sum[1] += (uint64_t)r ^ (uint64_t)(r >> 64);
        i128 sx = (i128)x, sy = (i128)y;
        if (sy == -1) sy = 3;
        i128 sq = sx / sy, sr = sx % sy;
        if (sq * sy + sr != sx) { printf("signed identity fails at %d\n", i); return 1; }
        sum[2] += (uint64_t)sq;
        sum[3] += (uint64_t)sr;
        double d = (double)x, e = (double)sx;
        float f = (float)x, g = (float)sx;
        sum[4] += *(uint64_t *)&d + *(uint64_t *)&e;
        sum[5] += *(uint32_t *)&f + *(uint32_t *)&g;
        sum[6] += (uint64_t)(u128)d ^ (uint64_t)((u128)d >> 64);
        /* Quartered: a float or double rounded up to 2^127 is outside i128 (undefined behaviour, where libgcc and compiler-rt differ). */
        sum[7] += (uint64_t)(i128)(e / 4) ^ (uint64_t)((u128)(i128)(g / 4) >> 64);
    }
    for (int k = 0; k < 8; k++)
        printf("checksum %d: %016llx\n", k, (unsigned long long)sum[k]);
    return 0;
}
