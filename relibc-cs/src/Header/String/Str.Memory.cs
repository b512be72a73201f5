using System.Numerics;
using System.Runtime.Intrinsics;
using Veridian.Intrinsics;

namespace Relibc.Header.String;

/// <summary>
/// The memory kernels behind memcpy, memmove, memset, memcmp and memchr. Where the target has a vector unit
/// (<see cref="Vector128.IsHardwareAccelerated"/>: SSE2, NEON) they move 16 bytes per operation and 64 per loop
/// iteration; elsewhere (riscv64gc) 8-byte words. Small sizes use two overlapping accesses instead of loops.
/// </summary>
public static unsafe partial class Str
{
    /// <summary>
    /// Copies <paramref name="count"/> bytes; the regions may overlap (memmove). Every small case loads all its bytes
    /// before it stores any; the large loops load a block before storing it, walking away from the overlap, and keep
    /// the head and tail they store last in registers from the start.
    /// </summary>
    public static void Copy(byte* d, byte* s, nuint count)
    {
        if (count <= 16)
            CopySmall(d, s, count);
        else if (count <= 64 && Vector128.IsHardwareAccelerated)
            CopyMedium(d, s, count);
        else
            CopyLarge(d, s, count);
    }

    /// <summary>17 to 64 bytes with a vector unit: two or four overlapping 16-byte loads, then the stores (inlined into memcpy).</summary>
    internal static void CopyMedium(byte* d, byte* s, nuint count)
    {
        if (count <= 32)
        {
            var a = Vector128.Load(s);
            var b = Vector128.Load(s + count - 16);
            a.Store(d);
            b.Store(d + count - 16);
            return;
        }
        var a2 = Vector128.Load(s);
        var b2 = Vector128.Load(s + 16);
        var c2 = Vector128.Load(s + count - 32);
        var e2 = Vector128.Load(s + count - 16);
        a2.Store(d);
        b2.Store(d + 16);
        c2.Store(d + count - 32);
        e2.Store(d + count - 16);
    }

    /// <summary>Above 16 bytes without a vector unit, above 64 with one; returns <paramref name="d"/>, so memcpy can end in a tail call.</summary>
    internal static byte* CopyLarge(byte* d, byte* s, nuint count)
    {
        CopyLargeBody(d, s, count);
        return d;
    }

    private static void CopyLargeBody(byte* d, byte* s, nuint count)
    {
        if (!Vector128.IsHardwareAccelerated)
        {
            CopyWords(d, s, count);
            return;
        }
#if VERIDIAN_X86_64
        if (CpuFeatures.Avx2 && (count < RepThreshold || (nuint)(d - s) < count || (nuint)(s - d) < count))
        {
            CopyAvx2(d, s, count);
            return;
        }
#endif
        if (count <= 128)
        {
            var a = Vector128.Load(s);
            var b = Vector128.Load(s + 16);
            var c = Vector128.Load(s + 32);
            var e = Vector128.Load(s + 48);
            var f = Vector128.Load(s + count - 64);
            var g = Vector128.Load(s + count - 48);
            var h = Vector128.Load(s + count - 32);
            var k = Vector128.Load(s + count - 16);
            a.Store(d);
            b.Store(d + 16);
            c.Store(d + 32);
            e.Store(d + 48);
            f.Store(d + count - 64);
            g.Store(d + count - 48);
            h.Store(d + count - 32);
            k.Store(d + count - 16);
            return;
        }
#if VERIDIAN_X86_64
        if (count >= RepThreshold && (nuint)(d - s) >= count && (nuint)(s - d) >= count)
        {
            RepMovsb(d, s, count);
            return;
        }
#endif
        if ((nuint)(d - s) >= count)
            CopyForward(d, s, count);
        else
            CopyBackward(d, s, count);
    }

#if VERIDIAN_X86_64
    /// <summary>
    /// From 2 KiB on, x86_64's string instructions (ERMS, "enhanced rep movsb/stosb") beat the 16-byte loops by 20-45%
    /// (measured on the CI machine's EPYC, bench/README.md); below that their start-up costs more. Only for copies
    /// whose regions do not overlap.
    /// </summary>
    private const nuint RepThreshold = 2048;

