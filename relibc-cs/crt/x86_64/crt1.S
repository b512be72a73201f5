# crt1.o for x86_64 Linux and VeridianOS (SysV psABI 3.4.1): rsp → argc, argv, envp (then auxv on Linux). Clear rbp (the outermost frame), keep rsp
# 16-byte aligned for the call, pass the .init_array and .fini_array bounds to relibc-cs's start.
    .text
    .globl _start
    .type _start, @function
_start:
    xor %ebp, %ebp
    mov %rsp, %rdi
    lea __init_array_start(%rip), %rsi
    lea __init_array_end(%rip), %rdx
    lea __fini_array_start(%rip), %rcx
    lea __fini_array_end(%rip), %r8
    and $-16, %rsp
    call __relibc_start
    hlt
    .size _start, . - _start
    .weak __init_array_start
    .weak __init_array_end
    .weak __fini_array_start
    .weak __fini_array_end
    .section .note.GNU-stack, "", @progbits
