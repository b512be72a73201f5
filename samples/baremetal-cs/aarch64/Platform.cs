// aarch64 on QEMU virt: PL011 UART at 0x09000000; power off through PSCI SYSTEM_OFF (conduit HVC);
// failure through Arm semihosting SYS_EXIT, which carries an exit code.
#if VERIDIAN_AARCH64
using System;
using Veridian.Intrinsics;

static unsafe class Platform
{
    private const nuint Pl011 = 0x09000000;

    public static ReadOnlySpan<byte> ArchName => "aarch64"u8;

    public static void PutChar(byte c)
    {
        while ((Cpu.MmioRead32(Pl011 + 0x18) & (1u << 5)) != 0) { } // FR.TXFF: transmit FIFO full
        Cpu.MmioWrite32(Pl011, c);
    }

    public static void PowerOff()
    {
        Cpu.Asm("hvc #0", "{x0},~{memory}", 0x84000008); // PSCI_SYSTEM_OFF
        while (true) Cpu.WaitForInterrupt();
    }

    public static void Fail(int code)
    {
        ulong* block = stackalloc ulong[2];
        block[0] = 0x20026; // ADP_Stopped_ApplicationExit
        block[1] = (ulong)code;
        Cpu.Asm("hlt #0xf000", "{x0},{x1},~{memory}", 0x18, (nuint)block);
        PowerOff();
    }

    public static nuint InitArrayStart() => Cpu.AsmResult("adrp $0, __init_array_start\nadd $0, $0, :lo12:__init_array_start", "=r");
    public static nuint InitArrayEnd() => Cpu.AsmResult("adrp $0, __init_array_end\nadd $0, $0, :lo12:__init_array_end", "=r");
}
#endif
