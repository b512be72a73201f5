// x86_64 traps: the IDT (48 interrupt gates to trap.S's stubs), the 8259 PICs remapped to vectors 32-47 with only
// IRQ 0 unmasked, and the 8254 PIT's channel 0 as the periodic timer.
#if VERIDIAN_X86_64
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Veridian.Intrinsics;

namespace Veridian.Kernel;

/// <summary>The registers trap.S saves, lowest address first, then what the CPU pushed.</summary>
struct TrapFrame
{
    public ulong R15, R14, R13, R12, R11, R10, R9, R8, Rbp, Rdi, Rsi, Rdx, Rcx, Rbx, Rax;
    public ulong Vector, Error;
    public ulong Rip, Cs, Rflags, Rsp, Ss;
}

unsafe struct Idt
{
    public fixed ulong Gates[256 * 2];
}

static unsafe class X86Traps
{
    private const int Vectors = 48;
    private const uint PitHz = 1193182;
    private static Idt s_idt;

    public static void Init()
    {
        ulong* stubs = (ulong*)Cpu.AsmResult("leaq trap_stubs(%rip), $0", "=r");
        for (int v = 0; v < Vectors; v++)
        {
            ulong handler = stubs[v];
            // Interrupt gate (type 0xE, present, DPL 0), kernel code selector 0x08, no IST.
            s_idt.Gates[v * 2] = (handler & 0xFFFF) | (0x08UL << 16) | (0x8EUL << 40) | ((handler >> 16) & 0xFFFF) << 48;
            s_idt.Gates[v * 2 + 1] = handler >> 32;
        }
        byte* descriptor = stackalloc byte[16];
        *(ushort*)descriptor = 256 * 16 - 1;
        *(ulong*)(descriptor + 2) = (ulong)Unsafe.AsPointer(ref s_idt);
        Cpu.Asm("lidt ($0)", "r,~{memory}", (nuint)descriptor);

        // The 8259 pair: ICW1 (edge, cascade, ICW4), ICW2 the vector bases 32 and 40, ICW3 the cascade on IRQ 2,
        // ICW4 8086 mode; then every line masked but IRQ 0 (the PIT).
        Cpu.OutByte(0x20, 0x11);
        Cpu.OutByte(0xA0, 0x11);
        Cpu.OutByte(0x21, 32);
        Cpu.OutByte(0xA1, 40);
        Cpu.OutByte(0x21, 4);
        Cpu.OutByte(0xA1, 2);
        Cpu.OutByte(0x21, 1);
        Cpu.OutByte(0xA1, 1);
        Cpu.OutByte(0x21, 0xFE);
        Cpu.OutByte(0xA1, 0xFF);
    }

    public static void StartTimer(uint hz)
    {
        uint divisor = PitHz / hz;
        Cpu.OutByte(0x43, 0x34); // channel 0, low then high byte, mode 2 (rate generator)
        Cpu.OutByte(0x40, (byte)divisor);
        Cpu.OutByte(0x40, (byte)(divisor >> 8));
    }

    [UnmanagedCallersOnly(EntryPoint = "x86_trap")]
    private static void Handle(TrapFrame* frame)
    {
        ulong vector = frame->Vector;
        if (vector == 3)
        {
            Traps.Breakpoint(); // int3 is a trap: rip is already past it
            return;
        }
        if (vector >= 32)
        {
            if (vector == 32)
                Traps.Tick();
            if (vector >= 40)
                Cpu.OutByte(0xA0, 0x20);
            Cpu.OutByte(0x20, 0x20); // end of interrupt
            return;
        }
        ulong address = vector == 14 ? Cpu.AsmResult("movq %cr2, $0", "=r") : 0;
        Traps.KernelFault(Name(vector), frame->Error, frame->Rip, address);
    }

    private static System.ReadOnlySpan<byte> Name(ulong vector) => vector switch
    {
        0 => "#DE divide error"u8,
        6 => "#UD invalid opcode"u8,
        8 => "#DF double fault"u8,
        13 => "#GP general protection"u8,
        14 => "#PF page fault"u8,
        _ => "exception"u8,
    };
}
#endif
