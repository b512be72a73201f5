// crtn.o: the end of _init and _fini.
    .section .init, "ax", %progbits
    ret
    .section .fini, "ax", %progbits
    ret
    .section .note.GNU-stack, "", %progbits
