# crt1.o for riscv64 Linux and VeridianOS (RISC-V psABI): sp → argc, argv, envp (then auxv on Linux). Set gp first (relaxed accesses use it; the
# load itself must not be relaxed), clear the return address, pass the .init_array bounds to relibc-cs's start.
    .text
    .globl _start
    .type _start, @function
_start:
    .option push
    .option norelax
    lla gp, __global_pointer$
    .option pop
    mv a0, sp
    lla a1, __init_array_start
    lla a2, __init_array_end
    lla a3, __fini_array_start
    lla a4, __fini_array_end
    andi sp, sp, -16
    li ra, 0
    call __relibc_start
    unimp
    .size _start, . - _start
    .weak __init_array_start
    .weak __init_array_end
    .weak __fini_array_start
    .weak __fini_array_end
    .section .note.GNU-stack, "", @progbits
