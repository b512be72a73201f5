# Thread exit for relibc-cs's VeridianOS backend on x86_64 (docs/relibc.md, "Threads"; the calls: docs/abi.md):
# what C# cannot write, because once the tid word is cleared a joiner may unmap the stack this code runs on, and a
# detached thread's last act is to unmap its own stack. Neither touches memory after that point.

# void __relibc_exit_thread(int *tid): if tid, *tid = 0 and futex_wake(tid, INT_MAX) (202); then thread_exit(0) (41).
    .text
    .globl __relibc_exit_thread
    .hidden __relibc_exit_thread
    .type __relibc_exit_thread, @function
__relibc_exit_thread:
    test %rdi, %rdi
    jz 1f
    movl $0, (%rdi)
    mov $0x7fffffff, %esi
    mov $202, %eax
    syscall
1:  xor %edi, %edi
    mov $41, %eax
    syscall
    hlt
    .size __relibc_exit_thread, . - __relibc_exit_thread

# void __relibc_unmap_and_exit(void *base, size_t length): munmap(base, length) (21), then thread_exit(0) (41).
    .globl __relibc_unmap_and_exit
    .hidden __relibc_unmap_and_exit
    .type __relibc_unmap_and_exit, @function
__relibc_unmap_and_exit:
    mov $21, %eax
    syscall
    xor %edi, %edi
    mov $41, %eax
    syscall
    hlt
    .size __relibc_unmap_and_exit, . - __relibc_unmap_and_exit
    .section .note.GNU-stack, "", @progbits
