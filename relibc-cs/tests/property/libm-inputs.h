/* The inputs of the libm property test (docs/relibc.md, "Tests"), shared by libm-values.c (run against relibc-cs)
   and libm-check.c (run against glibc): for each function a fixed-seed xorshift stream mapped onto the function's
   domain — uniform where the function has structure (exp's range, sin's first periods), log-uniform magnitudes over
   every binade (sin's Payne–Hanek range, log's subnormals), and points crowded near the hard places (1 for log and
   acosh, ±1 for atanh and asin). lgamma- is lgamma on negative arguments, held to a weaker bound (libm-check.c). */
#include <math.h>
#include <stdint.h>
#include <string.h>

enum { F_EXP, F_EXP2, F_EXPM1, F_LOG, F_LOG2, F_LOG10, F_LOG1P, F_POW, F_SIN, F_COS, F_TAN, F_ASIN, F_ACOS, F_ATAN,
       F_ATAN2, F_SINH, F_COSH, F_TANH, F_ASINH, F_ACOSH, F_ATANH, F_CBRT, F_HYPOT, F_ERF, F_ERFC, F_LGAMMA, F_LGAMMA_NEG, F_TGAMMA, F_EXPF, F_LOGF, F_POWF, F_SINF,
       F_COSF, F_TANF, F_ATANF, F_COUNT };

static const char *const fname[F_COUNT] = { "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "pow", "sin",
    "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "cbrt", "hypot",
    "erf", "erfc", "lgamma", "lgamma-", "tgamma", "expf", "logf", "powf", "sinf", "cosf", "tanf", "atanf" };

static uint64_t rng;
static uint64_t next64(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }
static double unit(void) { return (double)(next64() >> 11) * 0x1p-53; }               /* [0, 1) */
static double uniform(double a, double b) { return a + (b - a) * unit(); }
static double logu(int lo, int hi) { return ldexp(1.0 + unit(), lo + (int)(next64() % (uint64_t)(hi - lo))); }
static double sign(double v) { return next64() & 1 ? -v : v; }
static double anybits(void) { uint64_t b = next64() & 0x7fffffffffffffffu; double v; if ((b >> 52) == 0x7ff) b ^= 1ull << 62; memcpy(&v, &b, 8); return v; }

/* input i of function f: x, and y for the two-argument ones */
static double input(int f, long i, double *y) {
    int pick = (int)(next64() % 4);
    (void)i;
    *y = 0;
    switch (f) {
    case F_EXP: case F_EXPF: return pick == 0 ? sign(logu(-60, 0)) : uniform(-745.2, 709.8);
    case F_EXP2: return pick == 0 ? sign(logu(-60, 0)) : uniform(-1075, 1024);
    case F_EXPM1: return pick == 0 ? sign(logu(-60, -1)) : pick == 1 ? uniform(-1, 1) : uniform(-40, 709.7);
    case F_LOG: case F_LOG2: case F_LOG10: case F_LOGF:
        return pick == 0 ? 1.0 + sign(logu(-60, -1)) : pick == 1 ? uniform(0.5, 2) : anybits();
    case F_LOG1P: return pick == 0 ? sign(logu(-60, -1)) : pick == 1 ? uniform(-1, 1) : logu(-10, 1000);
    case F_POW: case F_POWF:
        if (pick == 0) { *y = uniform(-2000, 2000); return 1.0 + sign(logu(-40, -5)); }
        if (pick == 1) { *y = (double)(int64_t)(next64() % 201) - 100; return sign(uniform(0.1, 10)); }
        *y = uniform(-60, 60); return logu(-20, 20);
    case F_SIN: case F_COS: case F_TAN: case F_SINF: case F_COSF: case F_TANF:
        return pick == 0 ? uniform(-10, 10) : pick == 1 ? sign(logu(-30, 30)) : sign(logu(20, 1023));
    case F_ASIN: case F_ACOS: return pick == 0 ? sign(1.0 - logu(-55, -2)) : pick == 1 ? sign(logu(-60, 0)) : uniform(-1, 1);
    case F_ATAN: case F_ATANF: return pick == 0 ? uniform(-4, 4) : sign(logu(-60, 80));
    case F_ATAN2: *y = sign(logu(-40, 40)); return pick == 0 ? sign(logu(-100, 100)) : sign(logu(-40, 40));
    case F_SINH: case F_COSH: return pick == 0 ? sign(logu(-40, 0)) : pick == 1 ? uniform(-3, 3) : uniform(-710, 710);
    case F_TANH: return pick == 0 ? sign(logu(-40, 0)) : uniform(-25, 25);
    case F_ASINH: return sign(pick == 0 ? logu(-40, 0) : logu(-5, 1000));
    case F_ACOSH: return pick == 0 ? 1.0 + logu(-50, -1) : pick == 1 ? uniform(1, 10) : logu(0, 1000);
    case F_ATANH: return pick == 0 ? sign(1.0 - logu(-53, -2)) : pick == 1 ? sign(logu(-40, 0)) : uniform(-1, 1);
    case F_CBRT: return sign(anybits());
    case F_ERF: return pick == 0 ? sign(logu(-40, 0)) : uniform(-6, 6);
    case F_ERFC: return pick == 0 ? sign(logu(-40, 0)) : pick == 1 ? uniform(-6, 6) : uniform(-6, 27);
    case F_LGAMMA: return pick == 0 ? logu(-40, 1000) : pick == 1 ? uniform(0, 20) : uniform(0, 3);
    case F_LGAMMA_NEG: return pick == 0 ? -logu(-40, 0) : uniform(-30, 0);
    case F_TGAMMA: return pick == 0 ? sign(logu(-40, 0)) : pick == 1 ? uniform(0, 171.6) : uniform(-170, 0);
    case F_HYPOT: *y = sign(pick == 0 ? anybits() : logu(-30, 30)); return sign(pick == 0 ? anybits() : logu(-30, 30));
    }
    return 0;
}

static void seed(int f) { rng = 0x9E3779B97F4A7C15u ^ ((uint64_t)(f + 1) * 0xD1B54A32D192ED03u); next64(); }