    // The template keeps rdi, rsi and rcx as it found them (LLVM takes inputs as unchanged by the asm).
    private static void RepMovsb(byte* d, byte* s, nuint count) =>
        Cpu.Asm("movq %rdi, %r8\n\tmovq %rsi, %r9\n\tmovq %rcx, %r10\n\trep movsb\n\tmovq %r8, %rdi\n\tmovq %r9, %rsi\n\tmovq %r10, %rcx",
            "{rdi},{rsi},{rcx},~{r8},~{r9},~{r10},~{memory}", (nuint)d, (nuint)s, count);

    private static void RepStosb(byte* d, byte value, nuint count) =>
        Cpu.Asm("movq %rdi, %r8\n\tmovq %rcx, %r10\n\trep stosb\n\tmovq %r8, %rdi\n\tmovq %r10, %rcx",
            "{rdi},{rcx},{rax},~{r8},~{r10},~{memory}", (nuint)d, count, value);
#endif

    /// <summary>More than 128 bytes where the destination does not start inside the source: aligned stores, ascending.</summary>
    private static void CopyForward(byte* d, byte* s, nuint count)
    {
        var head = Vector128.Load(s);
        var t0 = Vector128.Load(s + count - 64);
        var t1 = Vector128.Load(s + count - 48);
        var t2 = Vector128.Load(s + count - 32);
        var t3 = Vector128.Load(s + count - 16);
        var skew = 16 - ((nuint)d & 15);
        var dd = d + skew;
        var ss = s + skew;
        var left = count - skew;
        while (left > 64)
        {
            var a = Vector128.Load(ss);
            var b = Vector128.Load(ss + 16);
            var c = Vector128.Load(ss + 32);
            var e = Vector128.Load(ss + 48);
            a.StoreAligned(dd);
            b.StoreAligned(dd + 16);
            c.StoreAligned(dd + 32);
            e.StoreAligned(dd + 48);
            dd += 64;
            ss += 64;
            left -= 64;
        }
        head.Store(d);
        t0.Store(d + count - 64);
        t1.Store(d + count - 48);
        t2.Store(d + count - 32);
        t3.Store(d + count - 16);
    }

    /// <summary>More than 128 bytes where the destination starts inside the source: aligned stores, descending.</summary>
    private static void CopyBackward(byte* d, byte* s, nuint count)
    {
        var h0 = Vector128.Load(s);
        var h1 = Vector128.Load(s + 16);
        var h2 = Vector128.Load(s + 32);
        var h3 = Vector128.Load(s + 48);
        var tail = Vector128.Load(s + count - 16);
        var skew = (nuint)(d + count) & 15;
        var left = count - skew;
        var dd = d + left;
        var ss = s + left;
        while (left > 64)
        {
            var a = Vector128.Load(ss - 16);
            var b = Vector128.Load(ss - 32);
            var c = Vector128.Load(ss - 48);
            var e = Vector128.Load(ss - 64);
            a.StoreAligned(dd - 16);
            b.StoreAligned(dd - 32);
            c.StoreAligned(dd - 48);
            e.StoreAligned(dd - 64);
            dd -= 64;
            ss -= 64;
            left -= 64;
        }
        tail.Store(d + count - 16);
        h0.Store(d);
        h1.Store(d + 16);
        h2.Store(d + 32);
        h3.Store(d + 48);
    }

    /// <summary>0 to 16 bytes: two overlapping loads of the widest size that fits, then two stores.</summary>
    internal static void CopySmall(byte* d, byte* s, nuint count)
    {
        if (count >= 8)
        {
            var a = *(ulong*)s;
            var b = *(ulong*)(s + count - 8);
            *(ulong*)d = a;
            *(ulong*)(d + count - 8) = b;
        }
        else if (count >= 4)
        {
            var a = *(uint*)s;
            var b = *(uint*)(s + count - 4);
            *(uint*)d = a;
            *(uint*)(d + count - 4) = b;
        }
        else if (count >= 2)
        {
            var a = *(ushort*)s;
            var b = *(ushort*)(s + count - 2);
            *(ushort*)d = a;
            *(ushort*)(d + count - 2) = b;
        }
        else if (count == 1)
        {
            *d = *s;
        }
    }

