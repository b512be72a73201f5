using System.Runtime.InteropServices;

namespace Veridian.Kernel;

/// <summary>
/// The four C functions LLVM may call on its own (struct copies and zeroing become <c>llvm.memcpy</c>/<c>memset</c>,
/// which lower to calls for large sizes). There is no libc in the kernel, so it provides them.
/// </summary>
static unsafe class CRuntime
{
    [UnmanagedCallersOnly(EntryPoint = "memset")]
    private static byte* MemSet(byte* destination, int value, nuint length)
    {
        for (nuint i = 0; i < length; i++)
            destination[i] = (byte)value;
        return destination;
    }

    [UnmanagedCallersOnly(EntryPoint = "memcpy")]
    private static byte* MemCpy(byte* destination, byte* source, nuint length)
    {
        Memory.Copy(destination, source, length);
        return destination;
    }

    [UnmanagedCallersOnly(EntryPoint = "memmove")]
    private static byte* MemMove(byte* destination, byte* source, nuint length)
    {
        if (destination < source)
            Memory.Copy(destination, source, length);
        else
        {
            for (nuint i = length; i > 0; i--)
                destination[i - 1] = source[i - 1];
        }
        return destination;
    }

    [UnmanagedCallersOnly(EntryPoint = "memcmp")]
    private static int MemCmp(byte* a, byte* b, nuint length)
    {
        for (nuint i = 0; i < length; i++)
        {
            if (a[i] != b[i])
                return a[i] - b[i];
        }
        return 0;
    }
}
