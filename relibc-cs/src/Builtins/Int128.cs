using System.Numerics;
using System.Runtime.InteropServices;

namespace Relibc.Builtins;

/// <summary>
/// A 128-bit integer as the C ABI passes and returns one on all three architectures: two 64-bit halves, low first, in
/// consecutive registers (x86_64 rdi:rsi … and rax:rdx; aarch64 x0:x1 …; riscv64 a0:a1 …) — which is how the ABI
/// passes four <c>ulong</c> arguments and returns this 16-byte struct of two integers.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct UInt128Parts
{
    public ulong Lo, Hi;

    public UInt128Parts(ulong lo, ulong hi)
    {
        Lo = lo;
        Hi = hi;
    }
}

/// <summary>
/// The compiler's 128-bit integer helpers (docs/relibc.md, "Compiler builtins"): what clang calls for <c>__int128</c>
/// division, remainder and conversions to and from floating point on 64-bit targets, with compiler-rt's (and libgcc's)
/// names and meaning. The sysroot has no compiler-rt, so relibc-cs carries them, as Redox's relibc links
/// compiler_builtins. Division by zero is undefined in C: it divides 64 bits by zero, the architecture's behaviour.
/// </summary>
internal static unsafe class Int128
{
    /// <summary>__udivti3: a / b, unsigned.</summary>
    [UnmanagedCallersOnly(EntryPoint = "__udivti3")]
    public static UInt128Parts UDiv(ulong aLo, ulong aHi, ulong bLo, ulong bHi)
    {
        DivMod(aLo, aHi, bLo, bHi, out var q, out _);
        return q;
    }

    /// <summary>__umodti3: a % b, unsigned.</summary>
    [UnmanagedCallersOnly(EntryPoint = "__umodti3")]
    public static UInt128Parts UMod(ulong aLo, ulong aHi, ulong bLo, ulong bHi)
    {
        DivMod(aLo, aHi, bLo, bHi, out _, out var r);
        return r;
    }

    /// <summary>__udivmodti4: a / b, and a % b through <paramref name="remainder"/> when it is not null.</summary>
    [UnmanagedCallersOnly(EntryPoint = "__udivmodti4")]
    public static UInt128Parts UDivMod(ulong aLo, ulong aHi, ulong bLo, ulong bHi, UInt128Parts* remainder)
    {
        DivMod(aLo, aHi, bLo, bHi, out var q, out var r);
        if (remainder != null)
            *remainder = r;
        return q;
    }

    /// <summary>__divti3: a / b, signed, truncated toward zero (C17 6.5.5).</summary>
    [UnmanagedCallersOnly(EntryPoint = "__divti3")]
    public static UInt128Parts Div(ulong aLo, ulong aHi, ulong bLo, ulong bHi)
    {
        var negative = ((aHi ^ bHi) >> 63) != 0;
        Abs(ref aLo, ref aHi);
        Abs(ref bLo, ref bHi);
        DivMod(aLo, aHi, bLo, bHi, out var q, out _);
        if (negative)
            Negate(ref q.Lo, ref q.Hi);
        return q;
    }

    /// <summary>__modti3: a % b, signed: the sign of a (C17 6.5.5: (a/b)*b + a%b == a).</summary>
    [UnmanagedCallersOnly(EntryPoint = "__modti3")]
    public static UInt128Parts Mod(ulong aLo, ulong aHi, ulong bLo, ulong bHi)
    {
        var negative = (aHi >> 63) != 0;
        Abs(ref aLo, ref aHi);
        Abs(ref bLo, ref bHi);
        DivMod(aLo, aHi, bLo, bHi, out _, out var r);
        if (negative)
            Negate(ref r.Lo, ref r.Hi);
        return r;
    }

    /// <summary>__floatuntidf: the unsigned value as a double, correctly rounded (to nearest, ties to even).</summary>
    [UnmanagedCallersOnly(EntryPoint = "__floatuntidf")]
    public static double UnsignedToDouble(ulong lo, ulong hi) => ToDouble(lo, hi);

