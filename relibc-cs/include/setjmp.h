/* setjmp.h — C17 7.13, POSIX.1-2017 (src/Arch/<arch>/setjmp.S: the callee-saved registers, the stack pointer and the
   return address; a sigjmp_buf also the savemask flag, word 32, and the signal mask, word 33). */
#ifndef _SETJMP_H
#define _SETJMP_H
#include <_relibc.h>
__RELIBC_BEGIN
typedef unsigned long jmp_buf[34];
typedef unsigned long sigjmp_buf[34];
int setjmp(jmp_buf) __attribute__((__returns_twice__));
int _setjmp(jmp_buf) __attribute__((__returns_twice__));
int sigsetjmp(sigjmp_buf, int) __attribute__((__returns_twice__));
__RELIBC_NORETURN void longjmp(jmp_buf, int);
__RELIBC_NORETURN void _longjmp(jmp_buf, int);
__RELIBC_NORETURN void siglongjmp(sigjmp_buf, int);
__RELIBC_END
#endif
