// x86_64 on QEMU -M pc: PVH entry (boot.S), COM1 16550 UART at I/O port 0x3F8, power off through ACPI S5
// (PIIX4 PM at 0x600, where SeaBIOS puts it), failure through isa-debug-exit (QEMU status = the code).
#if VERIDIAN_X86_64
using System;
using System.Runtime.InteropServices;
using Veridian.Intrinsics;

namespace Veridian.Kernel;

static unsafe class Machine
{
    public static ReadOnlySpan<byte> Name => "x86_64"u8;

    [UnmanagedCallersOnly(EntryPoint = "kstart")]
    private static void KStart(nuint startInfo)
    {
        Kernel.RunStaticConstructors(Cpu.AsmResult("leaq __init_array_start(%rip), $0", "=r"), Cpu.AsmResult("leaq __init_array_end(%rip), $0", "=r"));
        Kernel.Run(ReadStartInfo((byte*)startInfo, ref Kernel.Boot));
    }

    /// <summary>
    /// hvm_start_info (Xen arch-x86/hvm/start_info.h): magic u32 @0 = 0x336ec578, version @4, nr_modules @12,
    /// modlist_paddr u64 @16; version ≥ 1: memmap_paddr u64 @40, memmap_entries u32 @48. Module entries are
    /// 32 bytes (paddr, size, cmdline, reserved), memory map entries 24 (addr, size, type: 1 = RAM).
    /// </summary>
    private static bool ReadStartInfo(byte* info, ref BootInfo boot)
    {
        if (info == null || *(uint*)info != 0x336EC578 || *(uint*)(info + 4) < 1)
            return false;
        boot.Protocol = BootProtocol.Pvh;
        uint entries = *(uint*)(info + 48);
        byte* map = (byte*)*(ulong*)(info + 40);
        if (map == null || entries == 0 || entries > 128)
            return false;
        for (uint i = 0; i < entries; i++)
        {
            byte* e = map + i * 24;
            if (*(uint*)(e + 16) == 1)
                boot.AddRam(*(ulong*)e, *(ulong*)(e + 8));
        }
        // The first MiB: the real-mode IVT and BIOS data, the EBDA, the option ROM's start info, module list and map.
        boot.Reserve(0, 0x100000);
        if (*(uint*)(info + 12) >= 1)
        {
            byte* module = (byte*)*(ulong*)(info + 16);
            boot.ModuleBase = *(ulong*)module;
            boot.ModuleSize = *(ulong*)(module + 8);
            boot.Reserve(boot.ModuleBase, boot.ModuleSize);
        }
        return true;
    }

    public static void PutChar(byte c)
    {
        while ((Cpu.InByte(0x3F8 + 5) & 0x20) == 0) { } // LSR.THRE: transmit holding register empty
        Cpu.OutByte(0x3F8, c);
    }

    public static ulong ImageStart() => Cpu.AsmResult("leaq __image_start(%rip), $0", "=r");

    public static ulong ImageEnd() => Cpu.AsmResult("leaq __image_end(%rip), $0", "=r");

    /// <summary>What <see cref="StartTimer"/> programs, for the boot log.</summary>
    public static ReadOnlySpan<byte> TimerName => X86Traps.HpetHz != 0
        ? "the HPET as the clock, and 8254 PIT channel 0 through the 8259 PIC (IRQ 0, vector 32)"u8
        : "the TSC (measured against the PIT) as the clock, and 8254 PIT channel 0 through the 8259 PIC (IRQ 0, vector 32)"u8;

    public static void InitTraps() => X86Traps.Init();

    public static void StartTimer(uint hz) => X86Traps.StartTimer(hz);

    public static void EnableInterrupts() => Cpu.Asm("sti");

    public static void DisableInterrupts() => Cpu.Asm("cli");

    /// <summary>Executes a breakpoint instruction (the self-test of the trap path).</summary>
    public static void Breakpoint() => Cpu.Asm("int3");

    public static ulong TextEnd() => Cpu.AsmResult("leaq __text_end(%rip), $0", "=r");

    public static ulong DataStart() => Cpu.AsmResult("leaq __data_start(%rip), $0", "=r");

    public static ReadOnlySpan<byte> PagingName => "4-level paging with NX"u8;

    public static bool MapDevices(ulong root) => X86Paging.MapDevices(root);

    public static bool ActivatePageTables(ulong root) => X86Paging.Activate(root);

    public static void FlushTlb(ulong va) => X86Paging.FlushTlb(va);

