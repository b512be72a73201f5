/* fenv.h — C17 7.6, POSIX.1-2017. The FE_ values are each architecture's register bits (as glibc's); relibc-cs's
   src/Header/Fenv/Fenv.cs defines the same (HeaderTests checks the two against each other). */
#ifndef _FENV_H
#define _FENV_H
#include <_relibc.h>
#if defined(__x86_64__)
#define FE_INVALID 0x01
#define FE_DIVBYZERO 0x04
#define FE_OVERFLOW 0x08
#define FE_UNDERFLOW 0x10
#define FE_INEXACT 0x20
#define FE_TONEAREST 0x0
#define FE_DOWNWARD 0x400
#define FE_UPWARD 0x800
#define FE_TOWARDZERO 0xc00
typedef unsigned short fexcept_t;
/* the x87 environment (fnstenv's 28 bytes) and MXCSR */
typedef struct { unsigned short __control, __r0, __status, __r1, __tags, __r2; unsigned int __ip, __opcode, __dp, __ds; unsigned int __mxcsr; } fenv_t;
#elif defined(__aarch64__)
#define FE_INVALID 0x01
#define FE_DIVBYZERO 0x02
#define FE_OVERFLOW 0x04
#define FE_UNDERFLOW 0x08
#define FE_INEXACT 0x10
#define FE_TONEAREST 0x0
#define FE_UPWARD 0x400000
#define FE_DOWNWARD 0x800000
#define FE_TOWARDZERO 0xc00000
typedef unsigned int fexcept_t;
typedef struct { unsigned int __fpcr, __fpsr; } fenv_t;
#elif defined(__riscv)
#define FE_INEXACT 0x01
#define FE_UNDERFLOW 0x02
#define FE_OVERFLOW 0x04
#define FE_DIVBYZERO 0x08
#define FE_INVALID 0x10
#define FE_TONEAREST 0x0
#define FE_TOWARDZERO 0x1
#define FE_DOWNWARD 0x2
#define FE_UPWARD 0x3
typedef unsigned int fexcept_t;
typedef unsigned int fenv_t;
#else
#error "relibc-cs: fenv.h does not know this architecture"
#endif
#define FE_ALL_EXCEPT (FE_INVALID | FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INEXACT)
#define FE_DFL_ENV ((const fenv_t *)-1)
__RELIBC_BEGIN
int feclearexcept(int);
int fegetexceptflag(fexcept_t *, int);
int feraiseexcept(int);
int fesetexceptflag(const fexcept_t *, int);
int fetestexcept(int);
int fegetround(void);
int fesetround(int);
int fegetenv(fenv_t *);
int feholdexcept(fenv_t *);
int fesetenv(const fenv_t *);
int feupdateenv(const fenv_t *);
__RELIBC_END
#endif
