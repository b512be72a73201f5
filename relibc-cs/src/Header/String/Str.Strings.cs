using System.Numerics;
using System.Runtime.Intrinsics;

namespace Relibc.Header.String;

/// <summary>
/// The string kernels behind strlen, strnlen, strchr, strrchr, strcmp and strncmp. A string's end is found by
/// reading whole aligned blocks (16 bytes, or 64 once the pointer is 64-byte aligned; 8-byte words without a
/// vector unit): an aligned block never crosses a page, so reading past the terminator inside one is safe.
/// </summary>
public static unsafe partial class Str
{
    private static uint ZeroMask(Vector128<byte> v) => Vector128.Equals(v, Vector128<byte>.Zero).ExtractMostSignificantBits();

    /// <summary>strlen.</summary>
    public static nuint Length(byte* s)
    {
        if (!Vector128.IsHardwareAccelerated)
            return LengthWords(s);
#if VERIDIAN_X86_64
        if (CpuFeatures.Avx2)
            return LengthAvx2(s);
#endif
        var offset = (nuint)s & 15;
        var p = s - offset;
        var m = ZeroMask(Vector128.LoadAligned(p)) >> (int)offset;
        if (m != 0)
            return (nuint)BitOperations.TrailingZeroCount(m);
        p += 16;
        while (((nuint)p & 63) != 0)
        {
            m = ZeroMask(Vector128.LoadAligned(p));
            if (m != 0)
                return (nuint)(p - s) + (nuint)BitOperations.TrailingZeroCount(m);
            p += 16;
        }
        while (true)
        {
            var a = Vector128.LoadAligned(p);
            var b = Vector128.LoadAligned(p + 16);
            var c = Vector128.LoadAligned(p + 32);
            var d = Vector128.LoadAligned(p + 48);
            if (ZeroMask(Vector128.Min(Vector128.Min(a, b), Vector128.Min(c, d))) != 0)
            {
                var z = Vector128<byte>.Zero;
                return (nuint)(p - s) + FirstOf4(Vector128.Equals(a, z), Vector128.Equals(b, z), Vector128.Equals(c, z), Vector128.Equals(d, z));
            }
            p += 64;
        }
    }

    private static nuint LengthWords(byte* s)
    {
        var p = s;
        while (((nuint)p & 7) != 0)
        {
            if (*p == 0)
                return (nuint)(p - s);
            p++;
        }
        ulong z;
        while ((z = ZeroBytes(*(ulong*)p)) == 0)
            p += 8;
        return (nuint)(p - s) + ((nuint)BitOperations.TrailingZeroCount(z) >> 3);
    }

    /// <summary>strnlen: the length, at most <paramref name="max"/> (memchr for the terminator).</summary>
    public static nuint LengthBounded(byte* s, nuint max)
    {
        var end = Find(s, 0, max);
        return end == null ? max : (nuint)(end - s);
    }

    /// <summary>
    /// strchr: the first <paramref name="c"/> or null when the terminator comes first (for c == 0, the terminator).
    /// A lane is zero in min(v ^ c, v) exactly where v is c or the terminator.
    /// </summary>
    public static byte* FindInString(byte* s, byte c)
    {
        if (!Vector128.IsHardwareAccelerated)
            return FindInStringWords(s, c);
#if VERIDIAN_X86_64
        if (CpuFeatures.Avx2)
            return FindInStringAvx2(s, c);
#endif
        var needle = Vector128.Create(c);
        var offset = (nuint)s & 15;
        var p = s - offset;
        var v = Vector128.LoadAligned(p);
        var m = ZeroMask(Vector128.Min(v ^ needle, v)) >> (int)offset;
        if (m != 0)
            return Hit(s + BitOperations.TrailingZeroCount(m), c);
        p += 16;
        while (((nuint)p & 63) != 0)
        {
            v = Vector128.LoadAligned(p);
            m = ZeroMask(Vector128.Min(v ^ needle, v));
            if (m != 0)
                return Hit(p + BitOperations.TrailingZeroCount(m), c);
            p += 16;
        }
        while (true)
        {
            var a = Vector128.LoadAligned(p);
            var b = Vector128.LoadAligned(p + 16);
            var e = Vector128.LoadAligned(p + 32);
            var d = Vector128.LoadAligned(p + 48);
            var ta = Vector128.Min(a ^ needle, a);
            var tb = Vector128.Min(b ^ needle, b);
            var te = Vector128.Min(e ^ needle, e);
            var td = Vector128.Min(d ^ needle, d);
            if (ZeroMask(Vector128.Min(Vector128.Min(ta, tb), Vector128.Min(te, td))) != 0)
            {
                var z = Vector128<byte>.Zero;
                return Hit(p + FirstOf4(Vector128.Equals(ta, z), Vector128.Equals(tb, z), Vector128.Equals(te, z), Vector128.Equals(td, z)), c);
            }
            p += 64;
        }
    }

