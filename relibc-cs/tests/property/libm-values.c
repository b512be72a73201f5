/* The libm property test, first half (docs/relibc.md, "Tests"): N inputs per function (libm-inputs.h) through the
   libm it is linked with, the results written as raw doubles to the file argv[2]. libm-check.c, built against glibc,
   compares them with glibc's long double functions. Usage: libm-values N FILE */
#include <stdio.h>
#include <stdlib.h>
#include "libm-inputs.h"

static double eval(int f, double x, double y) {
    switch (f) {
    case F_EXP: return exp(x); case F_EXP2: return exp2(x); case F_EXPM1: return expm1(x);
    case F_LOG: return log(x); case F_LOG2: return log2(x); case F_LOG10: return log10(x); case F_LOG1P: return log1p(x);
    case F_POW: return pow(x, y); case F_SIN: return sin(x); case F_COS: return cos(x); case F_TAN: return tan(x);
    case F_ASIN: return asin(x); case F_ACOS: return acos(x); case F_ATAN: return atan(x); case F_ATAN2: return atan2(y, x);
    case F_SINH: return sinh(x); case F_COSH: return cosh(x); case F_TANH: return tanh(x); case F_ASINH: return asinh(x);
    case F_ACOSH: return acosh(x); case F_ATANH: return atanh(x); case F_CBRT: return cbrt(x); case F_HYPOT: return hypot(x, y);
    case F_ERF: return erf(x); case F_ERFC: return erfc(x); case F_LGAMMA: case F_LGAMMA_NEG: return lgamma(x); case F_TGAMMA: return tgamma(x);
    case F_EXPF: return expf((float)x); case F_LOGF: return logf((float)x); case F_POWF: return powf((float)x, (float)y);
    case F_SINF: return sinf((float)x); case F_COSF: return cosf((float)x); case F_TANF: return tanf((float)x);
    case F_ATANF: return atanf((float)x);
    }
    return 0;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000;
    FILE *out = fopen(argc > 2 ? argv[2] : "libm-values.bin", "wb");
    if (!out) return 2;
    for (int f = 0; f < F_COUNT; f++) {
        seed(f);
        for (long i = 0; i < n; i++) {
            double y, x = input(f, i, &y);
            double r = eval(f, x, y);
            fwrite(&r, sizeof r, 1, out);
        }
    }
    return fclose(out) == 0 ? 0 : 3;
}
