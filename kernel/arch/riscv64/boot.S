/* riscv64 entry for QEMU virt under OpenSBI (fw_dynamic): S-mode, MMU off, a0 = hart id, a1 = DTB; only the
 * boot hart enters. Takes a stack (lla without relaxation: gp is not set up), enables the FPU (sstatus.FS =
 * Initial: the kernel target is lp64d), zeroes .bss and calls kstart(dtb). */

    .section .text.boot, "ax", %progbits
    .globl _start
_start:
    .option push
    .option norelax
    lla sp, boot_stack_top
    .option pop
    mv s1, a1

    li t0, 0x2000
    csrs sstatus, t0

    lla t0, __bss_start
    lla t1, __bss_end
1:  bgeu t0, t1, 2f
    sb zero, 0(t0)
    addi t0, t0, 1
    j 1b
2:  mv a0, s1
    call kstart
3:  wfi
    j 3b

    .section .bss.boot, "aw", %nobits
    .p2align 4
boot_stack: .skip 65536
boot_stack_top:
