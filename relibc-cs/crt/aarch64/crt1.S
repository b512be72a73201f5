// crt1.o for aarch64 Linux and VeridianOS (AAPCS64): sp → argc, argv, envp (then auxv on Linux), 16-byte aligned. Clear the frame and link
// registers (the outermost frame), pass the .init_array and .fini_array bounds to relibc-cs's start.
    .text
    .globl _start
    .type _start, %function
_start:
    mov x29, #0
    mov x30, #0
    mov x0, sp
    adrp x1, __init_array_start
    add x1, x1, :lo12:__init_array_start
    adrp x2, __init_array_end
    add x2, x2, :lo12:__init_array_end
    adrp x3, __fini_array_start
    add x3, x3, :lo12:__fini_array_start
    adrp x4, __fini_array_end
    add x4, x4, :lo12:__fini_array_end
    bl __relibc_start
    brk #0
    .size _start, . - _start
    .weak __init_array_start
    .weak __init_array_end
    .weak __fini_array_start
    .weak __fini_array_end
    .section .note.GNU-stack, "", %progbits
