/* crtn.o: the end of _init and _fini (`ret` is the return instruction, or pseudo-instruction, of all three). */
    .section .init, "ax", %progbits
    ret
    .section .fini, "ax", %progbits
    ret
    .section .note.GNU-stack, "", %progbits
