# Thread entry and exit for relibc-cs's Linux backend on riscv64 (docs/relibc.md, "Threads"): what C# cannot write,
# because the child of clone runs on a new stack that no C# frame describes, and a detached thread's last act is to
# unmap the stack it runs on.

# long __relibc_clone(unsigned long flags, void *stack, int *ptid, void *tls, int *ctid, void (*fn)(void *), void *arg)
# Linux clone(2) on riscv64 takes flags, stack, ptid, tls, ctid (a0-a4), as our arguments arrive. The child loads fn
# and arg from its new stack, calls fn(arg) with the frame pointer and return address cleared, and ends the thread
# should fn ever return.
    .text
    .globl __relibc_clone
    .hidden __relibc_clone
    .type __relibc_clone, @function
__relibc_clone:
    andi a1, a1, -16
    addi a1, a1, -16
    sd a5, 0(a1)
    sd a6, 8(a1)
    li a7, 220
    ecall
    bnez a0, 1f
    ld a1, 0(sp)
    ld a0, 8(sp)
    addi sp, sp, 16
    li s0, 0
    li ra, 0
    jalr a1
    li a0, 0
    li a7, 93
    ecall
    unimp
1:  ret
    .size __relibc_clone, . - __relibc_clone

# void __relibc_unmap_and_exit(void *base, size_t length): munmap(base, length), then exit(0) of this thread,
# touching no memory in between (the stack may be inside the mapping).
    .globl __relibc_unmap_and_exit
    .hidden __relibc_unmap_and_exit
    .type __relibc_unmap_and_exit, @function
__relibc_unmap_and_exit:
    li a7, 215
    ecall
    li a0, 0
    li a7, 93
    ecall
    unimp
    .size __relibc_unmap_and_exit, . - __relibc_unmap_and_exit
    .section .note.GNU-stack, "", @progbits
