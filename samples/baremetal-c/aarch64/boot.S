/* aarch64 boot stub for QEMU `virt`: entered at EL1 with the MMU off, x0 = DTB. Secondary CPUs
 * park; CPU 0 takes a stack, enables FP/SIMD (CPACR_EL1.FPEN, else any SIMD instruction traps),
 * zeroes .bss and calls kstart. */

    .section .text.boot, "ax", %progbits
    .globl _start
_start:
    mrs x1, mpidr_el1
    and x1, x1, #0xff
    cbnz x1, park

    adrp x1, boot_stack_top
    add x1, x1, :lo12:boot_stack_top
    mov sp, x1

    mov x1, #(3 << 20)
    msr cpacr_el1, x1
    isb

    adrp x1, __bss_start
    add x1, x1, :lo12:__bss_start
    adrp x2, __bss_end
    add x2, x2, :lo12:__bss_end
1:  cmp x1, x2
    b.hs 2f
    strb wzr, [x1], #1
    b 1b
2:  bl kstart
park:
    wfe
    b park

    .section .bss.boot, "aw", %nobits
    .p2align 4
boot_stack: .skip 16384
boot_stack_top:
