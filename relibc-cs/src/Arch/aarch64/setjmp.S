// setjmp.h on aarch64 (C17 7.13; https://pubs.opengroup.org/onlinepubs/9699919799/functions/setjmp.html): what C#
// cannot write, since the registers are the caller's. jmp_buf: x19-x28, x29, x30 (the return address), sp, d8-d15
// (words 0-20); sigjmp_buf adds the savemask flag (word 32) and the signal mask (word 33).
// The signal-mask system call of sigsetjmp/siglongjmp: Linux's rt_sigprocmask, or on VeridianOS upstream's
// sigprocmask (121), which our kernel answers with -ENOSYS (no signals yet; docs/abi.md): the mask is then not kept.
#ifdef __veridian__
#define SYS_SIGPROCMASK 121
#else
#define SYS_SIGPROCMASK 135
#endif

    .text
    .globl setjmp, _setjmp, longjmp, _longjmp, sigsetjmp, siglongjmp
    .type setjmp, %function
    .type _setjmp, %function
    .type sigsetjmp, %function
    .type longjmp, %function
    .type _longjmp, %function
    .type siglongjmp, %function
setjmp:
_setjmp:
    stp x19, x20, [x0, #0]
    stp x21, x22, [x0, #16]
    stp x23, x24, [x0, #32]
    stp x25, x26, [x0, #48]
    stp x27, x28, [x0, #64]
    stp x29, x30, [x0, #80]
    mov x2, sp
    str x2, [x0, #96]
    stp d8, d9, [x0, #104]
    stp d10, d11, [x0, #120]
    stp d12, d13, [x0, #136]
    stp d14, d15, [x0, #152]
    mov x0, #0
    ret
    .size setjmp, . - setjmp

// int sigsetjmp(sigjmp_buf env, int savemask): with savemask, the current mask first (rt_sigprocmask(SIG_BLOCK, NULL,
// &env[33], 8), which keeps every register but x0), then setjmp.
sigsetjmp:
    str w1, [x0, #256]
    cbz w1, setjmp
    mov x9, x0
    add x2, x0, #264
    mov x0, #0
    mov x1, #0
    mov x3, #8
    mov x8, #135
    svc #0
    mov x0, x9
    b setjmp
    .size sigsetjmp, . - sigsetjmp

// void longjmp(jmp_buf env, int value): back to setjmp's return, which returns value (1 if value is 0).
longjmp:
_longjmp:
    ldp x19, x20, [x0, #0]
    ldp x21, x22, [x0, #16]
    ldp x23, x24, [x0, #32]
    ldp x25, x26, [x0, #48]
    ldp x27, x28, [x0, #64]
    ldp x29, x30, [x0, #80]
    ldr x2, [x0, #96]
    mov sp, x2
    ldp d8, d9, [x0, #104]
    ldp d10, d11, [x0, #120]
    ldp d12, d13, [x0, #136]
    ldp d14, d15, [x0, #152]
    cmp w1, #0
    csinc w0, w1, wzr, ne
    br x30
    .size longjmp, . - longjmp

// void siglongjmp(sigjmp_buf env, int value): restores the mask sigsetjmp saved (rt_sigprocmask(SIG_SETMASK,
// &env[33], NULL, 8)), then longjmp.
siglongjmp:
    ldr w2, [x0, #256]
    cbz w2, longjmp
    mov x9, x0
    mov w10, w1
    mov x0, #2
    add x1, x9, #264
    mov x2, #0
    mov x3, #8
    mov x8, #SYS_SIGPROCMASK
    svc #0
    mov x0, x9
    mov w1, w10
    b longjmp
    .size siglongjmp, . - siglongjmp
    .section .note.GNU-stack, "", %progbits
