/* x86_64 entry: QEMU (-M pc) enters pvh_start through the PVH ELF note (Xen's PVH boot ABI) in 32-bit
 * protected mode, paging off, %ebx = physical address of hvm_start_info. We keep %ebx, zero .bss (the boot
 * page tables and stack live there), identity-map the first 1 GiB with 2 MiB pages, enter long mode and call
 * kstart(start_info). Everything after that is C# (arch/x86_64/Machine.cs, core/). */

    .section .note.pvh, "a", @note
    .p2align 2
    .long 4                     /* namesz: "Xen\0" */
    .long 4                     /* descsz: one 32-bit entry address */
    .long 18                    /* XEN_ELFNOTE_PHYS32_ENTRY */
    .asciz "Xen"
    .long pvh_start

    .section .text.boot, "ax", @progbits
    .code32
    .globl _start
    .globl pvh_start
_start:
pvh_start:
    cli
    cld
    movl %ebx, %esi             /* start_info, kept across the .bss loop (rep stosb uses edi, ecx, eax) */
    movl $__bss_start, %edi
    movl $__bss_end, %ecx
    subl %edi, %ecx
    xorl %eax, %eax
    rep stosb

    /* PML4[0] -> PDPT, PDPT[0] -> PD, PD[i] = i * 2 MiB | present | writable | huge (0x83). */
    movl $boot_pdpt, %eax
    orl $3, %eax
    movl %eax, boot_pml4
    movl $boot_pd, %eax
    orl $3, %eax
    movl %eax, boot_pdpt
    xorl %ecx, %ecx
1:  movl %ecx, %eax
    shll $21, %eax
    orl $0x83, %eax
    movl %eax, boot_pd(,%ecx,8)
    incl %ecx
    cmpl $512, %ecx
    jne 1b

    movl $boot_pml4, %eax
    movl %eax, %cr3
    movl $0x620, %eax           /* CR4: PAE | OSFXSR | OSXMMEXCPT */
    movl %eax, %cr4
    movl $0xC0000080, %ecx      /* EFER.LME */
    rdmsr
    orl $0x100, %eax
    wrmsr
    movl %cr0, %eax
    andl $~0x4, %eax            /* clear EM */
    orl $0x80000002, %eax       /* PG | MP */
    movl %eax, %cr0

    lgdt boot_gdt_ptr
    ljmp $0x8, $long_entry

    .code64
long_entry:
    movw $0x10, %ax
    movw %ax, %ds
    movw %ax, %es
    movw %ax, %ss
    movw %ax, %fs
    movw %ax, %gs
    movq $boot_stack_top, %rsp  /* 16-byte aligned before the call (SysV) */
    movl %esi, %edi             /* kstart(start_info), zero-extended */
    call kstart
2:  hlt
    jmp 2b

    .section .rodata.boot, "a", @progbits
    .p2align 3
boot_gdt:
    .quad 0
    .quad 0x00AF9A000000FFFF    /* 0x08: 64-bit code */
    .quad 0x00CF92000000FFFF    /* 0x10: data */
boot_gdt_ptr:
    .word boot_gdt_ptr - boot_gdt - 1
    .long boot_gdt

    .section .bss.boot, "aw", @nobits
    .p2align 12
boot_pml4:  .skip 4096
boot_pdpt:  .skip 4096
boot_pd:    .skip 4096
    .p2align 4
boot_stack: .skip 65536
boot_stack_top:
