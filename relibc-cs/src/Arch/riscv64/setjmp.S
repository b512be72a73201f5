# setjmp.h on riscv64 (C17 7.13; https://pubs.opengroup.org/onlinepubs/9699919799/functions/setjmp.html): what C#
# cannot write, since the registers are the caller's. jmp_buf: s0-s11, ra, sp, fs0-fs11 (words 0-25); sigjmp_buf adds
# the savemask flag (word 32) and the signal mask (word 33).
# The signal-mask system call of sigsetjmp/siglongjmp: Linux's rt_sigprocmask, or on VeridianOS upstream's
# sigprocmask (121), which our kernel answers with -ENOSYS (no signals yet; docs/abi.md): the mask is then not kept.
#ifdef __veridian__
#define SYS_SIGPROCMASK 121
#else
#define SYS_SIGPROCMASK 135
#endif

    .text
    .globl setjmp, _setjmp, longjmp, _longjmp, sigsetjmp, siglongjmp
    .type setjmp, @function
    .type _setjmp, @function
    .type sigsetjmp, @function
    .type longjmp, @function
    .type _longjmp, @function
    .type siglongjmp, @function
setjmp:
_setjmp:
    sd s0, 0(a0)
    sd s1, 8(a0)
    sd s2, 16(a0)
    sd s3, 24(a0)
    sd s4, 32(a0)
    sd s5, 40(a0)
    sd s6, 48(a0)
    sd s7, 56(a0)
    sd s8, 64(a0)
    sd s9, 72(a0)
    sd s10, 80(a0)
    sd s11, 88(a0)
    sd ra, 96(a0)
    sd sp, 104(a0)
    fsd fs0, 112(a0)
    fsd fs1, 120(a0)
    fsd fs2, 128(a0)
    fsd fs3, 136(a0)
    fsd fs4, 144(a0)
    fsd fs5, 152(a0)
    fsd fs6, 160(a0)
    fsd fs7, 168(a0)
    fsd fs8, 176(a0)
    fsd fs9, 184(a0)
    fsd fs10, 192(a0)
    fsd fs11, 200(a0)
    li a0, 0
    ret
    .size setjmp, . - setjmp

# int sigsetjmp(sigjmp_buf env, int savemask): with savemask, the current mask first (rt_sigprocmask(SIG_BLOCK, NULL,
# &env[33], 8), which keeps every register setjmp saves), then setjmp.
sigsetjmp:
    sw a1, 256(a0)
    beqz a1, setjmp
    mv t0, a0
    addi a2, a0, 264
    li a0, 0
    li a1, 0
    li a3, 8
    li a7, SYS_SIGPROCMASK
    ecall
    mv a0, t0
    j setjmp
    .size sigsetjmp, . - sigsetjmp

# void longjmp(jmp_buf env, int value): back to setjmp's return, which returns value (1 if value is 0).
longjmp:
_longjmp:
    ld s0, 0(a0)
    ld s1, 8(a0)
    ld s2, 16(a0)
    ld s3, 24(a0)
    ld s4, 32(a0)
    ld s5, 40(a0)
    ld s6, 48(a0)
    ld s7, 56(a0)
    ld s8, 64(a0)
    ld s9, 72(a0)
    ld s10, 80(a0)
    ld s11, 88(a0)
    ld ra, 96(a0)
    ld sp, 104(a0)
    fld fs0, 112(a0)
    fld fs1, 120(a0)
    fld fs2, 128(a0)
    fld fs3, 136(a0)
    fld fs4, 144(a0)
    fld fs5, 152(a0)
    fld fs6, 160(a0)
    fld fs7, 168(a0)
    fld fs8, 176(a0)
    fld fs9, 184(a0)
    fld fs10, 192(a0)
    fld fs11, 200(a0)
    seqz a0, a1
    add a0, a0, a1
    ret
    .size longjmp, . - longjmp

# void siglongjmp(sigjmp_buf env, int value): restores the mask sigsetjmp saved (rt_sigprocmask(SIG_SETMASK,
# &env[33], NULL, 8)), then longjmp.
siglongjmp:
    lw t1, 256(a0)
    beqz t1, longjmp
    mv t0, a0
    mv t2, a1
    li a0, 2
    addi a1, t0, 264
    li a2, 0
    li a3, 8
    li a7, SYS_SIGPROCMASK
    ecall
    mv a0, t0
    mv a1, t2
    j longjmp
    .size siglongjmp, . - siglongjmp
    .section .note.GNU-stack, "", @progbits
