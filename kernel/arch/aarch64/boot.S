/* aarch64 entry for QEMU virt: EL1 (or EL2, which we leave for EL1), MMU off, x0 = DTB (0 for an ELF image,
 * whose DTB QEMU puts at the start of RAM). CPUs other than 0 park. CPU 0 takes a stack, enables FP/SIMD for
 * EL0/EL1 (CPACR_EL1.FPEN; the kernel itself is built general-registers-only), zeroes .bss and calls kstart(dtb). */

    .section .text.boot, "ax", %progbits
    .globl _start
_start:
    /* The arm64 Image header (Linux Documentation/arch/arm64/booting.rst), so the raw image of this ELF
     * (`veridian run --boot-module` makes one) is a Linux-protocol image: QEMU then loads the initrd, lists it
     * in /chosen and passes the DTB in x0. Loaded at RAM base + text_offset = the ELF's own address. */
    b entry                     /* code0 */
    .long 0                     /* code1 */
    .quad 0x100000              /* text_offset: 0x40100000 - RAM base 0x40000000 */
    .quad 0x1000000             /* image_size: an upper bound (16 MiB) for the loader, non-zero so text_offset counts */
    .quad 0x2                   /* flags: little-endian, 4 KiB pages */
    .quad 0, 0, 0               /* res2-res4 */
    .ascii "ARM\x64"            /* magic */
    .long 0                     /* res5: no PE header */

entry:
    mrs x1, mpidr_el1
    and x1, x1, #0xff
    cbnz x1, park
    mov x19, x0                 /* the DTB, kept across the EL change and the .bss loop */

    mrs x1, CurrentEL
    lsr x1, x1, #2
    mov x20, x1                 /* the exception level entered at, for boot_el (after .bss is zeroed) */
    cmp x1, #2
    b.ne el1
    /* EL2: EL1 is AArch64 (HCR_EL2.RW), may use the physical timer and counter (CNTHCTL_EL2.EL1PCEN|EL1PCTEN),
     * has no virtual offset; return to el1 in EL1h with every exception masked. */
    mov x1, #(1 << 31)
    msr hcr_el2, x1
    mov x1, #3
    msr cnthctl_el2, x1
    msr cntvoff_el2, xzr
    mov x1, #0x3c5
    msr spsr_el2, x1
    adr x1, el1
    msr elr_el2, x1
    eret

el1:
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
2:  adrp x1, boot_el
    str x20, [x1, :lo12:boot_el]
    mov x0, x19
    bl kstart
park:
    wfe
    b park

    .section .bss.boot, "aw", %nobits
    .p2align 4
boot_stack: .skip 65536
boot_stack_top:
    .globl boot_el
    .p2align 3
boot_el: .skip 8
