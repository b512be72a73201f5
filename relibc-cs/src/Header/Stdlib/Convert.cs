using System.Runtime.InteropServices;
using Relibc.Header.Errno;

namespace Relibc.Header.Stdlib;

/// <summary>Integer conversions and arithmetic of stdlib.h (C17 7.22.1, 7.22.6).</summary>
public static unsafe class Convert
{
    /// <summary>strtol — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strtol.html (ERANGE saturates; EINVAL for a bad base).</summary>
    [UnmanagedCallersOnly(EntryPoint = "strtol")]
    public static long StrToL(byte* s, byte** end, int radix) => Signed(s, end, radix, long.MinValue, long.MaxValue);

    /// <summary>strtoll — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strtoll.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strtoll")]
    public static long StrToLL(byte* s, byte** end, int radix) => Signed(s, end, radix, long.MinValue, long.MaxValue);

    /// <summary>strtoul — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strtoul.html (a '-' negates in unsigned arithmetic).</summary>
    [UnmanagedCallersOnly(EntryPoint = "strtoul")]
    public static ulong StrToUL(byte* s, byte** end, int radix) => Unsigned(s, end, radix);

    /// <summary>strtoull — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strtoull.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strtoull")]
    public static ulong StrToULL(byte* s, byte** end, int radix) => Unsigned(s, end, radix);

    /// <summary>strtoimax — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strtoimax.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strtoimax")]
    public static long StrToIMax(byte* s, byte** end, int radix) => Signed(s, end, radix, long.MinValue, long.MaxValue);

    /// <summary>strtoumax — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strtoumax.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strtoumax")]
    public static ulong StrToUMax(byte* s, byte** end, int radix) => Unsigned(s, end, radix);

    /// <summary>atoi — https://pubs.opengroup.org/onlinepubs/9699919799/functions/atoi.html (strtol's value, errno untouched).</summary>
    [UnmanagedCallersOnly(EntryPoint = "atoi")]
    public static int AtoI(byte* s) => (int)Quiet(s);

    /// <summary>atol — https://pubs.opengroup.org/onlinepubs/9699919799/functions/atol.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "atol")]
    public static long AtoL(byte* s) => Quiet(s);

    /// <summary>atoll — https://pubs.opengroup.org/onlinepubs/9699919799/functions/atoll.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "atoll")]
    public static long AtoLL(byte* s) => Quiet(s);

    /// <summary>abs — https://pubs.opengroup.org/onlinepubs/9699919799/functions/abs.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "abs")]
    public static int Abs(int v) => v < 0 ? -v : v;

    /// <summary>labs — https://pubs.opengroup.org/onlinepubs/9699919799/functions/labs.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "labs")]
    public static long LAbs(long v) => v < 0 ? -v : v;

    /// <summary>llabs — https://pubs.opengroup.org/onlinepubs/9699919799/functions/llabs.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "llabs")]
    public static long LLAbs(long v) => v < 0 ? -v : v;

    /// <summary>imaxabs — https://pubs.opengroup.org/onlinepubs/9699919799/functions/imaxabs.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "imaxabs")]
    public static long IMaxAbs(long v) => v < 0 ? -v : v;

    public struct IntDiv
    {
        public int Quot, Rem;
    }

    public struct LongDiv
    {
        public long Quot, Rem;
    }

    /// <summary>div — https://pubs.opengroup.org/onlinepubs/9699919799/functions/div.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "div")]
    public static IntDiv Div(int n, int d) => new IntDiv { Quot = n / d, Rem = n % d };

    /// <summary>ldiv — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ldiv.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "ldiv")]
    public static LongDiv LDiv(long n, long d) => new LongDiv { Quot = n / d, Rem = n % d };

    /// <summary>lldiv — https://pubs.opengroup.org/onlinepubs/9699919799/functions/lldiv.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "lldiv")]
    public static LongDiv LLDiv(long n, long d) => new LongDiv { Quot = n / d, Rem = n % d };

    /// <summary>imaxdiv — https://pubs.opengroup.org/onlinepubs/9699919799/functions/imaxdiv.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "imaxdiv")]
    public static LongDiv IMaxDiv(long n, long d) => new LongDiv { Quot = n / d, Rem = n % d };

    private static long Quiet(byte* s)
    {
        var saved = Errno.Errno.Value;
        var v = Signed(s, null, 10, long.MinValue, long.MaxValue);
        Errno.Errno.Set(saved);
        return v;
    }

    private static int DigitValue(byte c) =>
        c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'z' ? (c | 32) - 'a' + 10 : 99;

    /// <summary>
    /// The common parse (C17 7.22.1.4): white space, an optional sign, "0x"/"0X" for base 16 or 0, a leading "0" for
    /// base 0 → octal; <paramref name="end"/> gets the first unparsed byte, or <paramref name="s"/> when no digit was read.
    /// </summary>
    private static bool Parse(byte* s, byte** end, int radix, out bool negative, out ulong magnitude, out bool overflow)
    {
        negative = false;
        magnitude = 0;
        overflow = false;
        if (radix < 0 || radix == 1 || radix > 36)
        {
            Errno.Errno.Set(E.INVAL);
            if (end != null)
                *end = s;
            return false;
        }
        var p = s;
        while (Ctype.Ctype.Space(*p))
            p++;
        if (*p == '+' || *p == '-')
            negative = *p++ == '-';
        if ((radix == 0 || radix == 16) && p[0] == '0' && (p[1] | 32) == 'x' && DigitValue(p[2]) < 16)
        {
            p += 2;
            radix = 16;
        }
        else if (radix == 0)
        {
            radix = p[0] == '0' ? 8 : 10;
        }
        var start = p;
        for (; DigitValue(*p) < radix; p++)
        {
            var d = (ulong)DigitValue(*p);
            if (magnitude > (ulong.MaxValue - d) / (ulong)radix)
                overflow = true;
            else
                magnitude = magnitude * (ulong)radix + d;
        }
        if (end != null)
            *end = p == start ? s : p;
        return p != start;
    }

    internal static long Signed(byte* s, byte** end, int radix, long min, long max)
    {
        if (!Parse(s, end, radix, out var negative, out var magnitude, out var overflow))
            return 0;
        if (negative)
        {
            if (overflow || magnitude > (ulong)max + 1)
            {
                Errno.Errno.Set(E.RANGE);
                return min;
            }
            return (long)(0 - magnitude);
        }
        if (overflow || magnitude > (ulong)max)
        {
            Errno.Errno.Set(E.RANGE);
            return max;
        }
        return (long)magnitude;
    }

    internal static ulong Unsigned(byte* s, byte** end, int radix)
    {
        if (!Parse(s, end, radix, out var negative, out var magnitude, out var overflow))
            return 0;
        if (overflow)
        {
            Errno.Errno.Set(E.RANGE);
            return ulong.MaxValue;
        }
        return negative ? 0 - magnitude : magnitude;
    }
}
