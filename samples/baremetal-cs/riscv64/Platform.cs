// riscv64 on QEMU virt with OpenSBI: ns16550 UART at 0x10000000; power off through SBI SRST;
// failure through the sifive_test finisher at 0x100000 (0x3333 | code << 16).
#if VERIDIAN_RISCV64
using System;
using Veridian.Intrinsics;

static class Platform
{
    private const nuint Uart = 0x10000000;

    public static ReadOnlySpan<byte> ArchName => "riscv64"u8;

    public static void PutChar(byte c)
    {
        while ((Cpu.MmioRead8(Uart + 5) & 0x20) == 0) { } // LSR.THRE
        Cpu.MmioWrite8(Uart, c);
    }

    public static void PowerOff()
    {
        // SBI System Reset extension (EID "SRST"), FID 0: shutdown, reason none.
        Cpu.Asm("li a6, 0\nli a0, 0\nli a1, 0\necall", "{x17},~{x10},~{x11},~{x16},~{memory}", 0x53525354);
        while (true) Cpu.WaitForInterrupt();
    }

    public static void Fail(int code)
    {
        Cpu.MmioWrite32(0x100000, 0x3333u | ((uint)code << 16));
        while (true) Cpu.WaitForInterrupt();
    }

    public static nuint InitArrayStart() => Cpu.AsmResult(".option push\n.option norelax\nlla $0, __init_array_start\n.option pop", "=r");
    public static nuint InitArrayEnd() => Cpu.AsmResult(".option push\n.option norelax\nlla $0, __init_array_end\n.option pop", "=r");
}
#endif
