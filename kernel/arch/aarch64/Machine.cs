// aarch64 on QEMU virt: PL011 UART at 0x09000000; power off through PSCI SYSTEM_OFF (conduit HVC); failure
// through Arm semihosting SYS_EXIT, which carries an exit code. The machine is described by the device tree.
#if VERIDIAN_AARCH64
using System;
using System.Runtime.InteropServices;
using Veridian.Intrinsics;

namespace Veridian.Kernel;

static unsafe class Machine
{
    private const nuint Pl011 = 0x09000000;
    /// <summary>Where QEMU puts the DTB for an ELF image (it passes x0 only to Linux-protocol images): the start of RAM.</summary>
    private const ulong RamStart = 0x40000000;

    public static ReadOnlySpan<byte> Name => "aarch64"u8;

    [UnmanagedCallersOnly(EntryPoint = "kstart")]
    private static void KStart(nuint dtb)
    {
        Kernel.RunStaticConstructors(Cpu.AsmResult("adrp $0, __init_array_start\nadd $0, $0, :lo12:__init_array_start", "=r"),
            Cpu.AsmResult("adrp $0, __init_array_end\nadd $0, $0, :lo12:__init_array_end", "=r"));
        byte* blob = (byte*)dtb;
        if (DeviceTree.Validate(blob, DeviceTree.MaxSize) == 0)
            blob = (byte*)RamStart;
        bool read = DeviceTree.Read(blob, DeviceTree.MaxSize, ref Kernel.Boot);
        Kernel.Run(read);
    }

    public static void PutChar(byte c)
    {
        nuint uart = Physical.Device(Pl011);
        while ((Cpu.MmioRead32(uart + 0x18) & (1u << 5)) != 0) { } // FR.TXFF: transmit FIFO full
        Cpu.MmioWrite32(uart, c);
    }

    public static ulong ImageStart() => Cpu.AsmResult("adrp $0, __image_start\nadd $0, $0, :lo12:__image_start", "=r");

    public static ulong ImageEnd() => Cpu.AsmResult("adrp $0, __image_end\nadd $0, $0, :lo12:__image_end", "=r");

    /// <summary>What <see cref="StartTimer"/> programs, for the boot log.</summary>
    public static ReadOnlySpan<byte> TimerName => "the EL1 virtual timer (CNTV) through the GICv2 (INTID 27)"u8;

    public static void InitTraps() => Aarch64Traps.Init();

    public static void StartTimer(uint hz) => Aarch64Traps.StartTimer(hz);

    public static void EnableInterrupts() => Cpu.Asm("msr daifclr, #2");

    public static void DisableInterrupts() => Cpu.Asm("msr daifset, #2");

    /// <summary>Executes a breakpoint instruction (the self-test of the trap path).</summary>
    public static void Breakpoint() => Cpu.Asm("brk #0");

    public static ulong TextEnd() => Cpu.AsmResult("adrp $0, __text_end\nadd $0, $0, :lo12:__text_end", "=r");

    public static ulong DataStart() => Cpu.AsmResult("adrp $0, __data_start\nadd $0, $0, :lo12:__data_start", "=r");

    public static ReadOnlySpan<byte> PagingName => "4 KiB granule, 48-bit, MMU and caches on"u8;

    public static bool MapDevices(ulong root) => Aarch64Paging.MapDevices(root);

    public static bool ActivatePageTables(ulong root) => Aarch64Paging.Activate(root);

    public static void FlushTlb(ulong va) => Aarch64Paging.FlushTlb(va);

    /// <summary>e_machine of this architecture's programs (EM_AARCH64).</summary>
    public const ushort ElfMachine = 183;

    /// <summary>TTBR0 (the lower half) becomes the space's; TTBR1 keeps the kernel's upper half.</summary>
    public static void ActivateUserSpace(ulong root) =>
        Cpu.Asm("dsb ishst\nmsr ttbr0_el1, $0\nisb\ntlbi vmalle1\ndsb ish\nisb", "r,~{memory}", (nuint)root);

    /// <summary>The size of a trap frame (Traps.cs's TrapFrame): what a context switch saves of a process.</summary>
    public const int FrameSize = 288;

    [System.Runtime.InteropServices.DllImport("kernel", EntryPoint = "fpu_save")]
    private static extern void FpuSaveStub(byte* area);

    [System.Runtime.InteropServices.DllImport("kernel", EntryPoint = "fpu_restore")]
    private static extern void FpuRestoreStub(byte* area);

    /// <summary>Saves the user FP/SIMD registers (q0–q31, FPCR, FPSR; fpu.S) into <paramref name="area"/> (Process.MaxFpu bytes, any alignment).</summary>
    public static void SaveFpu(byte* area) => FpuSaveStub((byte*)(((ulong)area + 15) & ~15UL));

    /// <summary>Restores what <see cref="SaveFpu"/> saved.</summary>
    public static void RestoreFpu(byte* area) => FpuRestoreStub((byte*)(((ulong)area + 15) & ~15UL));

    public static void SetSyscallResult(byte* frame, long value) => ((TrapFrame*)frame)->X[0] = (ulong)value;

    /// <summary>The console device for user-space drivers (Devices.cs): the PL011's MMIO page; no I/O ports.</summary>
    public const ulong ConsolePorts = 0, ConsoleMmio = 0x09000000;

