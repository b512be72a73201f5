/* crti.o: the start of _init and _fini in .init/.fini (SysV), the same on every architecture. relibc-cs runs
   constructors from .init_array; these exist so that objects built for other C libraries, which may put code in
   .init/.fini, still link. */
    .section .init, "ax", %progbits
    .globl _init
    .type _init, %function
_init:
    .section .fini, "ax", %progbits
    .globl _fini
    .type _fini, %function
_fini:
    .section .note.GNU-stack, "", %progbits
