#if VERIDIAN_X86_64
using System.Numerics;
using System.Runtime.Intrinsics;
using Veridian.Intrinsics;

namespace Relibc.Header.String;

/// <summary>
/// The x86_64 AVX2 kernels of strlen, strchr, memchr/strnlen, memcmp, memcpy/memmove and memset, chosen at run time when
/// <see cref="CpuFeatures.Avx2"/> is set (the x86_64 baseline has SSE2 only; glibc chooses the same way through
/// ifuncs). The same algorithms as the 16-byte kernels on 32-byte blocks, 128 bytes per loop iteration from a
/// 128-byte boundary, so no read leaves the page the data reaches.
/// </summary>
public static unsafe partial class Str
{
    private static uint ZeroMask32(Vector256<byte> v) => Vector256.Equals(v, Vector256<byte>.Zero).ExtractMostSignificantBits();

    /// <summary>The index of the first lane set in four consecutive 32-lane masks (one of them has one).</summary>
    private static nuint FirstOf4x32(Vector256<byte> e0, Vector256<byte> e1, Vector256<byte> e2, Vector256<byte> e3)
    {
        var low = e0.ExtractMostSignificantBits() | (ulong)e1.ExtractMostSignificantBits() << 32;
        if (low != 0)
            return (nuint)BitOperations.TrailingZeroCount(low);
        var high = e2.ExtractMostSignificantBits() | (ulong)e3.ExtractMostSignificantBits() << 32;
        return 64 + (nuint)BitOperations.TrailingZeroCount(high);
    }

    [TargetFeatures("+avx,+avx2")]
    private static nuint LengthAvx2(byte* s)
    {
        var offset = (nuint)s & 31;
        var p = s - offset;
        var m = ZeroMask32(Vector256.LoadAligned(p)) >> (int)offset;
        if (m != 0)
            return (nuint)BitOperations.TrailingZeroCount(m);
        p += 32;
        while (((nuint)p & 127) != 0)
        {
            m = ZeroMask32(Vector256.LoadAligned(p));
            if (m != 0)
                return (nuint)(p - s) + (nuint)BitOperations.TrailingZeroCount(m);
            p += 32;
        }
        while (true)
        {
            var a = Vector256.LoadAligned(p);
            var b = Vector256.LoadAligned(p + 32);
            var c = Vector256.LoadAligned(p + 64);
            var d = Vector256.LoadAligned(p + 96);
            if (ZeroMask32(Vector256.Min(Vector256.Min(a, b), Vector256.Min(c, d))) != 0)
            {
                var z = Vector256<byte>.Zero;
                return (nuint)(p - s) + FirstOf4x32(Vector256.Equals(a, z), Vector256.Equals(b, z), Vector256.Equals(c, z), Vector256.Equals(d, z));
            }
            p += 128;
        }
    }

    [TargetFeatures("+avx,+avx2")]
    private static byte* FindInStringAvx2(byte* s, byte c)
    {
        var needle = Vector256.Create(c);
        var offset = (nuint)s & 31;
        var p = s - offset;
        var v = Vector256.LoadAligned(p);
        var m = ZeroMask32(Vector256.Min(v ^ needle, v)) >> (int)offset;
        if (m != 0)
            return Hit(s + BitOperations.TrailingZeroCount(m), c);
        p += 32;
        while (((nuint)p & 127) != 0)
        {
            v = Vector256.LoadAligned(p);
            m = ZeroMask32(Vector256.Min(v ^ needle, v));
            if (m != 0)
                return Hit(p + BitOperations.TrailingZeroCount(m), c);
            p += 32;
        }
        while (true)
        {
            var a = Vector256.LoadAligned(p);
            var b = Vector256.LoadAligned(p + 32);
            var e = Vector256.LoadAligned(p + 64);
            var d = Vector256.LoadAligned(p + 96);
            var ta = Vector256.Min(a ^ needle, a);
            var tb = Vector256.Min(b ^ needle, b);
            var te = Vector256.Min(e ^ needle, e);
            var td = Vector256.Min(d ^ needle, d);
            if (ZeroMask32(Vector256.Min(Vector256.Min(ta, tb), Vector256.Min(te, td))) != 0)
            {
                var z = Vector256<byte>.Zero;
                return Hit(p + FirstOf4x32(Vector256.Equals(ta, z), Vector256.Equals(tb, z), Vector256.Equals(te, z), Vector256.Equals(td, z)), c);
            }
            p += 128;
        }
    }

