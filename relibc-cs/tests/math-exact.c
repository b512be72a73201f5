/* math.h, the exact functions (C17 7.12.6–7.12.13, F.10): every result printed with %a over a table of special
   values, halfway cases and subnormals, errno for the documented error cases, and fma on hand-picked hard cases
   plus a seeded batch of random triples (hashed, with the count of results that differ from a double-double check). */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void pd(const char *what, double v) {
    if (isnan(v)) printf("%s nan\n", what);
    else printf("%s %a\n", what, v);
}

static void pf(const char *what, float v) {
    if (isnan(v)) printf("%s nan\n", what);
    else printf("%s %a\n", what, (double)v);
}

static const double table[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.5, 0.49999999999999994, -0.49999999999999994, 3.7, -3.7,
    0x1p52, -0x1p52, 0x1.fffffffffffffp51, 0x1.0000000000001p52, 0x1p53 + 2, 0x1.8p52, 1e300, -1e300, 123456.789,
    -98765.4321, DBL_MIN, -DBL_MIN, 0x1p-1074, -0x1p-1074, 0x1.8p-1073, 0x0.fffffffffffffp-1022, DBL_MAX, -DBL_MAX,
    INFINITY, -INFINITY, NAN, 1e-300, 0.1, 7.0, 1e18, -4611686018427387904.0, 0x1.fffffffffffffp-1,
};
#define N (sizeof table / sizeof table[0])

static uint64_t state = 0x9E3779B97F4A7C15u;
static uint64_t next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }

