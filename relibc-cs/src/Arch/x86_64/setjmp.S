# setjmp.h on x86_64 (C17 7.13; https://pubs.opengroup.org/onlinepubs/9699919799/functions/setjmp.html): what C# cannot
# write, since the registers are the caller's. jmp_buf: rbx rbp r12 r13 r14 r15, the stack pointer after setjmp
# returns, the return address (words 0-7); sigjmp_buf adds the savemask flag (word 32) and the signal mask (word 33).
# The signal-mask system call of sigsetjmp/siglongjmp: Linux's rt_sigprocmask, or on VeridianOS upstream's
# sigprocmask (121), which our kernel answers with -ENOSYS (no signals yet; docs/abi.md): the mask is then not kept.
#ifdef __veridian__
#define SYS_SIGPROCMASK 121
#else
#define SYS_SIGPROCMASK 14
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
    mov %rbx, 0(%rdi)
    mov %rbp, 8(%rdi)
    mov %r12, 16(%rdi)
    mov %r13, 24(%rdi)
    mov %r14, 32(%rdi)
    mov %r15, 40(%rdi)
    lea 8(%rsp), %rdx
    mov %rdx, 48(%rdi)
    mov (%rsp), %rdx
    mov %rdx, 56(%rdi)
    xor %eax, %eax
    ret
    .size setjmp, . - setjmp

# int sigsetjmp(sigjmp_buf env, int savemask): with savemask, the current mask first (rt_sigprocmask(SIG_BLOCK, NULL,
# &env[33], 8), which keeps every register setjmp saves and the return address on the stack), then setjmp.
sigsetjmp:
    mov %esi, 256(%rdi)
    test %esi, %esi
    jz setjmp
    mov %rdi, %r8
    lea 264(%rdi), %rdx
    xor %edi, %edi
    xor %esi, %esi
    mov $8, %r10d
    mov $14, %eax
    syscall
    mov %r8, %rdi
    jmp setjmp
    .size sigsetjmp, . - sigsetjmp

# void longjmp(jmp_buf env, int value): back to setjmp's return, which returns value (1 if value is 0).
longjmp:
_longjmp:
    mov %esi, %eax
    test %eax, %eax
    jnz 1f
    inc %eax
1:  mov 0(%rdi), %rbx
    mov 8(%rdi), %rbp
    mov 16(%rdi), %r12
    mov 24(%rdi), %r13
    mov 32(%rdi), %r14
    mov 40(%rdi), %r15
    mov 48(%rdi), %rsp
    jmp *56(%rdi)
    .size longjmp, . - longjmp

# void siglongjmp(sigjmp_buf env, int value): restores the mask sigsetjmp saved (rt_sigprocmask(SIG_SETMASK,
# &env[33], NULL, 8)), then longjmp.
siglongjmp:
    cmpl $0, 256(%rdi)
    je longjmp
    mov %rdi, %r8
    mov %esi, %r9d
    mov $2, %edi
    lea 264(%r8), %rsi
    xor %edx, %edx
    mov $8, %r10d
    mov $SYS_SIGPROCMASK, %eax
    syscall
    mov %r8, %rdi
    mov %r9d, %esi
    jmp longjmp
    .size siglongjmp, . - siglongjmp
    .section .note.GNU-stack, "", @progbits
