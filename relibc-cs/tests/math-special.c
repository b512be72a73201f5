/* math.h, the elementary functions where the result is defined exactly: C17 Annex F's special values (±0, ±∞, NaN,
   the poles, pow's and atan2's tables of special cases), results that are exact numbers (exp2(10), log10(1000),
   pow(-3, 3), cbrt(-8), tgamma(n) …), and errno for every domain, pole and range error (math_errhandling has MATH_ERRNO). */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>

static void show(const char *what, double x, double r) {
    int e = errno;
    if (isnan(r)) printf("%s(%a) = nan", what, x);
    else printf("%s(%a) = %a", what, x, r);
    printf(e ? " errno %d\n" : "\n", e);
}

#define ONE(f) do { errno = 0; double r_ = f(x); show(#f, x, r_); } while (0)

int main(void) {
    /* ±0, ±∞, NaN: every function */
    static const double special[] = { 0.0, -0.0, INFINITY, -INFINITY, NAN };
    for (unsigned i = 0; i < sizeof special / sizeof special[0]; i++) {
        double x = special[i];
        ONE(exp); ONE(exp2); ONE(expm1); ONE(log); ONE(log2); ONE(log10); ONE(log1p); ONE(sqrt); ONE(cbrt);
        ONE(sin); ONE(cos); ONE(tan); ONE(asin); ONE(acos); ONE(atan); ONE(sinh); ONE(cosh); ONE(tanh);
        ONE(asinh); ONE(acosh); ONE(atanh); ONE(erf); ONE(erfc); ONE(tgamma);
        errno = 0; double lg = lgamma(x); int sg = signgam; show("lgamma", x, lg); printf(" signgam %d\n", sg);
        errno = 0; float rf = expf((float)x); show("expf", x, rf);
        errno = 0; rf = logf((float)x); show("logf", x, rf);
        errno = 0; rf = sinhf((float)x); show("sinhf", x, rf);
        errno = 0; rf = atanf((float)x); show("atanf", x, rf);
    }
    /* ±1: the functions for which it is a special point (zeros, poles, domain edges) */
    for (double x = -1.0; x <= 1.0; x += 2.0) {
        ONE(exp2); ONE(log); ONE(log2); ONE(log10); ONE(log1p); ONE(sqrt); ONE(cbrt); ONE(asin); ONE(acos); ONE(atanh); ONE(acosh);
        ONE(lgamma); ONE(tgamma);
    }
    /* Γ: exact factorials, the poles and domain errors at the integers, overflow, underflow; signgam */
    for (double x = -3.0; x <= 12.0; x += 1.0) { ONE(tgamma); if (x <= 2.0) ONE(lgamma); }
    for (double x = -3.5; x < 0; x += 1.0) { errno = 0; (void)lgamma(x); printf("signgam(%a) %d\n", x, signgam); }
    errno = 0; double g = tgamma(172.0); printf("tgamma(172) %a errno %d\n", g, errno);
    errno = 0; g = tgamma(-190.5); printf("tgamma(-190.5) %a errno %d\n", g, errno);
    errno = 0; g = erfc(30.0); printf("erfc(30) %a errno %d\n", g, errno);
    errno = 0; g = lgamma(1e307); printf("lgamma(1e307) %a errno %d\n", g, errno);
    /* far outside: overflow, underflow, domain errors, saturation */
    static const double far[] = { 1000.0, -1000.0, 1e300, -1e300 };
    for (unsigned i = 0; i < sizeof far / sizeof far[0]; i++) {
        double x = far[i];
        ONE(exp); ONE(exp2); ONE(expm1); ONE(sinh); ONE(cosh); ONE(tanh); ONE(asin); ONE(acos); ONE(atanh);
        if (x < 0) { ONE(log); ONE(log2); ONE(log10); ONE(log1p); ONE(sqrt); ONE(acosh); }
        errno = 0; float rf = expf((float)x); show("expf", x, rf);
        errno = 0; rf = sinhf((float)x); show("sinhf", x, rf);
    }
    /* pow: F.10.4.4's table, and exact results */
    static const double px[] = { 0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, -3.0, INFINITY, -INFINITY, NAN, 10.0 };
    static const double py[] = { 0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 0.5, -0.5, INFINITY, -INFINITY, NAN, 22.0, 1e300, -1e300 };
    for (unsigned i = 0; i < sizeof px / sizeof px[0]; i++)
        for (unsigned j = 0; j < sizeof py / sizeof py[0]; j++) {
            double x = px[i], y = py[j];
            int exact = !isfinite(x) || !isfinite(y) || x == 0 || fabs(x) == 1 || y == 0 || fabs(y) >= 1e300 ||
                        (y == trunc(y) && (y > 0 || fabs(x) == 0.5 || fabs(x) == 2.0)) || (x < 0 && y != trunc(y));
            if (!exact) continue; /* a rounded value, not a special case: math-ulp checks those */
            errno = 0;
            double r = pow(x, y);
            int e = errno;
            if (isnan(r)) printf("pow(%a, %a) = nan", px[i], py[j]);
            else printf("pow(%a, %a) = %a", px[i], py[j], r);
            printf(e ? " errno %d\n" : "\n", e);
        }
    /* atan2: F.10.1.4's table */
    static const double ay[] = { 0.0, -0.0, 1.0, -1.0, INFINITY, -INFINITY, NAN };
    for (unsigned i = 0; i < sizeof ay / sizeof ay[0]; i++)
        for (unsigned j = 0; j < sizeof ay / sizeof ay[0]; j++) {
            double r = atan2(ay[i], ay[j]);
            if (isnan(r)) printf("atan2(%a, %a) = nan\n", ay[i], ay[j]);
            else printf("atan2(%a, %a) = %a\n", ay[i], ay[j], r);
        }
    /* exact results */
    printf("exp2(10) %a exp2(-1074) %a exp2(1023) %a log2(1024) %a log2(0x1p-1074) %a log10(1000) %a log10(1e22) %a\n",
           exp2(10.0), exp2(-1074.0), exp2(1023.0), log2(1024.0), log2(0x1p-1074), log10(1000.0), log10(1e22));
    printf("pow(10, 22) %a pow(-3, 3) %a pow(0.5, -3) %a pow(-2, 1023) %a pow(2, -1074) %a pow(4, 0.5) %a pow(-8, 1/3.) nan=%d\n",
           pow(10.0, 22.0), pow(-3.0, 3.0), pow(0.5, -3.0), pow(-2.0, 1023.0), pow(2.0, -1074.0), pow(4.0, 0.5), isnan(pow(-8.0, 1 / 3.0)));
    printf("cbrt(-8) %a exp(0) %a log(1) %a cosh(0) %a acos(1) %a acosh(1) %a\n",
           cbrt(-8.0), exp(0.0), log(1.0), cosh(0.0), acos(1.0), acosh(1.0));
    printf("atan(inf) %a acos(-1) %a asin(1) %a atan2(1, 1) %a atan2(1, -1) %a atan2(-0, -1) %a tanh(30) %a expm1(-50) %a\n",
           atan(INFINITY), acos(-1.0), asin(1.0), atan2(1.0, 1.0), atan2(1.0, -1.0), atan2(-0.0, -1.0), tanh(30.0), expm1(-50.0));
    /* errno at the edges: overflow and underflow thresholds */
    static const double edges[] = { 709.78, 709.79, -745.1, -745.2, 1023.9, 1024.0, -1075.0, -1076.0 };
    for (unsigned i = 0; i < sizeof edges / sizeof edges[0]; i++) {
        double x = edges[i];
        if (i < 4) { errno = 0; double r = exp(x); printf("exp(%a) %s errno %d\n", x, isinf(r) ? "inf" : r == 0 ? "0" : "finite", errno); }
        else { errno = 0; double r = exp2(x); printf("exp2(%a) %s errno %d\n", x, isinf(r) ? "inf" : r == 0 ? "0" : "finite", errno); }
    }
    errno = 0; double s = sinh(711.0); printf("sinh(711) %a errno %d\n", s, errno);
    errno = 0; s = cosh(-711.0); printf("cosh(-711) %a errno %d\n", s, errno);
    errno = 0; s = pow(10.0, 309.0); printf("pow(10, 309) %a errno %d\n", s, errno);
    errno = 0; s = pow(10.0, -400.0); printf("pow(10, -400) %a errno %d\n", s, errno);
    errno = 0; s = pow(-10.0, 309.0); printf("pow(-10, 309) %a errno %d\n", s, errno);
    errno = 0; float f = powf(10.0f, 39.0f); printf("powf(10, 39) %a errno %d\n", (double)f, errno);
    errno = 0; f = expf(-104.0f); printf("expf(-104) %a errno %d\n", (double)f, errno);
    errno = 0; s = expm1(710.0); printf("expm1(710) %a errno %d\n", s, errno);
    return 0;
}
