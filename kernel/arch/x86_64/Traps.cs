// x86_64 traps: the IDT (48 interrupt gates to trap.S's stubs), the 8259 PICs remapped to vectors 32-47 with only
// IRQ 0 unmasked, and the 8254 PIT's channel 0 as the periodic timer.
#if VERIDIAN_X86_64
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Veridian.Intrinsics;

namespace Veridian.Kernel;

/// <summary>The registers trap.S saves, lowest address first, then what the CPU pushed (syscall_entry pushes the same).</summary>
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

/// <summary>
/// The GDT SYSCALL/SYSRET need (STAR: kernel CS 0x08 and SS 0x10; user SS 0x1B and CS 0x23 follow 0x10) and the TSS
/// whose RSP0 is the stack interrupts from ring 3 land on.
/// </summary>
unsafe struct Gdt
{
    public fixed ulong Entries[7];
    public fixed uint Tss[26];
}

static unsafe class X86Traps
{
    private const int Vectors = 48;
    private const uint PitHz = 1193182;
    private static Idt s_idt;
    private static Gdt s_gdt;

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
        LoadGdt();
        // SYSCALL: EFER.SCE; STAR selectors; LSTAR the entry; SFMASK clears TF, IF and DF on entry.
        Cpu.Asm("movl $$0xC0000080, %ecx\nrdmsr\norl $$1, %eax\nwrmsr", "~{eax},~{ecx},~{edx},~{memory}");
        WriteMsr(0xC0000081, 0x10UL << 48 | 0x08UL << 32);
        WriteMsr(0xC0000082, Cpu.AsmResult("leaq syscall_entry(%rip), $0", "=r"));
        WriteMsr(0xC0000084, 0x700);

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

    private static void LoadGdt()
    {
        s_gdt.Entries[0] = 0;
        s_gdt.Entries[1] = 0x00AF9A000000FFFF; // 0x08 kernel code, 64-bit
        s_gdt.Entries[2] = 0x00CF92000000FFFF; // 0x10 kernel data
        s_gdt.Entries[3] = 0x00CFF2000000FFFF; // 0x18 user data, DPL 3
        s_gdt.Entries[4] = 0x00AFFA000000FFFF; // 0x20 user code, 64-bit, DPL 3
        ulong tss = (ulong)Unsafe.AsPointer(ref s_gdt.Tss[0]);
        ulong stack = Cpu.AsmResult("leaq trap_stack_top(%rip), $0", "=r");
        s_gdt.Tss[1] = (uint)stack;            // RSP0
        s_gdt.Tss[2] = (uint)(stack >> 32);
        s_gdt.Tss[25] = 104u << 16;            // I/O map base past the limit: no port is open to ring 3
        s_gdt.Entries[5] = 103 | (tss & 0xFFFFFF) << 16 | 0x89UL << 40 | ((tss >> 24) & 0xFF) << 56; // 0x28 TSS, available
        s_gdt.Entries[6] = tss >> 32;
        byte* descriptor = stackalloc byte[16];
        *(ushort*)descriptor = 7 * 8 - 1;
        *(ulong*)(descriptor + 2) = (ulong)Unsafe.AsPointer(ref s_gdt.Entries[0]);
        Cpu.Asm("lgdt ($0)\npushq $$0x08\nleaq 1f(%rip), %rax\npushq %rax\nlretq\n1:\nmovw $$0x10, %ax\nmovw %ax, %ds\nmovw %ax, %es\nmovw %ax, %ss\nmovw $$0x28, %ax\nltr %ax",
            "r,~{rax},~{memory}", (nuint)descriptor);
    }

    public static ulong ReadMsr(uint msr) =>
        Cpu.AsmResult("rdmsr\nshlq $$32, %rdx\norq %rdx, %rax", "={rax},{ecx},~{rdx}", msr);

    public static void WriteMsr(uint msr, ulong value) =>
        Cpu.Asm("wrmsr", "{ecx},{eax},{edx},~{memory}", msr, (nuint)(uint)value, (nuint)(value >> 32));

