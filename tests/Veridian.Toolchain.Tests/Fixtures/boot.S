/* An assembly input that needs the preprocessor. */
#define ANSWER 42
    .section .text.boot, "ax"
    .globl _start
_start:
#if defined(__x86_64__)
    movl $ANSWER, %eax
1:  hlt
    jmp 1b
#elif defined(__aarch64__)
    mov x0, #ANSWER
1:  wfi
    b 1b
#else
    li a0, ANSWER
1:  wfi
    j 1b
#endif