    private static byte* Hit(byte* p, byte c) => *p == c ? p : null;

    private static byte* FindInStringWords(byte* s, byte c)
    {
        var p = s;
        while (((nuint)p & 7) != 0)
        {
            if (*p == c)
                return p;
            if (*p == 0)
                return null;
            p++;
        }
        var pattern = c * Ones;
        while (true)
        {
            var w = *(ulong*)p;
            var z = ZeroBytes(w) | ZeroBytes(w ^ pattern);
            if (z != 0)
                return Hit(p + (BitOperations.TrailingZeroCount(z) >> 3), c);
            p += 8;
        }
    }

    /// <summary>strrchr: the string's end, then the last <paramref name="c"/> before it, searching backwards.</summary>
    public static byte* FindLastInString(byte* s, byte c)
    {
        var n = Length(s);
        if (c == 0)
            return s + n;
        var p = s + n;
        if (Vector128.IsHardwareAccelerated)
        {
            var needle = Vector128.Create(c);
            while ((nuint)(p - s) >= 64)
            {
                var e0 = Vector128.Equals(Vector128.Load(p - 64), needle);
                var e1 = Vector128.Equals(Vector128.Load(p - 48), needle);
                var e2 = Vector128.Equals(Vector128.Load(p - 32), needle);
                var e3 = Vector128.Equals(Vector128.Load(p - 16), needle);
                if ((e0 | e1 | e2 | e3).ExtractMostSignificantBits() != 0)
                {
                    ulong bits = e0.ExtractMostSignificantBits()
                        | (ulong)e1.ExtractMostSignificantBits() << 16
                        | (ulong)e2.ExtractMostSignificantBits() << 32
                        | (ulong)e3.ExtractMostSignificantBits() << 48;
                    return p - 1 - BitOperations.LeadingZeroCount(bits);
                }
                p -= 64;
            }
            while ((nuint)(p - s) >= 16)
            {
                var m = Vector128.Equals(Vector128.Load(p - 16), needle).ExtractMostSignificantBits();
                if (m != 0)
                    return p - 16 + (31 - BitOperations.LeadingZeroCount(m));
                p -= 16;
            }
        }
        else
        {
            var pattern = c * Ones;
            while ((nuint)(p - s) >= 8)
            {
                var w = *(ulong*)(p - 8) ^ pattern;
                // Exact for the highest zero byte only when no false positive sits above it: test the bytes instead.
                if (ZeroBytes(w) != 0)
                {
                    for (var q = p - 1; q >= p - 8; q--)
                    {
                        if (*q == c)
                            return q;
                    }
                }
                p -= 8;
            }
        }
        while (p > s)
        {
            p--;
            if (*p == c)
                return p;
        }
        return null;
    }

    /// <summary>
    /// strcmp (n = nuint.MaxValue) and strncmp: 16 bytes of each string at a time while neither load crosses a
    /// 4 KiB boundary (the smallest page), one byte at a time across one.
    /// </summary>
    public static int Compare(byte* a, byte* b, nuint n)
    {
        nuint i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            while (i < n)
            {
                var x = a + i;
                var y = b + i;
                if ((((nuint)x & 4095) <= 4096 - 16) && (((nuint)y & 4095) <= 4096 - 16))
                {
                    var vx = Vector128.Load(x);
                    var vy = Vector128.Load(y);
                    var stop = ~Vector128.Equals(vx, vy).ExtractMostSignificantBits() & 0xFFFF | ZeroMask(vx);
                    if (stop != 0)
                    {
                        var k = (nuint)BitOperations.TrailingZeroCount(stop);
                        return n - i <= k ? 0 : x[k] - y[k];
                    }
                    i += 16;
                    continue;
                }
                if (*x != *y)
                    return *x - *y;
                if (*x == 0)
                    return 0;
                i++;
            }
            return 0;
        }
        for (; i < n; i++)
        {
            if (a[i] != b[i])
                return a[i] - b[i];
            if (a[i] == 0)
                return 0;
        }
        return 0;
    }
}
