// A C variadic function exported from C# (docs/csharp-subset.md, "Exporting a C variadic function"),
// called from C with ints, longs, pointers and doubles; and a function taking C's va_list ([CVaList], as vprintf
// does), called by a C variadic function that has read the first argument itself.
using System;
using System.Runtime.InteropServices;
using Veridian.Interop;

static unsafe class Variadic
{
    [DllImport("c")] static extern long call_variadics();

    [UnmanagedCallersOnly(EntryPoint = "cs_sum")]
    static long Sum(int count, VaList args)
    {
        long total = 0;
        for (int i = 0; i < count; i++)
            total += (i % 2 == 0) ? args.NextInt32() : args.NextInt64();
        return total;
    }

    [UnmanagedCallersOnly(EntryPoint = "cs_mixed")]
    static long Mixed(byte* tag, VaList args)
    {
        long total = 0;
        for (; *tag != 0; tag++)
        {
            if (*tag == (byte)'d') total += (long)(args.NextDouble() * 10);
            else if (*tag == (byte)'p') total += *(int*)args.NextPointer();
            else total += args.NextInt32();
        }
        return total;
    }

    [UnmanagedCallersOnly(EntryPoint = "cs_vmixed")]
    static long VMixed(byte* tag, [CVaList] VaList args)
    {
        long total = 0;
        for (; *tag != 0; tag++)
        {
            if (*tag == (byte)'d') total += (long)(args.NextDouble() * 10);
            else if (*tag == (byte)'p') total += *(int*)args.NextPointer();
            else if (*tag == (byte)'l') total += args.NextInt64();
            else total += args.NextInt32();
        }
        return total;
    }

    static int Main()
    {
        Out.Str("variadic="u8); Out.Int(call_variadics()); Out.Line();
        return 0;
    }
}