    /// <summary>memchr and strnlen (count &gt; 0): whole aligned 32-byte blocks, four at a time from a 128-byte boundary.</summary>
    [TargetFeatures("+avx,+avx2")]
    private static byte* FindAvx2(byte* s, byte value, nuint count)
    {
        var needle = Vector256.Create(value);
        var offset = (nuint)s & 31;
        var p = s - offset;
        var m = Vector256.Equals(Vector256.LoadAligned(p), needle).ExtractMostSignificantBits() >> (int)offset;
        if (m != 0)
        {
            var i = (nuint)BitOperations.TrailingZeroCount(m);
            return i < count ? s + i : null;
        }
        if (count <= 32 - offset)
            return null;
        var left = count - (32 - offset);
        p += 32;
        while (((nuint)p & 127) != 0 || left < 128)
        {
            m = Vector256.Equals(Vector256.LoadAligned(p), needle).ExtractMostSignificantBits();
            if (m != 0)
            {
                var i = (nuint)BitOperations.TrailingZeroCount(m);
                return i < left ? p + i : null;
            }
            if (left <= 32)
                return null;
            p += 32;
            left -= 32;
        }
        while (left >= 128)
        {
            var e0 = Vector256.Equals(Vector256.LoadAligned(p), needle);
            var e1 = Vector256.Equals(Vector256.LoadAligned(p + 32), needle);
            var e2 = Vector256.Equals(Vector256.LoadAligned(p + 64), needle);
            var e3 = Vector256.Equals(Vector256.LoadAligned(p + 96), needle);
            if ((e0 | e1 | e2 | e3).ExtractMostSignificantBits() != 0)
                return p + FirstOf4x32(e0, e1, e2, e3);
            p += 128;
            left -= 128;
        }
        while (left > 0)
        {
            m = Vector256.Equals(Vector256.LoadAligned(p), needle).ExtractMostSignificantBits();
            if (m != 0)
            {
                var i = (nuint)BitOperations.TrailingZeroCount(m);
                return i < left ? p + i : null;
            }
            if (left <= 32)
                return null;
            p += 32;
            left -= 32;
        }
        return null;
    }

