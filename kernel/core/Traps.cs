using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace Veridian.Kernel;

/// <summary>
/// What the architectures' trap handlers report to the portable kernel: timer ticks, breakpoints, and faults.
/// A fault in kernel mode is a kernel bug: it is reported (cause, PC, faulting address) and the boot fails.
/// </summary>
static unsafe class Traps
{
    private static ulong s_ticks;
    private static ulong s_breakpoints;

    /// <summary>Periodic timer interrupts taken since the timer started.</summary>
    public static ulong Ticks => Volatile.Read(ref s_ticks);

    public static ulong Breakpoints => Volatile.Read(ref s_breakpoints);

    /// <summary>Called by the architecture on every periodic timer interrupt (interrupts masked).</summary>
    public static void Tick()
    {
        Volatile.Write(ref s_ticks, s_ticks + 1);
        Scheduler.Tick();
    }

    /// <summary>Called for a breakpoint instruction; the architecture resumes after it.</summary>
    public static void Breakpoint() => Volatile.Write(ref s_breakpoints, s_breakpoints + 1);

    /// <summary>An exception the kernel cannot resume from, taken in kernel mode: reported, then BOOTFAIL.</summary>
    public static void KernelFault(ReadOnlySpan<byte> cause, ulong code, ulong pc, ulong address)
    {
        Log.Write("kernel fault: "u8);
        Log.Write(cause);
        Log.Write(" (code "u8);
        Log.Hex(code);
        Log.Write(")"u8);
        Log.Fault(""u8, pc, address);
        Kernel.Halt(false);
    }

    /// <summary>The compiler's panic hook (overflow, bounds, division): a kernel bug, reported like a fault.</summary>
    [UnmanagedCallersOnly(EntryPoint = "__veridian_panic")]
    private static void Panic(byte* message, nuint length)
    {
        Log.Write("kernel panic: "u8);
        Log.Write(new ReadOnlySpan<byte>(message, (int)length));
        Log.Char((byte)'\n');
        Kernel.Halt(false);
    }
}
