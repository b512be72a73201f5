// Thread entry and exit for relibc-cs's Linux backend on aarch64 (docs/relibc.md, "Threads"): what C# cannot write,
// because the child of clone runs on a new stack that no C# frame describes, and a detached thread's last act is to
// unmap the stack it runs on.

// long __relibc_clone(unsigned long flags, void *stack, int *ptid, void *tls, int *ctid, void (*fn)(void *), void *arg)
// Linux clone(2) on aarch64 takes flags, stack, ptid, tls, ctid (x0-x4), as our arguments arrive. The child loads fn
// and arg from its new stack, calls fn(arg) with the frame pointer and link register cleared, and exits the thread
// if fn ever returns.
    .text
    .globl __relibc_clone
    .hidden __relibc_clone
    .type __relibc_clone, %function
__relibc_clone:
    and x1, x1, #-16
    stp x5, x6, [x1, #-16]!
    mov x8, #220
    svc #0
    cbnz x0, 1f
    ldp x1, x0, [sp], #16
    mov x29, #0
    mov x30, #0
    blr x1
    mov x0, #0
    mov x8, #93
    svc #0
    brk #0
1:  ret
    .size __relibc_clone, . - __relibc_clone

// void __relibc_unmap_and_exit(void *base, size_t length): munmap(base, length), then exit(0) of this thread,
// touching no memory in between (the stack may be inside the mapping).
    .globl __relibc_unmap_and_exit
    .hidden __relibc_unmap_and_exit
    .type __relibc_unmap_and_exit, %function
__relibc_unmap_and_exit:
    mov x8, #215
    svc #0
    mov x0, #0
    mov x8, #93
    svc #0
    brk #0
    .size __relibc_unmap_and_exit, . - __relibc_unmap_and_exit
    .section .note.GNU-stack, "", %progbits