    /// <summary>e_machine of this architecture's programs (EM_X86_64).</summary>
    public const ushort ElfMachine = 62;

    public static void ActivateUserSpace(ulong root) => X86Paging.Switch(root);

    /// <summary>The size of a trap frame (Traps.cs's TrapFrame): what a context switch saves of a process.</summary>
    public const int FrameSize = 22 * 8;

    /// <summary>Saves the user x87/SSE state (fxsave64: 512 bytes at a 16-byte boundary) into <paramref name="area"/> (Process.MaxFpu bytes, any alignment); the kernel itself uses no x87/SSE.</summary>
    public static void SaveFpu(byte* area) => Cpu.Asm("fxsave64 ($0)", "r,~{memory}", (nuint)(((ulong)area + 15) & ~15UL));

    /// <summary>Restores what <see cref="SaveFpu"/> saved (fxrstor64).</summary>
    public static void RestoreFpu(byte* area) => Cpu.Asm("fxrstor64 ($0)", "r,~{memory}", (nuint)(((ulong)area + 15) & ~15UL));

    public static void SetSyscallResult(byte* frame, long value) => ((TrapFrame*)frame)->Rax = (ulong)value;

    /// <summary>The console device for user-space drivers (Devices.cs): COM1's eight I/O ports, no MMIO page.</summary>
    public const ulong ConsolePorts = 0x3F8, ConsoleMmio = 0;

    /// <summary>COM1's line (IRQ 4) at the master 8259: unmasked or masked.</summary>
    public static void ConsoleIrq(bool on)
    {
        byte mask = Cpu.InByte(0x21);
        Cpu.OutByte(0x21, on ? (byte)(mask & ~0x10) : (byte)(mask | 0x10));
    }

    /// <summary>A byte in from or out to an I/O port (port_in/port_out); what was read, or 0.</summary>
    public static long Port(ushort port, byte value, bool write)
    {
        if (!write)
            return Cpu.InByte(port);
        Cpu.OutByte(port, value);
        return 0;
    }

    /// <summary>System call argument <paramref name="i"/> (0–5: rdi, rsi, rdx, r10, r8, r9) of a saved frame.</summary>
    public static ulong SyscallArg(byte* frame, int i)
    {
        var f = (TrapFrame*)frame;
        return i switch { 0 => f->Rdi, 1 => f->Rsi, 2 => f->Rdx, 3 => f->R10, 4 => f->R8, _ => f->R9 };
    }

    /// <summary>An IPC message's out registers (docs/capabilities.md): the badge in rdi, the opcode word in rsi, d0–d3 in rdx, r10, r8, r9.</summary>
    public static void SetMessage(byte* frame, ulong badge, ulong op, ulong d0, ulong d1, ulong d2, ulong d3)
    {
        var f = (TrapFrame*)frame;
        f->Rdi = badge;
        f->Rsi = op;
        f->Rdx = d0;
        f->R10 = d1;
        f->R8 = d2;
        f->R9 = d3;
    }

    /// <summary>A frame that enters user mode at <paramref name="entry"/> with <paramref name="sp"/>, every register zero, interrupts on.</summary>
    public static void InitUserFrame(byte* frame, ulong entry, ulong sp)
    {
        Memory.Zero(frame, FrameSize);
        var f = (TrapFrame*)frame;
        f->Rip = entry;
        f->Rsp = sp;
        f->Cs = 0x23;
        f->Ss = 0x1B;
        f->Rflags = 0x202;
    }

    /// <summary>Threads: the entry is called as a function (rsp ≡ 8 mod 16, no return address to go back to), arg in rdi.</summary>
    public static void InitThreadFrame(byte* frame, ulong entry, ulong sp, ulong arg)
    {
        InitUserFrame(frame, entry, sp - 8);
        ((TrapFrame*)frame)->Rdi = arg;
    }

    /// <summary>TLS variant II: the block ends at FS base, whose first word points at itself.</summary>
    public const bool TlsVariantTwo = true;
    public const ulong TlsTcbSize = 0;

    /// <summary>The TLS register is the FS base (IA32_FS_BASE): the kernel uses no FS, so the MSR holds the running thread's.</summary>
    public static ulong GetTls(byte* frame) => X86Traps.ReadMsr(0xC0000100);

    public static void SetTls(byte* frame, ulong value) => X86Traps.WriteMsr(0xC0000100, value);

