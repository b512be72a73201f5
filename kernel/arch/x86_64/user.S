/* x86_64 user mode. enter_user(entry, sp, tls) saves the kernel's callee-saved registers and stack pointer, then drops to
 * ring 3 with iretq (interrupts on); leave_user(status) returns from enter_user with that status, from wherever the
 * kernel is (an exit system call, a fault). syscall_entry is LSTAR's target: it takes the trap stack (TSS.RSP0's,
 * the one interrupts from ring 3 use) and joins trap.S's trap_common as vector 0x80. */

    .section .text.user, "ax", @progbits
    .globl enter_user
enter_user:
    pushq %rbx
    pushq %rbp
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    movq %rsp, kernel_resume_sp(%rip)
    pushq $0x1B                 /* SS: user data, RPL 3 */
    pushq %rsi                  /* RSP */
    pushq $0x202                /* RFLAGS: IF */
    pushq $0x23                 /* CS: user code, RPL 3 */
    pushq %rdi                  /* RIP */
    xorl %eax, %eax             /* nothing of the kernel's leaks to user space */
    xorl %ebx, %ebx
    xorl %ecx, %ecx
    xorl %edx, %edx
    xorl %esi, %esi
    xorl %edi, %edi
    xorl %ebp, %ebp
    xorl %r8d, %r8d
    xorl %r9d, %r9d
    xorl %r10d, %r10d
    xorl %r11d, %r11d
    xorl %r12d, %r12d
    xorl %r13d, %r13d
    xorl %r14d, %r14d
    xorl %r15d, %r15d
    iretq

    .globl leave_user
leave_user:
    movq kernel_resume_sp(%rip), %rsp
    movl %edi, %eax
    movslq %eax, %rax
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbp
    popq %rbx
    ret

    .globl syscall_entry
syscall_entry:
    /* An interrupt-shaped frame on the trap stack (SS, RSP, RFLAGS, CS, RIP, error 0, vector 0x80), then
     * trap_common: every system call and interrupt leaves through the same iretq, with every register saved —
     * what a context switch between processes needs. */
    movq %rsp, syscall_user_rsp(%rip)
    leaq trap_stack_top(%rip), %rsp
    pushq $0x1B
    pushq syscall_user_rsp(%rip)
    pushq %r11                  /* the user's rflags */
    pushq $0x23
    pushq %rcx                  /* the user's rip */
    pushq $0
    pushq $0x80
    jmp trap_common

    .section .bss.user, "aw", @nobits
    .p2align 4
kernel_resume_sp: .skip 8
syscall_user_rsp: .skip 8
    .p2align 4
    .globl trap_stack_top
trap_stack: .skip 32768
trap_stack_top:
