/* riscv64 user mode. enter_user(entry, sp, tls) saves the kernel's callee-saved registers and sp, points sscratch at the
 * trap stack (trap.S swaps to it on a trap from U-mode) and srets to U-mode (SPP = 0, SPIE = 1: interrupts on) with tp = tls;
 * leave_user(status) returns from enter_user with that status. */

    .section .text.user, "ax", %progbits
    .globl enter_user
enter_user:
    addi sp, sp, -112
    sd ra, 0(sp)
    sd s0, 8(sp)
    sd s1, 16(sp)
    sd s2, 24(sp)
    sd s3, 32(sp)
    sd s4, 40(sp)
    sd s5, 48(sp)
    sd s6, 56(sp)
    sd s7, 64(sp)
    sd s8, 72(sp)
    sd s9, 80(sp)
    sd s10, 88(sp)
    sd s11, 96(sp)
    .option push
    .option norelax
    lla t0, kernel_resume_sp
    sd sp, 0(t0)
    lla t0, trap_stack_top
    .option pop
    csrw sscratch, t0
    csrw sepc, a0
    li t0, 0x100
    csrc sstatus, t0            /* SPP = U */
    li t0, 0x20
    csrs sstatus, t0            /* SPIE */
    mv sp, a1
    mv tp, a2                   /* the initial thread's TLS block (PT_TLS), or 0 */
    .irp r, 1,3,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    li x\r, 0                   /* nothing of the kernel's leaks to user space */
    .endr
    sret

    .globl leave_user
leave_user:
    csrw sscratch, zero
    .option push
    .option norelax
    lla t0, kernel_resume_sp
    .option pop
    ld sp, 0(t0)
    sext.w a0, a0
    ld ra, 0(sp)
    ld s0, 8(sp)
    ld s1, 16(sp)
    ld s2, 24(sp)
    ld s3, 32(sp)
    ld s4, 40(sp)
    ld s5, 48(sp)
    ld s6, 56(sp)
    ld s7, 64(sp)
    ld s8, 72(sp)
    ld s9, 80(sp)
    ld s10, 88(sp)
    ld s11, 96(sp)
    addi sp, sp, 112
    ret

    .section .bss.user, "aw", %nobits
    .p2align 4
kernel_resume_sp: .skip 8
trap_stack: .skip 32768
    .globl trap_stack_top
trap_stack_top:
