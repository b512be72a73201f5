// riscv64 on QEMU virt with OpenSBI: ns16550 UART at 0x10000000; power off through SBI SRST; failure through
// the sifive_test finisher at 0x100000 (0x3333 | code << 16). The machine is described by the device tree.
#if VERIDIAN_RISCV64
using System;
using System.Runtime.InteropServices;
using Veridian.Intrinsics;

namespace Veridian.Kernel;

static unsafe class Machine
{
    private const nuint Uart = 0x10000000;

    public static ReadOnlySpan<byte> Name => "riscv64"u8;

    [UnmanagedCallersOnly(EntryPoint = "kstart")]
    private static void KStart(nuint dtb)
    {
        Kernel.RunStaticConstructors(Cpu.AsmResult(".option push\n.option norelax\nlla $0, __init_array_start\n.option pop", "=r"),
            Cpu.AsmResult(".option push\n.option norelax\nlla $0, __init_array_end\n.option pop", "=r"));
        bool read = DeviceTree.Read((byte*)dtb, DeviceTree.MaxSize, ref Kernel.Boot);
        // OpenSBI lives below the kernel (0x80000000-0x80200000); its DTB lists it in /reserved-memory, and this
        // says it again for firmware that does not.
        if (read && Kernel.Boot.RamCount > 0)
            Kernel.Boot.Reserve(Kernel.Boot.Ram[0], ImageStart() - Kernel.Boot.Ram[0]);
        Kernel.Run(read);
    }

    public static void PutChar(byte c)
    {
        nuint uart = Physical.Device(Uart);
        while ((Cpu.MmioRead8(uart + 5) & 0x20) == 0) { } // LSR.THRE
        Cpu.MmioWrite8(uart, c);
    }

    public static ulong ImageStart() => Cpu.AsmResult(".option push\n.option norelax\nlla $0, __image_start\n.option pop", "=r");

    public static ulong ImageEnd() => Cpu.AsmResult(".option push\n.option norelax\nlla $0, __image_end\n.option pop", "=r");

    /// <summary>What <see cref="StartTimer"/> programs, for the boot log.</summary>
    public static ReadOnlySpan<byte> TimerName => "the SBI timer (supervisor timer interrupt, rdtime at the timebase frequency)"u8;

    public static void InitTraps() => RiscvTraps.Init();

    public static void StartTimer(uint hz) => RiscvTraps.StartTimer(hz);

    public static void EnableInterrupts() => Cpu.Asm("csrsi sstatus, 2");

    public static void DisableInterrupts() => Cpu.Asm("csrci sstatus, 2");

    /// <summary>Executes a breakpoint instruction (the self-test of the trap path).</summary>
    public static void Breakpoint() => Cpu.Asm("ebreak");

    public static ulong TextEnd() => Cpu.AsmResult(".option push\n.option norelax\nlla $0, __text_end\n.option pop", "=r");

    public static ulong DataStart() => Cpu.AsmResult(".option push\n.option norelax\nlla $0, __data_start\n.option pop", "=r");

    public static ReadOnlySpan<byte> PagingName => "Sv48"u8;

    public static bool MapDevices(ulong root) => RiscvPaging.MapDevices(root);

    public static bool ActivatePageTables(ulong root) => RiscvPaging.Activate(root);

    public static void FlushTlb(ulong va) => RiscvPaging.FlushTlb(va);

    /// <summary>e_machine of this architecture's programs (EM_RISCV).</summary>
    public const ushort ElfMachine = 243;

    public static void ActivateUserSpace(ulong root) => RiscvPaging.Switch(root);

    /// <summary>The size of a trap frame (Traps.cs's TrapFrame): what a context switch saves of a process.</summary>
    public const int FrameSize = 544;

    /// <summary>Nothing to save: the trap frame holds f0–f31 already (the kernel is lp64d).</summary>
    public static void SaveFpu(byte* area)
    {
    }

    /// <summary>Nothing to restore (see <see cref="SaveFpu"/>).</summary>
    public static void RestoreFpu(byte* area)
    {
    }

    public static void SetSyscallResult(byte* frame, long value) => ((TrapFrame*)frame)->X[10] = (ulong)value;

    /// <summary>The console device for user-space drivers (Devices.cs): the ns16550's MMIO page; no I/O ports.</summary>
    public const ulong ConsolePorts = 0, ConsoleMmio = 0x10000000;

    /// <summary>The UART's line (PLIC source 10) for hart 0's S-mode context (1): priority 1 and enabled, or disabled.</summary>
    public static void ConsoleIrq(bool on)
    {
        const ulong Plic = 0x0C000000;
        Cpu.MmioWrite32(Physical.Device(Plic + 4 * 10), 1);                  // priority of source 10
        Cpu.MmioWrite32(Physical.Device(Plic + 0x201000), 0);                // context 1's threshold
        uint enable = Cpu.MmioRead32(Physical.Device(Plic + 0x2080));
        Cpu.MmioWrite32(Physical.Device(Plic + 0x2080), on ? enable | 1u << 10 : enable & ~(1u << 10));
        Cpu.Asm("csrs sie, $0", "r,~{memory}", 1 << 9);                        // sie.SEIE
    }