    /// <summary>__floattidf: the signed value as a double, correctly rounded.</summary>
    [UnmanagedCallersOnly(EntryPoint = "__floattidf")]
    public static double SignedToDouble(ulong lo, ulong hi)
    {
        if ((hi >> 63) == 0)
            return ToDouble(lo, hi);
        Negate(ref lo, ref hi);
        return -ToDouble(lo, hi);
    }

    /// <summary>__floatuntisf: the unsigned value as a float, correctly rounded (one rounding: from 64 bits and a sticky bit).</summary>
    [UnmanagedCallersOnly(EntryPoint = "__floatuntisf")]
    public static float UnsignedToFloat(ulong lo, ulong hi) => ToFloat(lo, hi);

    /// <summary>__floattisf: the signed value as a float, correctly rounded.</summary>
    [UnmanagedCallersOnly(EntryPoint = "__floattisf")]
    public static float SignedToFloat(ulong lo, ulong hi)
    {
        if ((hi >> 63) == 0)
            return ToFloat(lo, hi);
        Negate(ref lo, ref hi);
        return -ToFloat(lo, hi);
    }

    /// <summary>__fixunsdfti: a double truncated to an unsigned 128-bit integer (0 below 1 and for NaN, all ones from 2^128 up, as compiler-rt).</summary>
    [UnmanagedCallersOnly(EntryPoint = "__fixunsdfti")]
    public static UInt128Parts DoubleToUnsigned(double d) => FromDouble(d);

    /// <summary>__fixdfti: a double truncated toward zero to a signed 128-bit integer (saturated outside the range, 0 for NaN).</summary>
    [UnmanagedCallersOnly(EntryPoint = "__fixdfti")]
    public static UInt128Parts DoubleToSigned(double d) => FromDoubleSigned(d);

    /// <summary>__fixunssfti: a float truncated to an unsigned 128-bit integer.</summary>
    [UnmanagedCallersOnly(EntryPoint = "__fixunssfti")]
    public static UInt128Parts FloatToUnsigned(float f) => FromDouble(f);

    /// <summary>__fixsfti: a float truncated toward zero to a signed 128-bit integer.</summary>
    [UnmanagedCallersOnly(EntryPoint = "__fixsfti")]
    public static UInt128Parts FloatToSigned(float f) => FromDoubleSigned(f);

    /// <summary>Unsigned 128-bit division by shift and subtract from the divisor aligned under the dividend's top bit.</summary>
    private static void DivMod(ulong aLo, ulong aHi, ulong bLo, ulong bHi, out UInt128Parts q, out UInt128Parts r)
    {
        if (aHi == 0 && bHi == 0)
        {
            q = new UInt128Parts(aLo / bLo, 0);
            r = new UInt128Parts(aLo % bLo, 0);
            return;
        }
        if (bHi == 0 && bLo == 0)
        {
            // Undefined: the architecture's own division by zero.
            q = new UInt128Parts(aLo / bLo, 0);
            r = default;
            return;
        }
        if (Less(aLo, aHi, bLo, bHi))
        {
            q = default;
            r = new UInt128Parts(aLo, aHi);
            return;
        }
        var shift = Wide.LeadingZeros(bLo, bHi) - Wide.LeadingZeros(aLo, aHi);
        Wide.ShiftLeft(ref bLo, ref bHi, shift);
        ulong qLo = 0, qHi = 0;
        for (var i = 0; i <= shift; i++)
        {
            Wide.ShiftLeft(ref qLo, ref qHi, 1);
            if (!Less(aLo, aHi, bLo, bHi))
            {
                var borrow = aLo < bLo ? 1UL : 0;
                aLo -= bLo;
                aHi -= bHi + borrow;
                qLo |= 1;
            }
            bLo = (bLo >> 1) | (bHi << 63);
            bHi >>= 1;
        }
        q = new UInt128Parts(qLo, qHi);
        r = new UInt128Parts(aLo, aHi);
    }