    /// <summary>arch_prctl(ARCH_SET_FS, address): a canonical user address (anything else would fault in wrmsr).</summary>
    public static long ArchPrctl(byte* frame, ulong code, ulong address)
    {
        if (code != Syscalls.ArchSetFs)
            return -Errno.EINVAL;
        if (address >= Process.UserEnd)
            return -Errno.EFAULT;
        SetTls(frame, address);
        return 0;
    }

    /// <summary>Nothing to run: wait for an interrupt with interrupts on (sti's shadow covers hlt), then mask them again.</summary>
    public static void Idle() => Cpu.Asm("sti\nhlt\ncli", "~{memory}");

    /// <summary>The HPET's main counter (X86Traps.StartTimer enables it), else the TSC with its rate measured against the PIT.</summary>
    public static ulong Counter() => X86Traps.HpetHz != 0
        ? Cpu.AsmResult("movq ($1), $0", "=r,r,~{memory}", Physical.Device(0xFED000F0))
        : Cpu.AsmResult("rdtsc\nshlq $$32, %rdx\norq %rdx, %rax", "={rax},~{rdx}");

    public static ulong CounterHz() => X86Traps.HpetHz != 0 ? X86Traps.HpetHz : X86Traps.TscHz;

    /// <summary>A byte the UART has received (LSR.DR), or -1.</summary>
    public static int GetChar() => (Cpu.InByte(0x3F8 + 5) & 1) != 0 ? Cpu.InByte(0x3F8) : -1;

    /// <summary>The CMOS real-time clock (BCD or binary per status B, 24-hour as QEMU keeps it) as seconds since 1970.</summary>
    public static ulong BootEpochSeconds()
    {
        while ((Cmos(0x0A) & 0x80) != 0) { } // an update in progress
        bool binary = (Cmos(0x0B) & 4) != 0;
        ulong second = Bcd(Cmos(0), binary), minute = Bcd(Cmos(2), binary), hour = Bcd((byte)(Cmos(4) & 0x7F), binary);
        ulong day = Bcd(Cmos(7), binary), month = Bcd(Cmos(8), binary), century = Bcd(Cmos(0x32), binary);
        ulong year = Bcd(Cmos(9), binary) + (century != 0 ? century * 100 : 2000);
        return Clock.EpochSeconds(year, month, day, hour, minute, second);
    }

    private static byte Cmos(byte register)
    {
        Cpu.OutByte(0x70, register);
        return Cpu.InByte(0x71);
    }

    private static ulong Bcd(byte v, bool binary) => binary ? v : (ulong)((v >> 4) * 10 + (v & 15));

    /// <summary>
    /// SMEP and SMAP (CR4 bits 20 and 21) where CPUID leaf 7 offers them (QEMU TCG with <c>-cpu max</c>, as the
    /// runner boots): the kernel then faults on executing or touching a user page. It never needs STAC/CLAC, as it
    /// reaches user memory only through the direct map (UserMemory).
    /// </summary>
    public static ReadOnlySpan<byte> ProtectUserAccess()
    {
        ulong ebx = Cpu.AsmResult("cpuid", "={eax},{eax},{ecx},~{ebx},~{edx}", 0, 0) >= 7 ? Cpu.AsmResult("cpuid\nmovl %ebx, %eax", "={eax},{eax},{ecx},~{ebx},~{edx}", 7, 0) : 0;
        bool smep = (ebx & 1 << 7) != 0, smap = (ebx & 1 << 20) != 0;
        ulong cr4 = Cpu.AsmResult("movq %cr4, $0", "=r") | (smep ? 1UL << 20 : 0) | (smap ? 1UL << 21 : 0);
        Cpu.Asm("movq $0, %cr4", "r,~{memory}", (nuint)cr4);
        return smep && smap ? "SMEP and SMAP"u8 : smep ? "SMEP (this CPU has no SMAP)"u8 : "none (this CPU has neither SMEP nor SMAP)"u8;
    }

    /// <summary>For the boot log's first line: nothing to add.</summary>
    public static ReadOnlySpan<byte> EntryNote => ""u8;

    public static void PowerOff()
    {
        Cpu.OutWord(0x604, 0x2000); // PM1a_CNT: SLP_TYP S5 | SLP_EN
        while (true) Cpu.WaitForInterrupt();
    }

    public static void Fail(int code)
    {
        Cpu.OutByte(0xF4, (byte)code); // isa-debug-exit: QEMU exits with (code << 1) | 1, which the runner maps back
        while (true) Cpu.WaitForInterrupt();
    }
}
#endif
