/* fenv.h: the FE_ values, rounding directions honoured by the arithmetic and by rint/nearbyint/lrint/fma/sqrt, the
   exception flags the operations (and libm's error cases) raise, and the environment save/restore functions. */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>

static volatile double one = 1.0, three = 3.0, zero = 0.0, big = DBL_MAX, tiny = DBL_MIN;

static void flags(const char *what) {
    int f = fetestexcept(FE_ALL_EXCEPT);
    printf("%-28s%s%s%s%s%s\n", what, f & FE_INVALID ? " invalid" : "", f & FE_DIVBYZERO ? " divbyzero" : "",
           f & FE_OVERFLOW ? " overflow" : "", f & FE_UNDERFLOW ? " underflow" : "", f & FE_INEXACT ? " inexact" : "");
    feclearexcept(FE_ALL_EXCEPT);
}

int main(void) {
    printf("FE_INVALID %#x FE_DIVBYZERO %#x FE_OVERFLOW %#x FE_UNDERFLOW %#x FE_INEXACT %#x FE_ALL_EXCEPT %#x\n",
           FE_INVALID, FE_DIVBYZERO, FE_OVERFLOW, FE_UNDERFLOW, FE_INEXACT, FE_ALL_EXCEPT);
    printf("FE_TONEAREST %#x FE_DOWNWARD %#x FE_UPWARD %#x FE_TOWARDZERO %#x\n", FE_TONEAREST, FE_DOWNWARD, FE_UPWARD,
           FE_TOWARDZERO);
    printf("fegetround %#x\n", fegetround());
    static const int modes[] = { FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO };
    static const char *names[] = { "nearest", "downward", "upward", "towardzero" };
    static const double xs[] = { 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.75, -2.75, 0x1.fffffffffffffp51, 1e300, -0.0 };
    for (int m = 0; m < 4; m++) {
        printf("%s: fesetround %d fegetround-ok %d\n", names[m], fesetround(modes[m]), fegetround() == modes[m]);
        printf(" 1/3 %a -1/3 %a max+max %a sqrt(2) %a sqrt(3) %a\n", one / three, -one / three, big + big,
               sqrt(2.0 * one), sqrt(three));
        for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
            double x = xs[i] * one;
            printf(" x=%a rint %a nearbyint %a lrint %ld llrint %lld rintf %a\n", x, rint(x), nearbyint(x),
                   fabs(x) < 1e18 ? lrint(x) : 0L, fabs(x) < 1e18 ? llrint(x) : 0LL, (double)rintf((float)x));
        }
        printf(" fma(1+2^-52, 1-2^-52, -1) %a fma(1, 1, 2^-60) %a fma(-1, 1, -2^-60) %a fma(tiny) %a fmaf %a\n",
               fma(1 + 0x1p-52, 1 - 0x1p-52, -one), fma(one, one, 0x1p-60), fma(-one, one, -0x1p-60),
               fma(0x1p-1000, 0x1.8p-74, 0x1p-1074 * one), (double)fmaf(1 + 0x1p-23f, 1 + 0x1p-23f, (float)one));
        printf(" 1-1 %a fma(1,1,-1) %a nextafter %a\n", one - one, fma(one, one, -one), nextafter(one, 2.0));
        feclearexcept(FE_ALL_EXCEPT);
    }
    fesetround(FE_TONEAREST);
    printf("fesetround(bad) %d fegetround %#x\n", fesetround(12345) != 0, fegetround());
    feclearexcept(FE_ALL_EXCEPT);
    flags("clear");
    volatile double r = one / three; (void)r;
    flags("1/3");
    r = one / zero;
    flags("1/0");
    r = zero / zero;
    flags("0/0");
    r = big * 2.0;
    flags("max*2");
    r = tiny / 3.0;
    flags("min/3");
    r = sqrt(-one);
    flags("sqrt(-1)");
    r = rint(2.5 * one);
    flags("rint(2.5)");
    r = nearbyint(2.5 * one);
    flags("nearbyint(2.5)");
    r = fmod(one, zero);
    flags("fmod(1, 0)");
    r = ldexp(one, 5000);
    flags("ldexp(1, 5000)");
    r = fma(big, 2.0, -big);
    flags("fma(max, 2, -max)");
    r = fma(one, one, one);
    flags("fma(1, 1, 1)");
    r = fma(one, 0x1p-60, one);
    flags("fma(1, 2^-60, 1)");
    /* libm's error cases raise what the operation they stand for would */
    r = exp(1000.0 * one);
    flags("exp(1000)");
    r = exp(-1000.0 * one);
    flags("exp(-1000)");
    r = log(zero);
    flags("log(0)");
    r = log(-one);
    flags("log(-1)");
    r = pow(zero, -one);
    flags("pow(0, -1)");
    r = atanh(one);
    flags("atanh(1)");
    r = tgamma(-one);
    flags("tgamma(-1)");
    r = cosh(800.0 * one);
    flags("cosh(800)");
    r = exp(zero);
    flags("exp(0)");
    r = log(one);
    flags("log(1)");
    feraiseexcept(FE_OVERFLOW | FE_INEXACT);
    flags("feraiseexcept(OVERFLOW|INEXACT)");
    feraiseexcept(FE_INVALID);
    printf("fetestexcept(INVALID|INEXACT) %d\n", fetestexcept(FE_INVALID | FE_INEXACT) == FE_INVALID);
    fexcept_t saved;
    fegetexceptflag(&saved, FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT);
    fesetexceptflag(&saved, FE_INVALID);
    flags("fesetexceptflag(INVALID)");
    fenv_t env;
    fesetround(FE_UPWARD);
    fegetenv(&env);
    fesetround(FE_DOWNWARD);
    r = one / three;
    printf("after fegetenv/fesetround(down): %a\n", r);
    fesetenv(&env);
    printf("fesetenv: round upward %d 1/3 %a\n", fegetround() == FE_UPWARD, one / three);
    flags("fesetenv keeps no flags");
    r = one / zero;
    printf("feholdexcept %d", feholdexcept(&env));
    printf(" flags after %d round upward %d\n", fetestexcept(FE_ALL_EXCEPT), fegetround() == FE_UPWARD);
    r = one / three;
    feupdateenv(&env);
    flags("feupdateenv");
    fesetenv(FE_DFL_ENV);
    printf("FE_DFL_ENV: round nearest %d 1/3 %a\n", fegetround() == FE_TONEAREST, one / three);
    flags("FE_DFL_ENV");
    return 0;
}
