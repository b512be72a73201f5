/* riscv64 boot stub for QEMU `virt` with OpenSBI (fw_dynamic): entered in S-mode, a0 = hart id,
 * a1 = DTB. Takes a stack (lla without relaxation: gp is not set up), enables the FPU
 * (sstatus.FS = Initial, else any FP instruction traps), zeroes .bss and calls kstart. */

    .section .text.boot, "ax", %progbits
    .globl _start
_start:
    .option push
    .option norelax
    lla sp, boot_stack_top
    .option pop

    li t0, 0x2000
    csrs sstatus, t0

    lla t0, __bss_start
    lla t1, __bss_end
1:  bgeu t0, t1, 2f
    sb zero, 0(t0)
    addi t0, t0, 1
    j 1b
2:  call kstart
3:  wfi
    j 3b

    .section .bss.boot, "aw", %nobits
    .p2align 4
boot_stack: .skip 16384
boot_stack_top:
