// aarch64 traps: VBAR_EL1 → vectors.S; interrupts through the GICv2 of QEMU virt (distributor 0x08000000, CPU
// interface 0x08010000); the periodic timer is the EL1 virtual timer (CNTV, PPI INTID 27) at CNTFRQ_EL0.
#if VERIDIAN_AARCH64
using System.Runtime.InteropServices;
using Veridian.Intrinsics;

namespace Veridian.Kernel;

/// <summary>What vectors.S saves: x0-x30, then ELR, SPSR, ESR, FAR, SP_EL0 (288 bytes): a process's whole user state.</summary>
unsafe struct TrapFrame
{
    public fixed ulong X[31];
    public ulong Elr, Spsr, Esr, Far, SpEl0;
}

static unsafe class Aarch64Traps
{
    private const nuint Gicd = 0x08000000, Gicc = 0x08010000;
    private const uint TimerIntid = 27;
    private static ulong s_interval;

    public static void Init()
    {
        nuint vectors = Cpu.AsmResult("adrp $0, exception_vectors\nadd $0, $0, :lo12:exception_vectors", "=r");
        Cpu.Asm("msr vbar_el1, $0\nisb", "r,~{memory}", vectors);
        Cpu.MmioWrite32(Physical.Device(Gicd) + 0x000, 1);                          // GICD_CTLR: forward group 0
        Cpu.MmioWrite32(Physical.Device(Gicd) + 0x100, 1u << (int)TimerIntid);       // GICD_ISENABLER0
        Cpu.MmioWrite8(Physical.Device(Gicd) + 0x400 + TimerIntid, 0x80);             // GICD_IPRIORITYR
        Cpu.MmioWrite32(Physical.Device(Gicc) + 0x004, 0xF0);                        // GICC_PMR: let priorities above 0xF0 through
        Cpu.MmioWrite32(Physical.Device(Gicc) + 0x000, 1);                           // GICC_CTLR: signal group 0
    }

    public static void StartTimer(uint hz)
    {
        s_interval = Cpu.AsmResult("mrs $0, cntfrq_el0", "=r") / hz;
        Cpu.Asm("msr cntv_tval_el0, $0\nmov x9, #1\nmsr cntv_ctl_el0, x9\nisb", "r,~{x9}", (nuint)s_interval);
    }

    [UnmanagedCallersOnly(EntryPoint = "aarch64_trap")]
    private static void Handle(TrapFrame* frame, ulong slot)
    {
        // Slots: 0-3 current EL with SP_EL0, 4-7 current EL with SP_ELx, 8-11 lower EL AArch64, 12-15 lower EL AArch32;
        // in each group: synchronous, IRQ, FIQ, SError.
        ulong kind = slot & 3;
        if (kind == 1)
        {
            uint iar = Cpu.MmioRead32(Physical.Device(Gicc) + 0x00C);                 // GICC_IAR
            uint intid = iar & 0x3FF;
            if (intid < 1020)
                Cpu.MmioWrite32(Physical.Device(Gicc) + 0x010, iar);                   // GICC_EOIR
            if (intid == 33)
                Devices.Interrupt(); // the PL011: masked, its driver signalled
            if (intid == TimerIntid)
            {
                Cpu.Asm("msr cntv_tval_el0, $0", "r", (nuint)s_interval);
                Traps.Tick();
                if (slot >= 8)
                    Scheduler.Preempt((byte*)frame);
            }
            return;
        }
        ulong ec = frame->Esr >> 26;
        if (slot >= 8)
        {
            // From EL0. SVC #0: the number in x8, arguments in x0-x5, the result in x0; ELR is past the svc.
            if (kind == 0 && ec == 0x15)
            {
                Syscalls.Dispatch((byte*)frame, frame->X[8], frame->X[0], frame->X[1], frame->X[2], frame->X[3], frame->X[4], frame->X[5]);
                return;
            }
            Process.Fault((byte*)frame, kind == 0 ? Name(ec) : kind == 2 ? "FIQ"u8 : "SError"u8, frame->Elr, frame->Far);
            return;
        }
        if (kind == 0 && ec == 0x3C)
        {
            Traps.Breakpoint();
            frame->Elr += 4; // BRK reports its own address: resume after it
            return;
        }
        Traps.KernelFault(kind == 0 ? Name(ec) : kind == 2 ? "FIQ"u8 : "SError"u8, frame->Esr, frame->Elr, frame->Far);
    }

    private static System.ReadOnlySpan<byte> Name(ulong ec) => ec switch
    {
        0x00 => "undefined instruction"u8,
        0x18 => "trapped system register access"u8,
        0x20 => "instruction abort from user mode"u8,
        0x24 => "data abort from user mode"u8,
        0x15 => "SVC"u8,
        0x21 => "instruction abort"u8,
        0x22 => "PC alignment fault"u8,
        0x25 => "data abort"u8,
        0x26 => "SP alignment fault"u8,
        _ => "synchronous exception"u8,
    };
}
#endif
