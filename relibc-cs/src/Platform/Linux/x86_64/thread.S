# Thread entry and exit for relibc-cs's Linux backend on x86_64 (docs/relibc.md, "Threads"): what C# cannot write,
# because the child of clone runs on a new stack that no C# frame describes, and a detached thread's last act is to
# unmap the stack it runs on.

# long __relibc_clone(unsigned long flags, void *stack, int *ptid, void *tls, int *ctid, void (*fn)(void *), void *arg)
# Linux clone(2) on x86_64 takes flags, stack, ptid, ctid, tls (rdi rsi rdx r10 r8). The child pops fn and arg from
# its new stack, calls fn(arg) with rbp cleared (the outermost frame), and exits the thread if fn ever returns.
    .text
    .globl __relibc_clone
    .hidden __relibc_clone
    .type __relibc_clone, @function
__relibc_clone:
    mov 8(%rsp), %rax
    and $-16, %rsi
    sub $16, %rsi
    mov %r9, 0(%rsi)
    mov %rax, 8(%rsi)
    mov %r8, %r10
    mov %rcx, %r8
    mov $56, %eax
    syscall
    test %rax, %rax
    jnz 1f
    xor %ebp, %ebp
    pop %rax
    pop %rdi
    call *%rax
    xor %edi, %edi
    mov $60, %eax
    syscall
    hlt
1:  ret
    .size __relibc_clone, . - __relibc_clone

# void __relibc_unmap_and_exit(void *base, size_t length): munmap(base, length), then exit(0) of this thread,
# touching no memory in between (the stack may be inside the mapping).
    .globl __relibc_unmap_and_exit
    .hidden __relibc_unmap_and_exit
    .type __relibc_unmap_and_exit, @function
__relibc_unmap_and_exit:
    mov $11, %eax
    syscall
    xor %edi, %edi
    mov $60, %eax
    syscall
    hlt
    .size __relibc_unmap_and_exit, . - __relibc_unmap_and_exit
    .section .note.GNU-stack, "", @progbits
