/* riscv64 trap entry (stvec, direct mode): saves x1-x31 and f0-f31 (the kernel is lp64d, so interrupted code may hold
 * FP values), sepc, sstatus, scause and stval in a frame on the kernel stack (from user mode: the trap stack
 * sscratch holds), calls riscv_trap(frame), writes sepc and
 * sstatus back (the handler may move sepc past an ebreak) and returns with sret. The frame layout is Traps.cs's
 * TrapFrame: x[i] at 8*i (x0 and x2 slots hold 0 and the interrupted sp), f[i] at 256 + 8*i, then the CSRs. */

    .section .text.trap, "ax", %progbits
    .p2align 2
    .globl trap_entry
trap_entry:
    /* sscratch is 0 in the kernel and the trap stack's top in user mode: swap, and swap back if it was 0. */
    csrrw sp, sscratch, sp
    bnez sp, 1f
    csrrw sp, sscratch, sp
1:  addi sp, sp, -544
    sd x1, 8(sp)
    sd x3, 24(sp)
    sd x4, 32(sp)
    sd x5, 40(sp)
    sd x6, 48(sp)
    sd x7, 56(sp)
    sd x8, 64(sp)
    sd x9, 72(sp)
    sd x10, 80(sp)
    sd x11, 88(sp)
    sd x12, 96(sp)
    sd x13, 104(sp)
    sd x14, 112(sp)
    sd x15, 120(sp)
    sd x16, 128(sp)
    sd x17, 136(sp)
    sd x18, 144(sp)
    sd x19, 152(sp)
    sd x20, 160(sp)
    sd x21, 168(sp)
    sd x22, 176(sp)
    sd x23, 184(sp)
    sd x24, 192(sp)
    sd x25, 200(sp)
    sd x26, 208(sp)
    sd x27, 216(sp)
    sd x28, 224(sp)
    sd x29, 232(sp)
    sd x30, 240(sp)
    sd x31, 248(sp)
    csrr t0, sscratch           /* the user's sp, or 0 when the trap came from the kernel */
    bnez t0, 2f
    addi t0, sp, 544
2:  sd t0, 16(sp)
    csrw sscratch, zero         /* in the kernel now */
    fsd f0, 256(sp)
    fsd f1, 264(sp)
    fsd f2, 272(sp)
    fsd f3, 280(sp)
    fsd f4, 288(sp)
    fsd f5, 296(sp)
    fsd f6, 304(sp)
    fsd f7, 312(sp)
    fsd f8, 320(sp)
    fsd f9, 328(sp)
    fsd f10, 336(sp)
    fsd f11, 344(sp)
    fsd f12, 352(sp)
    fsd f13, 360(sp)
    fsd f14, 368(sp)
    fsd f15, 376(sp)
    fsd f16, 384(sp)
    fsd f17, 392(sp)
    fsd f18, 400(sp)
    fsd f19, 408(sp)
    fsd f20, 416(sp)
    fsd f21, 424(sp)
    fsd f22, 432(sp)
    fsd f23, 440(sp)
    fsd f24, 448(sp)
    fsd f25, 456(sp)
    fsd f26, 464(sp)
    fsd f27, 472(sp)
    fsd f28, 480(sp)
    fsd f29, 488(sp)
    fsd f30, 496(sp)
    fsd f31, 504(sp)
    csrr t0, sepc
    sd t0, 512(sp)
    csrr t0, sstatus
    sd t0, 520(sp)
    csrr t0, scause
    sd t0, 528(sp)
    csrr t0, stval
    sd t0, 536(sp)
    mv a0, sp
    call riscv_trap
    ld t0, 512(sp)
    csrw sepc, t0
    ld t0, 520(sp)
    csrw sstatus, t0
    andi t0, t0, 0x100          /* sstatus.SPP: back to user mode? then the next trap from it takes this stack again */
    bnez t0, 3f
    addi t0, sp, 544
    csrw sscratch, t0
3:
    fld f0, 256(sp)
    fld f1, 264(sp)
    fld f2, 272(sp)
    fld f3, 280(sp)
    fld f4, 288(sp)
    fld f5, 296(sp)
    fld f6, 304(sp)
    fld f7, 312(sp)
    fld f8, 320(sp)
    fld f9, 328(sp)
    fld f10, 336(sp)
    fld f11, 344(sp)
    fld f12, 352(sp)
    fld f13, 360(sp)
    fld f14, 368(sp)
    fld f15, 376(sp)
    fld f16, 384(sp)
    fld f17, 392(sp)
    fld f18, 400(sp)
    fld f19, 408(sp)
    fld f20, 416(sp)
    fld f21, 424(sp)
    fld f22, 432(sp)
    fld f23, 440(sp)
    fld f24, 448(sp)
    fld f25, 456(sp)
    fld f26, 464(sp)
    fld f27, 472(sp)
    fld f28, 480(sp)
    fld f29, 488(sp)
    fld f30, 496(sp)
    fld f31, 504(sp)
    ld x1, 8(sp)
    ld x3, 24(sp)
    ld x4, 32(sp)
    ld x5, 40(sp)
    ld x6, 48(sp)
    ld x7, 56(sp)
    ld x8, 64(sp)
    ld x9, 72(sp)
    ld x10, 80(sp)
    ld x11, 88(sp)
    ld x12, 96(sp)
    ld x13, 104(sp)
    ld x14, 112(sp)
    ld x15, 120(sp)
    ld x16, 128(sp)
    ld x17, 136(sp)
    ld x18, 144(sp)
    ld x19, 152(sp)
    ld x20, 160(sp)
    ld x21, 168(sp)
    ld x22, 176(sp)
    ld x23, 184(sp)
    ld x24, 192(sp)
    ld x25, 200(sp)
    ld x26, 208(sp)
    ld x27, 216(sp)
    ld x28, 224(sp)
    ld x29, 232(sp)
    ld x30, 240(sp)
    ld x31, 248(sp)
    ld sp, 16(sp)               /* the interrupted sp: the user's, or the kernel's own */
    sret
