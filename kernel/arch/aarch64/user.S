/* aarch64 user mode. enter_user(entry, sp, tls) saves the kernel's callee-saved registers and sp, then erets to EL0t with
 * SP_EL0 = sp and every exception unmasked; leave_user(status) returns from enter_user with that status. Exceptions
 * from EL0 land in vectors.S's lower-EL slots on SP_EL1, below the saved registers. */

    .section .text.user, "ax", %progbits
    .globl enter_user
enter_user:
    stp x19, x20, [sp, #-96]!
    stp x21, x22, [sp, #16]
    stp x23, x24, [sp, #32]
    stp x25, x26, [sp, #48]
    stp x27, x28, [sp, #64]
    stp x29, x30, [sp, #80]
    mov x9, sp
    adrp x10, kernel_resume_sp
    str x9, [x10, :lo12:kernel_resume_sp]
    msr sp_el0, x1
    msr elr_el1, x0
    msr spsr_el1, xzr           /* EL0t, D A I F clear */
    .irp r, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30
    mov x\r, xzr                /* nothing of the kernel's leaks to user space */
    .endr
    eret

    .globl leave_user
leave_user:
    adrp x10, kernel_resume_sp
    ldr x9, [x10, :lo12:kernel_resume_sp]
    mov sp, x9
    sxtw x0, w0
    ldp x21, x22, [sp, #16]
    ldp x23, x24, [sp, #32]
    ldp x25, x26, [sp, #48]
    ldp x27, x28, [sp, #64]
    ldp x29, x30, [sp, #80]
    ldp x19, x20, [sp], #96
    ret

    .section .bss.user, "aw", %nobits
    .p2align 3
kernel_resume_sp: .skip 8
