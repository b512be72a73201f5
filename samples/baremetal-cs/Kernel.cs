// baremetal-cs: the bare-metal greeting of samples/baremetal-c, in C# (subset v1, docs/csharp-subset.md).
// The per-architecture boot stub (<arch>/boot.S, the same as baremetal-c's) sets up a stack, zeroes .bss and
// calls kstart, which is exported from here. Everything after that is C#: static constructors from
// .init_array, the UART through the Cpu intrinsics, power-off through port I/O, PSCI or SBI.
using System;
using System.Runtime.InteropServices;
using Veridian.Intrinsics;

/// <summary>Memo table for fib, in .bss: must read as zero on entry.</summary>
unsafe struct Memo
{
    public fixed ulong Values[94];
}

static unsafe class Kernel
{
    private static Memo s_memo;
    private static readonly ulong s_constructed;

    // Runs from .init_array before kmain; proves static constructors run at startup.
    static Kernel() { s_constructed = 0x5EED; }

    [UnmanagedCallersOnly(EntryPoint = "kstart")]
    private static void KStart()
    {
        RunStaticConstructors();
        int status = KMain();
        if (status == 0)
            Platform.PowerOff();
        Console.Write("kmain failed\n"u8);
        Platform.Fail(status);
    }

    private static void RunStaticConstructors()
    {
        var start = (delegate* unmanaged<void>*)Platform.InitArrayStart();
        var end = (delegate* unmanaged<void>*)Platform.InitArrayEnd();
        for (var fn = start; fn != end; fn++)
            (*fn)();
    }

    private static ulong Fib(int n)
    {
        if (n < 2)
            return (ulong)n;
        if (s_memo.Values[n] == 0)
            s_memo.Values[n] = Fib(n - 1) + Fib(n - 2);
        return s_memo.Values[n];
    }

    private static int KMain()
    {
        for (int i = 0; i < 94; i++)
        {
            if (s_memo.Values[i] != 0)
            {
                Console.Write("error: .bss was not zeroed\n"u8);
                return 2;
            }
        }
        if (s_constructed != 0x5EED)
        {
            Console.Write("error: the static constructor did not run\n"u8);
            return 3;
        }
        Console.Write("Hello from baremetal-cs on "u8);
        Console.Write(Platform.ArchName);
        Console.Write("! fib(90) = "u8);
        Console.WriteU64(Fib(90));
        Console.Write("\n"u8);
        return 0;
    }
}

static unsafe class Console
{
    public static void Write(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
            Platform.PutChar(b);
    }

    public static void WriteU64(ulong value)
    {
        byte* digits = stackalloc byte[20];
        int n = 0;
        do
        {
            digits[n++] = (byte)('0' + (int)(value % 10));
            value /= 10;
        } while (value != 0);
        while (n > 0)
            Platform.PutChar(digits[--n]);
    }
}