    public static long Port(ushort port, byte value, bool write) => -Errno.ENOTSUP;

    /// <summary>System call argument <paramref name="i"/> (0–5: a0–a5) of a saved frame.</summary>
    public static ulong SyscallArg(byte* frame, int i) => ((TrapFrame*)frame)->X[10 + i];

    /// <summary>An IPC message's out registers (docs/capabilities.md): the badge in a1, the opcode word in a2, d0–d3 in a3–a6.</summary>
    public static void SetMessage(byte* frame, ulong badge, ulong op, ulong d0, ulong d1, ulong d2, ulong d3)
    {
        var f = (TrapFrame*)frame;
        f->X[11] = badge;
        f->X[12] = op;
        f->X[13] = d0;
        f->X[14] = d1;
        f->X[15] = d2;
        f->X[16] = d3;
    }

    /// <summary>A frame that srets to U-mode at <paramref name="entry"/> with <paramref name="sp"/>, every register zero, interrupts on.</summary>
    public static void InitUserFrame(byte* frame, ulong entry, ulong sp)
    {
        Memory.Zero(frame, FrameSize);
        var f = (TrapFrame*)frame;
        f->Sepc = entry;
        f->X[2] = sp;
        ulong sstatus = Cpu.AsmResult("csrr $0, sstatus", "=r");
        f->Sstatus = (sstatus & ~0x100UL) | 0x20; // SPP = U, SPIE: interrupts on after sret; FS as the kernel's
    }

    /// <summary>Threads: the entry with sp and arg in a0.</summary>
    public static void InitThreadFrame(byte* frame, ulong entry, ulong sp, ulong arg)
    {
        InitUserFrame(frame, entry, sp);
        ((TrapFrame*)frame)->X[10] = arg;
    }

    /// <summary>TLS variant I; RISC-V's tp points at the TLS block itself (no TCB above it).</summary>
    public const bool TlsVariantTwo = false;
    public const ulong TlsTcbSize = 0;

    /// <summary>The TLS register is tp (x4), which the trap frame saves: a thread's is in its frame.</summary>
    public static ulong GetTls(byte* frame) => frame == null ? 0 : ((TrapFrame*)frame)->X[4];

    public static void SetTls(byte* frame, ulong value)
    {
        if (frame != null)
            ((TrapFrame*)frame)->X[4] = value;
    }

    /// <summary>arch_prctl is x86_64's: user space sets tp itself.</summary>
    public static long ArchPrctl(byte* frame, ulong code, ulong address) => -Errno.ENOSYS;

    /// <summary>Nothing to run: wait for an interrupt with sstatus.SIE on, then clear it again.</summary>
    public static void Idle() => Cpu.Asm("csrsi sstatus, 2\nwfi\ncsrci sstatus, 2", "~{memory}");

    public static ulong Counter() => Cpu.AsmResult("rdtime $0", "=r");

    public static ulong CounterHz() => RiscvTraps.Timebase;

    /// <summary>A byte the ns16550 has received (LSR.DR), or -1.</summary>
    public static int GetChar()
    {
        nuint uart = Physical.Device(Uart);
        return (Cpu.MmioRead8(uart + 5) & 1) != 0 ? Cpu.MmioRead8(uart) : -1;
    }

    /// <summary>The Goldfish RTC at 0x101000: TIME_LOW (+0, which latches TIME_HIGH) and TIME_HIGH (+4) in ns since 1970.</summary>
    public static ulong BootEpochSeconds()
    {
        nuint rtc = Physical.Device(0x101000);
        ulong low = Cpu.MmioRead32(rtc);
        ulong high = Cpu.MmioRead32(rtc + 4);
        return (high << 32 | low) / 1_000_000_000;
    }

    /// <summary>
    /// sstatus.SUM stays clear, so a supervisor access to a user page faults: the kernel reaches user memory only
    /// through the direct map (UserMemory), so it never needs to set SUM, not even around its copies.
    /// </summary>
    public static ReadOnlySpan<byte> ProtectUserAccess()
    {
        Cpu.Asm("csrc sstatus, $0", "r,~{memory}", (nuint)(1UL << 18));
        return "SUM clear, never set (user memory only through the direct map)"u8;
    }

    /// <summary>For the boot log's first line: nothing to add.</summary>
    public static ReadOnlySpan<byte> EntryNote => ""u8;

    public static void PowerOff()
    {
        // SBI System Reset extension (EID "SRST"), FID 0: shutdown, reason none.
        Cpu.Asm("li a6, 0\nli a0, 0\nli a1, 0\necall", "{x17},~{x10},~{x11},~{x16},~{memory}", 0x53525354);
        while (true) Cpu.WaitForInterrupt();
    }

    public static void Fail(int code)
    {
        Cpu.MmioWrite32(Physical.Device(0x100000), 0x3333u | ((uint)code << 16));
        while (true) Cpu.WaitForInterrupt();
    }
}
#endif