    /// <summary>The TSC's rate, measured by <see cref="StartTimer"/>; the HPET's (0: none), from its capabilities.</summary>
    public static ulong TscHz, HpetHz;

    public static void StartTimer(uint hz)
    {
        // The clock: the HPET when there is one (QEMU pc has it at 0xFED00000): GCAP_ID's upper half is the counter's
        // period in femtoseconds (at most 100 ns by the specification); GEN_CONF bit 0 starts the main counter. Its
        // time is the emulator's clock, which no calibration can get wrong.
        ulong capabilities = Cpu.AsmResult("movq ($1), $0", "=r,r,~{memory}", Physical.Device(0xFED00000));
        ulong period = capabilities >> 32;
        if (period != 0 && period <= 100_000_000 && (uint)capabilities != 0xFFFFFFFF)
        {
            Cpu.Asm("movq $0, ($1)", "r,r,~{memory}", 1, Physical.Device(0xFED00010));
            HpetHz = 1_000_000_000_000_000 / period;
        }

        if (HpetHz == 0)
        {
            // Without one, the TSC, its rate measured: PIT channel 2 (gate on port 0x61 bit 0, speaker off) counts 5 ms in mode 0; its output
            // (port 0x61 bit 5) rises at the end (Linux's pit_calibrate_tsc). The shortest of five: a vCPU descheduled by
            // a busy host sees the end late, which only lengthens a measurement.
            ulong shortest = ulong.MaxValue;
            for (int i = 0; i < 5; i++)
            {
                Cpu.OutByte(0x61, (byte)((Cpu.InByte(0x61) & ~2) | 1));
                Cpu.OutByte(0x43, 0xB0);
                Cpu.OutByte(0x42, unchecked((byte)(PitHz / 200)));
                Cpu.OutByte(0x42, (byte)((PitHz / 200) >> 8));
                ulong t0 = Machine.Counter();
                while ((Cpu.InByte(0x61) & 0x20) == 0) { }
                ulong t = Machine.Counter() - t0;
                if (t < shortest)
                    shortest = t;
            }
            TscHz = shortest * 200;
            if (TscHz == 0)
                TscHz = 1;
        }

        uint divisor = PitHz / hz;
        Cpu.OutByte(0x43, 0x34); // channel 0, low then high byte, mode 2 (rate generator)
        Cpu.OutByte(0x40, (byte)divisor);
        Cpu.OutByte(0x40, (byte)(divisor >> 8));
    }

    [UnmanagedCallersOnly(EntryPoint = "x86_trap")]
    private static void Handle(TrapFrame* frame)
    {
        ulong vector = frame->Vector;
        if (vector == 0x80)
        {
            // syscall_entry: the number in rax, arguments in rdi, rsi, rdx, r10, r8, r9; the result in rax.
            Syscalls.Dispatch((byte*)frame, frame->Rax, frame->Rdi, frame->Rsi, frame->Rdx, frame->R10, frame->R8, frame->R9);
            return;
        }
        if (vector == 3)
        {
            Traps.Breakpoint(); // int3 is a trap: rip is already past it
            return;
        }
        if (vector >= 32)
        {
            if (vector >= 40)
                Cpu.OutByte(0xA0, 0x20);
            Cpu.OutByte(0x20, 0x20); // end of interrupt
            if (vector == 36)
                Devices.Interrupt(); // COM1 (IRQ 4): masked, its driver signalled
            if (vector == 32)
            {
                Traps.Tick();
                if ((frame->Cs & 3) == 3)
                    Scheduler.Preempt((byte*)frame);
            }
            return;
        }
        ulong address = vector == 14 ? Cpu.AsmResult("movq %cr2, $0", "=r") : 0;
        if ((frame->Cs & 3) == 3)
        {
            Process.Fault((byte*)frame, Name(vector), frame->Rip, address);
            return;
        }
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