    /// <summary>Without a vector unit: 32 bytes per iteration in words, ascending or descending as the overlap needs.</summary>
    private static void CopyWords(byte* d, byte* s, nuint count)
    {
        if ((nuint)(d - s) >= count)
        {
            while (count >= 32)
            {
                var a = *(ulong*)s;
                var b = *(ulong*)(s + 8);
                var c = *(ulong*)(s + 16);
                var e = *(ulong*)(s + 24);
                *(ulong*)d = a;
                *(ulong*)(d + 8) = b;
                *(ulong*)(d + 16) = c;
                *(ulong*)(d + 24) = e;
                d += 32;
                s += 32;
                count -= 32;
            }
            while (count >= 8)
            {
                *(ulong*)d = *(ulong*)s;
                d += 8;
                s += 8;
                count -= 8;
            }
            while (count > 0)
            {
                *d++ = *s++;
                count--;
            }
            return;
        }
        while (count >= 8)
        {
            count -= 8;
            *(ulong*)(d + count) = *(ulong*)(s + count);
        }
        while (count > 0)
        {
            count--;
            d[count] = s[count];
        }
    }

    /// <summary>Sets <paramref name="count"/> bytes to <paramref name="value"/> (memset).</summary>
    public static void Fill(byte* d, byte value, nuint count)
    {
        if (count <= 64 && Vector128.IsHardwareAccelerated)
            FillSmall(d, value, count);
        else
            FillLarge(d, value, count);
    }

    /// <summary>Up to 64 bytes with a vector unit: a few overlapping stores, small enough to inline into memset.</summary>
    internal static void FillSmall(byte* d, byte value, nuint count)
    {
        if (count < 16)
        {
            var word = value * 0x0101010101010101UL;
            if (count >= 8)
            {
                *(ulong*)d = word;
                *(ulong*)(d + count - 8) = word;
            }
            else if (count >= 4)
            {
                *(uint*)d = (uint)word;
                *(uint*)(d + count - 4) = (uint)word;
            }
            else if (count > 0)
            {
                d[0] = value;
                d[count - 1] = value;
                d[count / 2] = value;
            }
            return;
        }
        var v = Vector128.Create(value);
        v.Store(d);
        v.Store(d + count - 16);
        if (count <= 32)
            return;
        v.Store(d + 16);
        v.Store(d + count - 32);
    }

    /// <summary>Above 64 bytes (or any size without a vector unit); returns <paramref name="d"/> for memset's tail call.</summary>
    internal static byte* FillLarge(byte* d, byte value, nuint count)
    {
#if VERIDIAN_X86_64
        // A tail call from memset straight into the AVX2 kernel (it returns d).
        if (Vector128.IsHardwareAccelerated && count < RepThreshold && CpuFeatures.Avx2)
            return FillAvx2(d, value, count);
#endif
        FillLargeBody(d, value, count);
        return d;
    }

    private static void FillLargeBody(byte* d, byte value, nuint count)
    {
        var word = value * 0x0101010101010101UL;
        if (!Vector128.IsHardwareAccelerated)
        {
            if (count < 16)
            {
                if (count >= 8)
                {
                    *(ulong*)d = word;
                    *(ulong*)(d + count - 8) = word;
                }
                else if (count >= 4)
                {
                    *(uint*)d = (uint)word;
                    *(uint*)(d + count - 4) = (uint)word;
                }
                else if (count > 0)
                {
                    d[0] = value;
                    d[count - 1] = value;
                    d[count / 2] = value;
                }
                return;
            }
            *(ulong*)(d + count - 8) = word;
            *(ulong*)(d + count - 16) = word;
            while (count >= 32)
            {
                *(ulong*)d = word;
                *(ulong*)(d + 8) = word;
                *(ulong*)(d + 16) = word;
                *(ulong*)(d + 24) = word;
                d += 32;
                count -= 32;
            }
            while (count >= 8)
            {
                *(ulong*)d = word;
                d += 8;
                count -= 8;
            }
            return;
        }
#if VERIDIAN_X86_64
        if (count >= RepThreshold)
        {
            RepStosb(d, value, count);
            return;
        }
#endif
        var v = Vector128.Create(value);
        v.Store(d);
        v.Store(d + 16);
        v.Store(d + count - 32);
        v.Store(d + count - 16);
        var end = d + count - 32;
        var p = (byte*)(((nuint)d + 32) & ~(nuint)15);
        while (p + 64 <= end)
        {
            v.StoreAligned(p);
            v.StoreAligned(p + 16);
            v.StoreAligned(p + 32);
            v.StoreAligned(p + 48);
            p += 64;
        }
        while (p < end)
        {
            v.StoreAligned(p);
            p += 16;
        }
    }

