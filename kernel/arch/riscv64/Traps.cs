// riscv64 traps: stvec → trap.S (direct mode); the periodic timer is the SBI TIME extension (set_timer against
// rdtime, whose rate the device tree's /cpus timebase-frequency gives), taken as the supervisor timer interrupt.
#if VERIDIAN_RISCV64
using System.Runtime.InteropServices;
using Veridian.Intrinsics;

namespace Veridian.Kernel;

/// <summary>What trap.S saves: x0-x31 (x0 unused, x2 the interrupted sp), f0-f31, then sepc, sstatus, scause, stval.</summary>
unsafe struct TrapFrame
{
    public fixed ulong X[32];
    public fixed ulong F[32];
    public ulong Sepc, Sstatus, Scause, Stval;
}

static unsafe class RiscvTraps
{
    private const ulong Interrupt = 1UL << 63;
    private const ulong SupervisorTimer = 5;
    /// <summary>QEMU virt's rdtime rate, used when the device tree gives none.</summary>
    private const ulong DefaultTimebase = 10_000_000;
    private static ulong s_interval;

    /// <summary>rdtime's rate.</summary>
    public static ulong Timebase = DefaultTimebase;

    public static void Init()
    {
        nuint entry = Cpu.AsmResult(".option push\n.option norelax\nlla $0, trap_entry\n.option pop", "=r");
        Cpu.Asm("csrw stvec, $0", "r,~{memory}", entry);
    }

    public static void StartTimer(uint hz)
    {
        Timebase = Kernel.Boot.TimebaseFrequency != 0 ? Kernel.Boot.TimebaseFrequency : DefaultTimebase;
        s_interval = Timebase / hz;
        SetTimer(Cpu.AsmResult("rdtime $0", "=r") + s_interval);
        Cpu.Asm("csrs sie, $0", "r,~{memory}", 1 << 5); // sie.STIE
    }

    /// <summary>SBI TIME extension (EID 0x54494D45 "TIME"), FID 0: sbi_set_timer(stime_value).</summary>
    private static void SetTimer(ulong when) =>
        Cpu.Asm("li a6, 0\necall", "{x17},{x10},~{x11},~{x16},~{memory}", 0x54494D45, (nuint)when);

    [UnmanagedCallersOnly(EntryPoint = "riscv_trap")]
    private static void Handle(TrapFrame* frame)
    {
        ulong cause = frame->Scause;
        if (cause == (Interrupt | SupervisorTimer))
        {
            SetTimer(Cpu.AsmResult("rdtime $0", "=r") + s_interval);
            Traps.Tick();
            if ((frame->Sstatus & 0x100) == 0)
                Scheduler.Preempt((byte*)frame);
            return;
        }
        if (cause == (Interrupt | 9))
        {
            // A supervisor external interrupt: claim it at the PLIC (context 1), mask and signal the UART's (source 10), complete.
            uint claim = Cpu.MmioRead32(Physical.Device(0x0C201004));
            if (claim == 10)
                Devices.Interrupt();
            if (claim != 0)
                Cpu.MmioWrite32(Physical.Device(0x0C201004), claim);
            return;
        }
        if ((frame->Sstatus & 0x100) == 0)
        {
            // From U-mode. ecall: the number in a7, arguments in a0-a5, the result in a0; resume after the ecall.
            if (cause == 8)
            {
                frame->Sepc += 4;
                Syscalls.Dispatch((byte*)frame, frame->X[17], frame->X[10], frame->X[11], frame->X[12], frame->X[13], frame->X[14], frame->X[15]);
                return;
            }
            Process.Fault((byte*)frame, Name(cause), frame->Sepc, frame->Stval);
            return;
        }
        if (cause == 3)
        {
            Traps.Breakpoint();
            // ebreak is 4 bytes, c.ebreak 2: the low two bits of an uncompressed instruction are 11.
            frame->Sepc += (*(ushort*)frame->Sepc & 3) == 3 ? 4UL : 2UL;
            return;
        }
        Traps.KernelFault(Name(cause), cause, frame->Sepc, frame->Stval);
    }

    private static System.ReadOnlySpan<byte> Name(ulong cause) => cause switch
    {
        0 => "instruction address misaligned"u8,
        1 => "instruction access fault"u8,
        2 => "illegal instruction"u8,
        4 => "load address misaligned"u8,
        5 => "load access fault"u8,
        6 => "store address misaligned"u8,
        7 => "store access fault"u8,
        12 => "instruction page fault"u8,
        13 => "load page fault"u8,
        15 => "store page fault"u8,
        _ => (cause & Interrupt) != 0 ? "unexpected interrupt"u8 : "exception"u8,
    };
}
#endif
