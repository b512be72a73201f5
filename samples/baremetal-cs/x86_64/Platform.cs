// x86_64 on QEMU -M pc: COM1 16550 UART at I/O port 0x3F8; power off through ACPI S5 (PIIX4 PM at 0x600).
#if VERIDIAN_X86_64
using System;
using Veridian.Intrinsics;

static class Platform
{
    public static ReadOnlySpan<byte> ArchName => "x86_64"u8;

    public static void PutChar(byte c)
    {
        while ((Cpu.InByte(0x3F8 + 5) & 0x20) == 0) { } // LSR.THRE: transmit holding register empty
        Cpu.OutByte(0x3F8, c);
    }

    public static void PowerOff()
    {
        Cpu.OutWord(0x604, 0x2000); // PM1a_CNT: SLP_TYP S5 | SLP_EN
        while (true) Cpu.WaitForInterrupt();
    }

    public static void Fail(int code)
    {
        Cpu.OutByte(0xF4, (byte)code); // isa-debug-exit: QEMU exits with (code << 1) | 1
        while (true) Cpu.WaitForInterrupt();
    }

    public static nuint InitArrayStart() => Cpu.AsmResult("leaq __init_array_start(%rip), $0", "=r");
    public static nuint InitArrayEnd() => Cpu.AsmResult("leaq __init_array_end(%rip), $0", "=r");
}
#endif