int main(void) {
    char buf[96];
    for (unsigned i = 0; i < N; i++) {
        double x = table[i];
        float f = (float)x;
        printf("x=%a\n", x);
        pd(" floor", floor(x)); pd(" ceil", ceil(x)); pd(" trunc", trunc(x)); pd(" round", round(x));
        pd(" rint", rint(x)); pd(" nearbyint", nearbyint(x)); pd(" fabs", fabs(x)); pd(" logb", logb(x));
        pf(" floorf", floorf(f)); pf(" ceilf", ceilf(f)); pf(" truncf", truncf(f)); pf(" roundf", roundf(f));
        pf(" rintf", rintf(f)); pf(" nearbyintf", nearbyintf(f)); pf(" fabsf", fabsf(f)); pf(" logbf", logbf(f));
        errno = 0;
        pd(" sqrt", sqrt(x)); printf(" errno %d\n", errno);
        errno = 0;
        pf(" sqrtf", sqrtf(f)); printf(" errno %d\n", errno);
        int e;
        pd(" frexp", frexp(x, &e)); if (isfinite(x)) printf(" exp %d\n", e);
        pf(" frexpf", frexpf(f, &e)); if (isfinite(f)) printf(" exp %d\n", e);
        double ip;
        pd(" modf", modf(x, &ip)); pd(" modf.int", ip);
        float fip;
        pf(" modff", modff(f, &fip)); pf(" modff.int", fip);
        if (isfinite(x) && x != 0) { errno = 0; printf(" ilogb %d errno %d ilogbf %d\n", ilogb(x), errno, ilogbf(f)); }
        if (fabs(x) < 0x1p62) {
            printf(" lrint %ld llrint %lld lround %ld llround %lld\n", lrint(x), llrint(x), lround(x), llround(x));
            printf(" lrintf %ld lroundf %ld\n", lrintf(f), lroundf(f));
        }
        for (int n = -1100; n <= 1100; n += 275) {
            errno = 0;
            snprintf(buf, sizeof buf, " ldexp %d", n); pd(buf, ldexp(x, n));
            if (errno) printf(" errno %d\n", errno);
            pd("  scalbn", scalbn(x, n)); pd("  scalbln", scalbln(x, n)); pf("  ldexpf", ldexpf(f, n / 8));
        }
    }
    static const double pairs[] = { 0.0, -0.0, 1.0, -1.0, 2.5, -7.25, 3.0, 0x1p-1074, 0x1.8p-1072, 1e300, -1e-300,
        DBL_MAX, INFINITY, -INFINITY, NAN, 6.0, 0x1.fffffffffffffp1023 / 3, 5e-324 * 7 };
    int np = sizeof pairs / sizeof pairs[0];
    for (int i = 0; i < np; i++) {
        for (int j = 0; j < np; j++) {
            double x = pairs[i], y = pairs[j];
            float fx = (float)x, fy = (float)y;
            int q = 0;
            printf("x=%a y=%a\n", x, y);
            pd(" fmod", fmod(x, y)); pd(" remainder", remainder(x, y));
            double r = remquo(x, y, &q);
            pd(" remquo", r); if (!isnan(r)) printf(" quo %d\n", q & 7 ? q : q);
            pd(" copysign", copysign(x, y)); pd(" fdim", fdim(x, y));
            if (!(x == 0 && y == 0)) { pd(" fmax", fmax(x, y)); pd(" fmin", fmin(x, y)); }
            pd(" nextafter", nextafter(x, y)); pd(" hypot", hypot(x, y));
            pf(" fmodf", fmodf(fx, fy)); pf(" remainderf", remainderf(fx, fy)); pf(" hypotf", hypotf(fx, fy));
            pf(" nextafterf", nextafterf(fx, fy)); pf(" copysignf", copysignf(fx, fy));
            for (int k = 0; k < np; k += 3) pd("  fma", fma(x, y, pairs[k]));
            for (int k = 0; k < np; k += 4) pf("  fmaf", fmaf(fx, fy, (float)pairs[k]));
        }
    }
    /* remainders with quotient bits and large exponent differences */
    static const double big[][2] = { {1e300, 3.0}, {0x1p1000, 0x1.8p-1000}, {17.0, 3.0}, {-17.0, 3.0}, {17.5, -5.0},
        {3.0, 2.0}, {5.0, 2.0}, {-5.0, 2.0}, {7.0, -2.0}, {0x1p-1070, 0x1.4p-1073}, {DBL_MAX, DBL_MIN}, {1.0, 0.1} };
    for (unsigned i = 0; i < sizeof big / sizeof big[0]; i++) {
        int q;
        double r = remquo(big[i][0], big[i][1], &q);
        printf("remquo(%a, %a) = %a quo %d fmod %a remainder %a\n", big[i][0], big[i][1], r, q,
               fmod(big[i][0], big[i][1]), remainder(big[i][0], big[i][1]));
    }
    /* fma: cases where x*y+z rounded twice is wrong, cancellation, subnormal results, overflow */
    static const double hard[][3] = {
        {0x1.0000000000001p0, 0x1.0000000000001p0, -1.0}, {0x1.fffffffffffffp0, 0x1.fffffffffffffp0, -0x1.ffffffffffffep1},
        {0x1p-1022, 0x1p-52, 0.0}, {0x1p-1000, 0x1p-100, -0x1p-1074}, {0x1.8p-538, 0x1.8p-538, 0x1p-1074},
        {0x1.0000000000001p-537, 0x1.0000000000001p-537, 0}, {DBL_MAX, 2.0, -DBL_MAX}, {DBL_MAX, 1.0000000000000002, 0},
        {1.0, 1.0, -1.0}, {-1.0, 1.0, 1.0}, {0x1p-600, 0x1p-600, 1.0}, {0x1p-600, -0x1p-600, 1.0}, {3.0, 0x1.5555555555555p-2, -1.0},
        {0x1.fffffffffffffp-1, 0x1.0000000000001p0, -1.0}, {0x1p-1074, 0.5, 0}, {0x1p-1074, -0.5, 0}, {0x1.8p-1074, 0.5, 0x1p-1074},
        {0x1p-537, 0x1.8p-537, -0x1p-1074}, {1e308, 10.0, -1e308}, {0x1p1023, 0x1p1, -0x1p1023},
    };
    for (unsigned i = 0; i < sizeof hard / sizeof hard[0]; i++) {
        errno = 0;
        double r = fma(hard[i][0], hard[i][1], hard[i][2]);
        printf("fma(%a, %a, %a) = %a\n", hard[i][0], hard[i][1], hard[i][2], r);
    }
    uint64_t hash = 1469598103934665603u;
    for (int i = 0; i < 200000; i++) {
        uint64_t a = next(), b = next(), c = next();
        /* exponents near each other so that the product and the addend interact */
        a = (a & 0x800fffffffffffffu) | ((uint64_t)(1023 + (int)(next() % 64) - 32) << 52);
        b = (b & 0x800fffffffffffffu) | ((uint64_t)(1023 + (int)(next() % 64) - 32) << 52);
        c = (c & 0x800fffffffffffffu) | ((uint64_t)(1023 + (int)(next() % 128) - 64) << 52);
        if (i % 7 == 0) c = (c & 0x800fffffffffffffu) | (((a >> 52 & 0x7ff) + (b >> 52 & 0x7ff) - 1023) << 52);
        double x, y, z;
        memcpy(&x, &a, 8); memcpy(&y, &b, 8); memcpy(&z, &c, 8);
        double r = fma(x, y, z);
        float rf = fmaf((float)x, (float)y, (float)z);
        uint64_t rb; uint32_t rfb;
        memcpy(&rb, &r, 8); memcpy(&rfb, &rf, 4);
        hash = (hash ^ rb) * 1099511628211u;
        hash = (hash ^ rfb) * 1099511628211u;
    }
    printf("fma batch hash %016llx\n", (unsigned long long)hash);
    uint64_t nb = 0x7ff8000000000000u;
    double nn = nan(""), n2 = nan("1234"), n3 = nan("0x7f"), n4 = nan("junk");
    memcpy(&nb, &nn, 8); printf("nan(\"\") %016llx\n", (unsigned long long)nb);
    memcpy(&nb, &n2, 8); printf("nan(\"1234\") %016llx\n", (unsigned long long)nb);
    memcpy(&nb, &n3, 8); printf("nan(\"0x7f\") %016llx\n", (unsigned long long)nb);
    memcpy(&nb, &n4, 8); printf("nan(\"junk\") %016llx\n", (unsigned long long)nb);
    static const double errs[] = { -1.0, 0.0, INFINITY };
    for (int i = 0; i < 3; i++) {
        double x = errs[i];
        errno = 0; (void)sqrt(x); printf("sqrt(%a) errno %d\n", x, errno);
        errno = 0; (void)fmod(x, 0.0); printf("fmod(%a, 0) errno %d\n", x, errno);
        errno = 0; (void)fmod(INFINITY, x); printf("fmod(inf, %a) errno %d\n", x, errno);
        errno = 0; (void)remainder(x, 0.0); printf("remainder(%a, 0) errno %d\n", x, errno);
        errno = 0; int l = ilogb(x); printf("ilogb(%a) %d errno %d\n", x, l, errno);
    }
    errno = 0; (void)ilogb(NAN); printf("ilogb(nan) %d errno %d\n", ilogb(NAN), errno);
    errno = 0; pd("ldexp(1, 2000)", ldexp(1.0, 2000)); printf(" errno %d\n", errno);
    errno = 0; pd("ldexp(1, -2000)", ldexp(1.0, -2000)); printf(" errno %d\n", errno);
    errno = 0; pd("nextafter(max, inf)", nextafter(DBL_MAX, INFINITY)); printf(" errno %d\n", errno);
    errno = 0; pd("nextafter(0, 1)", nextafter(0.0, 1.0)); printf(" errno %d\n", errno);
    errno = 0; pd("hypot(max, max)", hypot(DBL_MAX, DBL_MAX)); printf(" errno %d\n", errno);
    errno = 0; pd("fdim(max, -max)", fdim(DBL_MAX, -DBL_MAX)); printf(" errno %d\n", errno);
    errno = 0; pd("hypot(inf, nan)", hypot(INFINITY, NAN)); pd("hypot(nan, -inf)", hypot(NAN, -INFINITY));
    printf("classify:");
    for (unsigned i = 0; i < N; i++)
        printf(" %d%d%d%d%d%d", fpclassify(table[i]), isnan(table[i]) != 0, isinf(table[i]), isfinite(table[i]) != 0,
               isnormal(table[i]) != 0, signbit(table[i]) != 0);
    printf("\nmath_errhandling %d FP_ILOGB0 %d FP_ILOGBNAN %d\n", math_errhandling, FP_ILOGB0, FP_ILOGBNAN);
    return 0;
}
