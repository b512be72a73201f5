# The signal return trampoline for relibc-cs's Linux backend on x86_64: the kernel requires SA_RESTORER here, and a
# handler returns into this, which asks the kernel to restore the interrupted context (rt_sigreturn).
    .text
    .globl __relibc_restore_rt
    .hidden __relibc_restore_rt
    .type __relibc_restore_rt, @function
__relibc_restore_rt:
    mov $15, %eax
    syscall
    hlt
    .size __relibc_restore_rt, . - __relibc_restore_rt
    .section .note.GNU-stack, "", @progbits
