using System;

namespace Veridian.Kernel;

/// <summary>The kernel's console output: bytes, decimal and hexadecimal numbers, through <see cref="Machine.PutChar"/>.</summary>
static unsafe class Log
{
    public static void Write(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
            Machine.PutChar(b);
    }

    public static void Line(ReadOnlySpan<byte> text)
    {
        Write(text);
        Machine.PutChar((byte)'\n');
    }

    public static void Char(byte c) => Machine.PutChar(c);

    public static void Decimal(ulong value)
    {
        byte* digits = stackalloc byte[20];
        int n = 0;
        do
        {
            digits[n++] = (byte)('0' + (int)(value % 10));
            value /= 10;
        } while (value != 0);
        while (n > 0)
            Machine.PutChar(digits[--n]);
    }

    /// <summary><c>0x</c> and the value in lower-case hexadecimal, without leading zeros.</summary>
    public static void Hex(ulong value)
    {
        Write("0x"u8);
        int shift = 60;
        while (shift > 0 && (value >> shift) == 0)
            shift -= 4;
        for (; shift >= 0; shift -= 4)
            Machine.PutChar((byte)"0123456789abcdef"u8[(int)((value >> shift) & 0xF)]);
    }

    /// <summary>The end of a fault report: <c>&lt;cause&gt; at pc 0x…, address 0x…</c> and the line's end.</summary>
    public static void Fault(ReadOnlySpan<byte> cause, ulong pc, ulong address)
    {
        Write(cause);
        Write(" at pc "u8);
        Hex(pc);
        Write(", address "u8);
        Hex(address);
        Char((byte)'\n');
    }

    /// <summary>A size in the largest unit that keeps it exact enough to read: bytes, KiB or MiB.</summary>
    public static void Size(ulong bytes)
    {
        if (bytes >= 16UL << 20)
        {
            Decimal(bytes >> 20);
            Write(" MiB"u8);
        }
        else if (bytes >= 16UL << 10)
        {
            Decimal(bytes >> 10);
            Write(" KiB"u8);
        }
        else
        {
            Decimal(bytes);
            Write(" B"u8);
        }
    }
}