    /// <summary>memcmp: the difference of the first differing bytes as unsigned char, or 0.</summary>
    public static int CompareMemory(byte* a, byte* b, nuint count)
    {
        if (count < 16)
            return CompareSmall(a, b, count);
#if VERIDIAN_X86_64
        if (CpuFeatures.Avx2)
            return CompareMemoryAvx2(a, b, count);
#endif
        return count <= 64 && Vector128.IsHardwareAccelerated ? CompareMedium(a, b, count) : CompareLarge(a, b, count);
    }

    private static uint EqualMask(byte* a, byte* b, nuint i) => Vector128.Equals(Vector128.Load(a + i), Vector128.Load(b + i)).ExtractMostSignificantBits();

    /// <summary>16 to 64 bytes with a vector unit: up to four 16-byte blocks in ascending order, the last ones overlapping.</summary>
    internal static int CompareMedium(byte* a, byte* b, nuint count)
    {
        var m = EqualMask(a, b, 0);
        if (m != 0xFFFF)
            return Differ(a, b, (nuint)BitOperations.TrailingZeroCount(~m));
        if (count > 32)
        {
            m = EqualMask(a, b, 16);
            if (m != 0xFFFF)
                return Differ(a, b, 16 + (nuint)BitOperations.TrailingZeroCount(~m));
            m = EqualMask(a, b, count - 32);
            if (m != 0xFFFF)
                return Differ(a, b, count - 32 + (nuint)BitOperations.TrailingZeroCount(~m));
        }
        m = EqualMask(a, b, count - 16);
        return m == 0xFFFF ? 0 : Differ(a, b, count - 16 + (nuint)BitOperations.TrailingZeroCount(~m));
    }

    internal static int CompareSmall(byte* a, byte* b, nuint count)
    {
        if (count >= 8)
        {
            var x = *(ulong*)a ^ *(ulong*)b;
            if (x != 0)
                return Differ(a, b, (nuint)BitOperations.TrailingZeroCount(x) >> 3);
            var y = *(ulong*)(a + count - 8) ^ *(ulong*)(b + count - 8);
            return y == 0 ? 0 : Differ(a, b, count - 8 + ((nuint)BitOperations.TrailingZeroCount(y) >> 3));
        }
        if (count >= 4)
        {
            var x = *(uint*)a ^ *(uint*)b;
            if (x != 0)
                return Differ(a, b, (nuint)BitOperations.TrailingZeroCount(x) >> 3);
            var y = *(uint*)(a + count - 4) ^ *(uint*)(b + count - 4);
            return y == 0 ? 0 : Differ(a, b, count - 4 + ((nuint)BitOperations.TrailingZeroCount(y) >> 3));
        }
        for (nuint j = 0; j < count; j++)
        {
            if (a[j] != b[j])
                return a[j] - b[j];
        }
        return 0;
    }

    internal static int CompareLarge(byte* a, byte* b, nuint count)
    {
        nuint i = 0;
        if (!Vector128.IsHardwareAccelerated)
        {
            while (i + 8 <= count)
            {
                var x = *(ulong*)(a + i) ^ *(ulong*)(b + i);
                if (x != 0)
                    return Differ(a, b, i + ((nuint)BitOperations.TrailingZeroCount(x) >> 3));
                i += 8;
            }
            var t = *(ulong*)(a + count - 8) ^ *(ulong*)(b + count - 8);
            return t == 0 ? 0 : Differ(a, b, count - 8 + ((nuint)BitOperations.TrailingZeroCount(t) >> 3));
        }
        while (i + 64 <= count)
        {
            var e0 = Vector128.Equals(Vector128.Load(a + i), Vector128.Load(b + i));
            var e1 = Vector128.Equals(Vector128.Load(a + i + 16), Vector128.Load(b + i + 16));
            var e2 = Vector128.Equals(Vector128.Load(a + i + 32), Vector128.Load(b + i + 32));
            var e3 = Vector128.Equals(Vector128.Load(a + i + 48), Vector128.Load(b + i + 48));
            if ((e0 & e1 & e2 & e3).ExtractMostSignificantBits() != 0xFFFF)
                break;
            i += 64;
        }
        while (i + 16 <= count)
        {
            var m = Vector128.Equals(Vector128.Load(a + i), Vector128.Load(b + i)).ExtractMostSignificantBits();
            if (m != 0xFFFF)
                return Differ(a, b, i + (nuint)BitOperations.TrailingZeroCount(~m));
            i += 16;
        }
        if (i == count)
            return 0;
        i = count - 16;
        var last = Vector128.Equals(Vector128.Load(a + i), Vector128.Load(b + i)).ExtractMostSignificantBits();
        return last == 0xFFFF ? 0 : Differ(a, b, i + (nuint)BitOperations.TrailingZeroCount(~last));
    }