    /// <summary>The PL011's line (SPI 1, INTID 33) at the GICv2 distributor: targeted at CPU 0 and enabled, or disabled.</summary>
    public static void ConsoleIrq(bool on)
    {
        const nuint Gicd = 0x08000000;
        if (on)
        {
            Cpu.MmioWrite8(Physical.Device(Gicd) + 0x800 + 33, 1);      // GICD_ITARGETSR: CPU 0
            Cpu.MmioWrite8(Physical.Device(Gicd) + 0x400 + 33, 0x80);   // GICD_IPRIORITYR
            Cpu.MmioWrite32(Physical.Device(Gicd) + 0x104, 1u << 1);    // GICD_ISENABLER1
        }
        else
            Cpu.MmioWrite32(Physical.Device(Gicd) + 0x184, 1u << 1);    // GICD_ICENABLER1
    }

    public static long Port(ushort port, byte value, bool write) => -Errno.ENOTSUP;

    /// <summary>System call argument <paramref name="i"/> (0–5: x0–x5) of a saved frame.</summary>
    public static ulong SyscallArg(byte* frame, int i) => ((TrapFrame*)frame)->X[i];

    /// <summary>An IPC message's out registers (docs/capabilities.md): the badge in x1, the opcode word in x2, d0–d3 in x3–x6.</summary>
    public static void SetMessage(byte* frame, ulong badge, ulong op, ulong d0, ulong d1, ulong d2, ulong d3)
    {
        var f = (TrapFrame*)frame;
        f->X[1] = badge;
        f->X[2] = op;
        f->X[3] = d0;
        f->X[4] = d1;
        f->X[5] = d2;
        f->X[6] = d3;
    }

    /// <summary>A frame that enters EL0t at <paramref name="entry"/> with SP_EL0 = <paramref name="sp"/>, every register zero, exceptions unmasked.</summary>
    public static void InitUserFrame(byte* frame, ulong entry, ulong sp)
    {
        Memory.Zero(frame, FrameSize);
        var f = (TrapFrame*)frame;
        f->Elr = entry;
        f->SpEl0 = sp;
        f->Spsr = 0;
    }

    /// <summary>Threads: the entry with SP_EL0 = sp and arg in x0.</summary>
    public static void InitThreadFrame(byte* frame, ulong entry, ulong sp, ulong arg)
    {
        InitUserFrame(frame, entry, sp);
        ((TrapFrame*)frame)->X[0] = arg;
    }

    /// <summary>TLS variant I with AArch64's 16-byte TCB at TPIDR_EL0.</summary>
    public const bool TlsVariantTwo = false;
    public const ulong TlsTcbSize = 16;

    /// <summary>TPIDR_EL0, which user space writes itself; the kernel uses none, so the register holds the running thread's.</summary>
    public static ulong GetTls(byte* frame) => Cpu.AsmResult("mrs $0, tpidr_el0", "=r");

    public static void SetTls(byte* frame, ulong value) => Cpu.Asm("msr tpidr_el0, $0", "r", (nuint)value);

    /// <summary>arch_prctl is x86_64's: user space sets TPIDR_EL0 itself.</summary>
    public static long ArchPrctl(byte* frame, ulong code, ulong address) => -Errno.ENOSYS;

    /// <summary>Nothing to run: wait for an interrupt with IRQs unmasked, then mask them again.</summary>
    public static void Idle() => Cpu.Asm("msr daifclr, #2\nwfi\nmsr daifset, #2", "~{memory}");

    public static ulong Counter() => Cpu.AsmResult("isb\nmrs $0, cntvct_el0", "=r");

    public static ulong CounterHz() => Cpu.AsmResult("mrs $0, cntfrq_el0", "=r");

    /// <summary>A byte the PL011 has received (FR.RXFE clear), or -1.</summary>
    public static int GetChar()
    {
        nuint uart = Physical.Device(Pl011);
        return (Cpu.MmioRead32(uart + 0x18) & (1u << 4)) != 0 ? -1 : (int)(Cpu.MmioRead32(uart) & 0xFF);
    }

    /// <summary>The PL031 real-time clock at 0x09010000: RTCDR counts seconds since 1970.</summary>
    public static ulong BootEpochSeconds() => Cpu.MmioRead32(Physical.Device(0x09010000));

    /// <summary>
    /// PAN where ID_AA64MMFR1_EL1 offers it (FEAT_PAN, Armv8.1; QEMU's <c>-cpu max</c>, as the runner boots):
    /// PSTATE.PAN now and, with SCTLR_EL1.SPAN = 0, on every exception taken to EL1 — the kernel faults on touching
    /// an EL0 page; it reaches user memory only through the direct map (UserMemory).
    /// </summary>
    public static ReadOnlySpan<byte> ProtectUserAccess()
    {
        if (((Cpu.AsmResult("mrs $0, id_aa64mmfr1_el1", "=r") >> 20) & 0xF) == 0)
            return "none (this CPU has no PAN)"u8;
        Cpu.Asm("mrs x9, sctlr_el1\nbic x9, x9, #0x800000\nmsr sctlr_el1, x9\nisb\n.inst 0xd500419f", "~{x9},~{memory}"); // SPAN = 0; msr pan, #1
        return "PAN (set on every exception entry)"u8;
    }

    /// <summary>The exception level the boot stub was entered at (1, or 2 with <c>-M virt,virtualization=on</c>).</summary>
    private static ulong EntryLevel() => Cpu.AsmResult("adrp $0, boot_el\nldr $0, [$0, :lo12:boot_el]", "=r");

    /// <summary>For the boot log's first line.</summary>
    public static ReadOnlySpan<byte> EntryNote => EntryLevel() == 2 ? " (entered at EL2, running at EL1)"u8 : " (entered at EL1)"u8;

    public static void PowerOff()
    {
        // PSCI SYSTEM_OFF. Its conduit is HVC on virt without EL2; with EL2 (virtualization=on) QEMU takes it by SMC.
        if (EntryLevel() == 2)
            Cpu.Asm("smc #0", "{x0},~{memory}", 0x84000008);
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
}
#endif