    /// <summary>memcmp for 16 bytes or more: two overlapping blocks up to 64 bytes, else 128 bytes per iteration, then 32, then the last 32.</summary>
    [TargetFeatures("+avx,+avx2")]
    private static int CompareMemoryAvx2(byte* a, byte* b, nuint count)
    {
        if (count < 32)
        {
            var m16 = EqualMask(a, b, 0);
            if (m16 != 0xFFFF)
                return Differ(a, b, (nuint)BitOperations.TrailingZeroCount(~m16));
            m16 = EqualMask(a, b, count - 16);
            return m16 == 0xFFFF ? 0 : Differ(a, b, count - 16 + (nuint)BitOperations.TrailingZeroCount(~m16));
        }
        if (count <= 64)
        {
            var m32 = Vector256.Equals(Vector256.Load(a), Vector256.Load(b)).ExtractMostSignificantBits();
            if (m32 != 0xFFFFFFFF)
                return Differ(a, b, (nuint)BitOperations.TrailingZeroCount(~m32));
            m32 = Vector256.Equals(Vector256.Load(a + count - 32), Vector256.Load(b + count - 32)).ExtractMostSignificantBits();
            return m32 == 0xFFFFFFFF ? 0 : Differ(a, b, count - 32 + (nuint)BitOperations.TrailingZeroCount(~m32));
        }
        nuint i = 0;
        while (i + 128 <= count)
        {
            var e0 = Vector256.Equals(Vector256.Load(a + i), Vector256.Load(b + i));
            var e1 = Vector256.Equals(Vector256.Load(a + i + 32), Vector256.Load(b + i + 32));
            var e2 = Vector256.Equals(Vector256.Load(a + i + 64), Vector256.Load(b + i + 64));
            var e3 = Vector256.Equals(Vector256.Load(a + i + 96), Vector256.Load(b + i + 96));
            if ((e0 & e1 & e2 & e3).ExtractMostSignificantBits() != 0xFFFFFFFF)
                break;
            i += 128;
        }
        while (i + 32 <= count)
        {
            var m = Vector256.Equals(Vector256.Load(a + i), Vector256.Load(b + i)).ExtractMostSignificantBits();
            if (m != 0xFFFFFFFF)
                return Differ(a, b, i + (nuint)BitOperations.TrailingZeroCount(~m));
            i += 32;
        }
        if (i == count)
            return 0;
        i = count - 32;
        var last = Vector256.Equals(Vector256.Load(a + i), Vector256.Load(b + i)).ExtractMostSignificantBits();
        return last == 0xFFFFFFFF ? 0 : Differ(a, b, i + (nuint)BitOperations.TrailingZeroCount(~last));
    }
    /// <summary>memcpy and memmove above 64 bytes, except non-overlapping copies from 2 KiB on (rep movsb): Copy's plan on 32-byte blocks.</summary>
    [TargetFeatures("+avx,+avx2")]
    private static void CopyAvx2(byte* d, byte* s, nuint count)
    {
        if (count <= 128)
        {
            var a = Vector256.Load(s);
            var b = Vector256.Load(s + 32);
            var c = Vector256.Load(s + count - 64);
            var e = Vector256.Load(s + count - 32);
            a.Store(d);
            b.Store(d + 32);
            c.Store(d + count - 64);
            e.Store(d + count - 32);
            return;
        }
        if ((nuint)(d - s) >= count)
        {
            var head = Vector256.Load(s);
            var t0 = Vector256.Load(s + count - 128);
            var t1 = Vector256.Load(s + count - 96);
            var t2 = Vector256.Load(s + count - 64);
            var t3 = Vector256.Load(s + count - 32);
            var skew = 32 - ((nuint)d & 31);
            var dd = d + skew;
            var ss = s + skew;
            var left = count - skew;
            while (left > 128)
            {
                var a = Vector256.Load(ss);
                var b = Vector256.Load(ss + 32);
                var c = Vector256.Load(ss + 64);
                var e = Vector256.Load(ss + 96);
                a.StoreAligned(dd);
                b.StoreAligned(dd + 32);
                c.StoreAligned(dd + 64);
                e.StoreAligned(dd + 96);
                dd += 128;
                ss += 128;
                left -= 128;
            }
            head.Store(d);
            t0.Store(d + count - 128);
            t1.Store(d + count - 96);
            t2.Store(d + count - 64);
            t3.Store(d + count - 32);
            return;
        }
        var h0 = Vector256.Load(s);
        var h1 = Vector256.Load(s + 32);
        var h2 = Vector256.Load(s + 64);
        var h3 = Vector256.Load(s + 96);
        var tail = Vector256.Load(s + count - 32);
        var back = (nuint)(d + count) & 31;
        var rest = count - back;
        var dp = d + rest;
        var sp = s + rest;
        while (rest > 128)
        {
            var a = Vector256.Load(sp - 32);
            var b = Vector256.Load(sp - 64);
            var c = Vector256.Load(sp - 96);
            var e = Vector256.Load(sp - 128);
            a.StoreAligned(dp - 32);
            b.StoreAligned(dp - 64);
            c.StoreAligned(dp - 96);
            e.StoreAligned(dp - 128);
            dp -= 128;
            sp -= 128;
            rest -= 128;
        }
        tail.Store(d + count - 32);
        h0.Store(d);
        h1.Store(d + 32);
        h2.Store(d + 64);
        h3.Store(d + 96);
    }

    /// <summary>
    /// memset above 64 bytes and below 2 KiB (rep stosb): unaligned 32-byte stores, 128 bytes per iteration, then the last
    /// 128 bytes from the end (measured: aligning the destination first costs more than it saves at these sizes).
    /// </summary>
    [TargetFeatures("+avx,+avx2")]
    private static byte* FillAvx2(byte* d, byte value, nuint count)
    {
        var v = Vector256.Create(value);
        if (count <= 128)
        {
            v.Store(d);
            v.Store(d + 32);
            v.Store(d + count - 64);
            v.Store(d + count - 32);
            return d;
        }
        var end = d + count - 128;
        if (count <= 512)
        {
            // Straight-line stores from both ends: no loop to predict at the sizes programs set most.
            v.Store(d);
            v.Store(d + 32);
            v.Store(d + 64);
            v.Store(d + 96);
            if (count > 256)
            {
                v.Store(d + 128);
                v.Store(d + 160);
                v.Store(d + 192);
                v.Store(d + 224);
                v.Store(end - 128);
                v.Store(end - 96);
                v.Store(end - 64);
                v.Store(end - 32);
            }
            v.Store(end);
            v.Store(end + 32);
            v.Store(end + 64);
            v.Store(end + 96);
            return d;
        }
        for (var p = d; p < end; p += 128)
        {
            v.Store(p);
            v.Store(p + 32);
            v.Store(p + 64);
            v.Store(p + 96);
        }
        v.Store(end);
        v.Store(end + 32);
        v.Store(end + 64);
        v.Store(end + 96);
        return d;
    }
}
#endif