    private static int Differ(byte* a, byte* b, nuint i) => a[i] - b[i];

    /// <summary>
    /// The first <paramref name="value"/> in <paramref name="count"/> bytes, or null (memchr's and strnlen's body).
    /// Reads whole aligned blocks, which never cross a page, so it may look at bytes before the start and after the
    /// end, and never reads a block past the one holding the first match.
    /// </summary>
    public static byte* Find(byte* s, byte value, nuint count)
    {
        if (count == 0)
            return null;
        if (!Vector128.IsHardwareAccelerated)
            return FindWords(s, value, count);
#if VERIDIAN_X86_64
        if (CpuFeatures.Avx2)
            return FindAvx2(s, value, count);
#endif
        var needle = Vector128.Create(value);
        var offset = (nuint)s & 15;
        var p = s - offset;
        var m = Vector128.Equals(Vector128.LoadAligned(p), needle).ExtractMostSignificantBits() >> (int)offset;
        if (m != 0)
        {
            var i = (nuint)BitOperations.TrailingZeroCount(m);
            return i < count ? s + i : null;
        }
        if (count <= 16 - offset)
            return null;
        var left = count - (16 - offset);
        p += 16;
        // Single blocks up to a 64-byte boundary first: strnlen's bound may exceed the string's memory, so four
        // blocks are read together only where they share one page.
        while (((nuint)p & 63) != 0)
        {
            m = Vector128.Equals(Vector128.LoadAligned(p), needle).ExtractMostSignificantBits();
            if (m != 0)
            {
                var i = (nuint)BitOperations.TrailingZeroCount(m);
                return i < left ? p + i : null;
            }
            if (left <= 16)
                return null;
            p += 16;
            left -= 16;
        }
        while (left >= 64)
        {
            var e0 = Vector128.Equals(Vector128.LoadAligned(p), needle);
            var e1 = Vector128.Equals(Vector128.LoadAligned(p + 16), needle);
            var e2 = Vector128.Equals(Vector128.LoadAligned(p + 32), needle);
            var e3 = Vector128.Equals(Vector128.LoadAligned(p + 48), needle);
            if ((e0 | e1 | e2 | e3).ExtractMostSignificantBits() != 0)
                return p + FirstOf4(e0, e1, e2, e3);
            p += 64;
            left -= 64;
        }
        while (left > 0)
        {
            m = Vector128.Equals(Vector128.LoadAligned(p), needle).ExtractMostSignificantBits();
            if (m != 0)
            {
                var i = (nuint)BitOperations.TrailingZeroCount(m);
                return i < left ? p + i : null;
            }
            if (left <= 16)
                return null;
            p += 16;
            left -= 16;
        }
        return null;
    }

    /// <summary>The index of the first lane set in four consecutive 16-lane masks (one of them has one).</summary>
    private static nuint FirstOf4(Vector128<byte> e0, Vector128<byte> e1, Vector128<byte> e2, Vector128<byte> e3)
    {
        ulong bits = e0.ExtractMostSignificantBits()
            | (ulong)e1.ExtractMostSignificantBits() << 16
            | (ulong)e2.ExtractMostSignificantBits() << 32
            | (ulong)e3.ExtractMostSignificantBits() << 48;
        return (nuint)BitOperations.TrailingZeroCount(bits);
    }

    private const ulong Ones = 0x0101010101010101, Highs = 0x8080808080808080;

    /// <summary>The top bit of each byte of <paramref name="w"/> that is zero; the lowest set bit is exact (the ones above it may be false).</summary>
    private static ulong ZeroBytes(ulong w) => (w - Ones) & ~w & Highs;

    private static byte* FindWords(byte* s, byte value, nuint count)
    {
        var p = s;
        var end = s + count;
        while (((nuint)p & 7) != 0)
        {
            if (p == end)
                return null;
            if (*p == value)
                return p;
            p++;
        }
        var pattern = value * Ones;
        while ((nuint)(end - p) >= 8)
        {
            var z = ZeroBytes(*(ulong*)p ^ pattern);
            if (z != 0)
                return p + (BitOperations.TrailingZeroCount(z) >> 3);
            p += 8;
        }
        for (; p < end; p++)
        {
            if (*p == value)
                return p;
        }
        return null;
    }
}
