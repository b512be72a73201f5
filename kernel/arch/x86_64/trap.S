/* x86_64 trap entry: one stub per vector 0-47 (exceptions 0-31, the remapped 8259 PIC's IRQs 32-47). A stub
 * pushes a zero where the CPU pushes no error code, then the vector, and joins trap_common, which saves the
 * general registers (the kernel uses no x87/SSE state), calls x86_trap(frame) and returns with iretq. The
 * frame's layout is Machine.cs's TrapFrame. trap_stubs lists the stubs' addresses for the IDT. */

    .section .text.trap, "ax", @progbits
    .irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
    .p2align 4
trap_stub_\v:
    .if (\v == 8) || (\v == 10) || (\v == 11) || (\v == 12) || (\v == 13) || (\v == 14) || (\v == 17) || (\v == 21) || (\v == 29) || (\v == 30)
    .else
    pushq $0
    .endif
    pushq $\v
    jmp trap_common
    .endr

    .globl trap_common
trap_common:
    pushq %rax
    pushq %rbx
    pushq %rcx
    pushq %rdx
    pushq %rsi
    pushq %rdi
    pushq %rbp
    pushq %r8
    pushq %r9
    pushq %r10
    pushq %r11
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    cld
    movq %rsp, %rdi             /* 22 quadwords since the CPU's 16-byte alignment: aligned for the call */
    call x86_trap
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %r11
    popq %r10
    popq %r9
    popq %r8
    popq %rbp
    popq %rdi
    popq %rsi
    popq %rdx
    popq %rcx
    popq %rbx
    popq %rax
    addq $16, %rsp              /* vector, error code */
    iretq

    .section .rodata.trap, "a", @progbits
    .p2align 3
    .globl trap_stubs
trap_stubs:
    .irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
    .quad trap_stub_\v
    .endr
