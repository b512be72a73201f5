using System.Runtime.InteropServices;

namespace Relibc.Header.Math;

/// <summary>
/// fmod, remainder and remquo: exact (C17 7.12.10, F.10.7). |x| = mx × 2^ex and |y| = my × 2^ey with 53-bit integer
/// significands; the remainder of mx × 2^(ex−ey) by my is taken ten bits of the exponent difference at a time with
/// 64-bit integer division, keeping the low bits of the quotient for remquo.
/// </summary>
public static unsafe class Remainder
{
    /// <summary>|x| mod |y| for finite x, finite nonzero y with |x| ≥ |y|, as (remainder significand, its exponent, quotient bits).</summary>
    private static ulong Mod(double x, double y, out int e, out ulong quotient)
    {
        quotient = 0;
        Bits.Split(x, out var mx, out var ex);
        Bits.Split(y, out var my, out var ey);
        e = ey; // |x| ≥ |y|, so ex ≥ ey
        var q = mx / my;
        mx %= my;
        quotient = q;
        for (var d = ex - ey; d > 0;)
        {
            var k = d > 10 ? 10 : d;
            var wide = mx << k;
            quotient = (quotient << k) + wide / my;
            mx = wide % my;
            d -= k;
        }
        return mx;
    }

    /// <summary>x − trunc(x/y)·y, exact; EDOM for x = ±∞ or y = 0.</summary>
    public static double FMod(double x, double y)
    {
        if (Bits.IsNaN(x) || Bits.IsNaN(y))
            return x + y;
        if (Bits.IsInf(x) || y == 0.0)
            return MathError.Domain();
        if (Bits.IsInf(y) || x == 0.0 || Bits.Abs(x) < Bits.Abs(y))
            return x;
        var m = Mod(x, y, out var e, out _);
        var r = Bits.Scale(m, e); // exact: a multiple of y's ulp below |y|
        return Bits.CopySign(r, x);
    }

    /// <summary>remquo's arithmetic: x − n·y with n = x/y rounded to nearest, ties to even; the low three bits of |n|
    /// with the sign of x/y go to <paramref name="quo"/>.</summary>
    public static double RemQuo(double x, double y, int* quo)
    {
        *quo = 0;
        if (Bits.IsNaN(x) || Bits.IsNaN(y))
            return x + y;
        if (Bits.IsInf(x) || y == 0.0)
            return MathError.Domain();
        if (Bits.IsInf(y))
            return x;
        if (x == 0.0)
            return x;
        var ax = Bits.Abs(x);
        var ay = Bits.Abs(y);
        ulong q = 0;
        double r;
        if (ax < ay)
        {
            // n is 0 or 1: 1 when |x| > |y|/2 (or = |y|/2, and then 0 is even: stays 0).
            var half = ay * 0.5;
            if (ay < Bits.Pow2(-1021))
            {
                // halving could round: compare 2|x| with |y| instead (exact, no overflow down here)
                r = ax + ax > ay ? ax - ay : ax;
                q = ax + ax > ay ? 1UL : 0;
            }
            else
            {
                r = ax > half ? ax - ay : ax;
                q = ax > half ? 1UL : 0;
            }
        }
        else
        {
            var m = Mod(x, y, out var e, out q);
            Bits.Split(y, out var my, out _);
            // remainder m·2^e in [0, |y|): go to m − my when that is nearer, or equally near and n is odd.
            if (2 * m > my || (2 * m == my && (q & 1) != 0))
            {
                r = -Bits.Scale(my - m, e);
                q++;
            }
            else
                r = Bits.Scale(m, e);
        }
        var n = (int)(q & 7);
        *quo = Bits.SignBit(x) != Bits.SignBit(y) ? -n : n;
        if (r == 0.0)
            return Bits.CopySign(0.0, x);
        return Bits.SignBit(x) ? -r : r;
    }

    /// <summary>fmod — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fmod.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fmod")]
    public static double FModE(double x, double y) => FMod(x, y);

    /// <summary>fmodf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fmodf.html (the double remainder of
    /// two floats is a float).</summary>
    [UnmanagedCallersOnly(EntryPoint = "fmodf")]
    public static float FModF(float x, float y) => (float)FMod(x, y);

    /// <summary>remainder — https://pubs.opengroup.org/onlinepubs/9699919799/functions/remainder.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "remainder")]
    public static double RemainderE(double x, double y)
    {
        int q;
        return RemQuo(x, y, &q);
    }

    /// <summary>remainderf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/remainderf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "remainderf")]
    public static float RemainderF(float x, float y)
    {
        int q;
        return (float)RemQuo(x, y, &q);
    }

    /// <summary>remquo — https://pubs.opengroup.org/onlinepubs/9699919799/functions/remquo.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "remquo")]
    public static double RemQuoE(double x, double y, int* quo) => RemQuo(x, y, quo);

    /// <summary>remquof — https://pubs.opengroup.org/onlinepubs/9699919799/functions/remquof.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "remquof")]
    public static float RemQuoF(float x, float y, int* quo) => (float)RemQuo(x, y, quo);
}