    private static double ToDouble(ulong lo, ulong hi)
    {
        if (hi == 0)
            return lo;
        // The top 64 bits, with every bit below them OR-ed into the lowest (a sticky bit: there are 11 bits below a
        // double's 53, so the one rounding of the ulong conversion is the correct one), then scaled by 2^shift exactly.
        var shift = 64 - BitOperations.LeadingZeroCount(hi);
        var top = Top64(lo, hi, shift);
        return top * Pow2(shift);
    }

    private static float ToFloat(ulong lo, ulong hi)
    {
        if (hi == 0)
            return lo;
        var shift = 64 - BitOperations.LeadingZeroCount(hi);
        var top = Top64(lo, hi, shift);
        // (float)top rounds once (a float's 24 bits, 40 below with the sticky); times 2^shift is exact or overflows to inf as it should.
        return (float)top * (float)Pow2(shift);
    }

    /// <summary>(hi:lo) shifted right by <paramref name="shift"/> (1…64), the lost bits OR-ed into bit 0.</summary>
    private static ulong Top64(ulong lo, ulong hi, int shift)
    {
        if (shift == 64)
            return hi | (lo != 0 ? 1UL : 0);
        var top = (hi << (64 - shift)) | (lo >> shift);
        var lost = lo << (64 - shift);
        return top | (lost != 0 ? 1UL : 0);
    }

    private static double Pow2(int n)
    {
        var bits = (ulong)(1023 + n) << 52;
        return *(double*)&bits;
    }

    private static UInt128Parts FromDouble(double d)
    {
        if (!(d >= 1.0))
            return default;
        if (d >= 340282366920938463463374607431768211456.0) // 2^128
            return new UInt128Parts(ulong.MaxValue, ulong.MaxValue);
        if (d < 18446744073709551616.0) // 2^64
            return new UInt128Parts((ulong)d, 0);
        var bits = *(ulong*)&d;
        var exponent = (int)((bits >> 52) & 0x7FF) - 1023; // 64 … 127
        var mantissa = (bits & ((1UL << 52) - 1)) | (1UL << 52);
        ulong lo = mantissa, hi = 0;
        Wide.ShiftLeft(ref lo, ref hi, exponent - 52);
        return new UInt128Parts(lo, hi);
    }

    private static UInt128Parts FromDoubleSigned(double d)
    {
        if (d != d)
            return default;
        if (d >= 170141183460469231731687303715884105728.0) // 2^127: saturate to the largest
            return new UInt128Parts(ulong.MaxValue, long.MaxValue);
        if (d <= -170141183460469231731687303715884105728.0)
            return new UInt128Parts(0, 1UL << 63);
        var magnitude = FromDouble(d < 0 ? -d : d);
        if (d < 0)
            Negate(ref magnitude.Lo, ref magnitude.Hi);
        return magnitude;
    }

    private static bool Less(ulong aLo, ulong aHi, ulong bLo, ulong bHi) => aHi < bHi || (aHi == bHi && aLo < bLo);

    private static void Negate(ref ulong lo, ref ulong hi)
    {
        lo = ~lo + 1;
        hi = ~hi + (lo == 0 ? 1UL : 0);
    }

    private static void Abs(ref ulong lo, ref ulong hi)
    {
        if ((hi >> 63) != 0)
            Negate(ref lo, ref hi);
    }
}

/// <summary>Unsigned 128-bit values as two halves, low first: the shifts and counts the builtins and libm's fma share.</summary>
internal static class Wide
{
    /// <summary>The leading zero bits of (hi:lo), 0 … 128.</summary>
    public static int LeadingZeros(ulong lo, ulong hi) => hi != 0 ? BitOperations.LeadingZeroCount(hi) : 64 + BitOperations.LeadingZeroCount(lo);

    /// <summary>(hi:lo) &lt;&lt;= n for 0 ≤ n &lt; 128.</summary>
    public static void ShiftLeft(ref ulong lo, ref ulong hi, int n)
    {
        if (n == 0)
            return;
        if (n >= 64)
        {
            hi = lo << (n - 64);
            lo = 0;
            return;
        }
        hi = (hi << n) | (lo >> (64 - n));
        lo <<= n;
    }
}
