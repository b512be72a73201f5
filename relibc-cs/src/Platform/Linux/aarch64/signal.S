// The signal return trampoline for relibc-cs's Linux backend on aarch64 (passed as SA_RESTORER, as musl does, so that
// a static program does not depend on the vDSO's): a handler returns into this, which asks the kernel to restore the
// interrupted context (rt_sigreturn).
    .text
    .globl __relibc_restore_rt
    .hidden __relibc_restore_rt
    .type __relibc_restore_rt, %function
__relibc_restore_rt:
    mov x8, #139
    svc #0
    brk #0
    .size __relibc_restore_rt, . - __relibc_restore_rt
    .section .note.GNU-stack, "", %progbits
