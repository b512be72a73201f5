using System.Runtime.InteropServices;

namespace Relibc.Header.Math;

/// <summary>
/// log, log2, log10, log1p and pow (C17 7.12.6.7–12, 7.12.7.4, F.10.3.7–12, F.10.4.4). The core is
/// <see cref="LogDd"/>: x = 2^k·z with z in [0x1.69p-1, 0x1.69p0) (so k = 0 near 1, where there is no cancellation),
/// c ≈ 1/z from a 128-entry table (exactly 1 around 1), r = z·c − 1 exactly (|r| &lt; 1/128) and
/// log x = k·ln2 + (−log c) + log1p(r), log1p(r) = r − r²/2 + r³/3 − … − r¹⁰/10 + r¹¹/11 with the low part of r
/// carried; everything in double-double (relative error about 2^-70), so log2/log10 round once after multiplying by
/// 1/ln 2 or 1/ln 10 in double-double, and pow = exp(y·log|x|) keeps its error below 2^-60 even where |y·log x| ≈ 745.
/// </summary>
public static unsafe class Log
{
    /// <summary>log x as a double-double, for finite x &gt; 0 (subnormals included).</summary>
    public static Dd LogDd(double x)
    {
        var k = 0;
        var ix = Bits.Of(x);
        if ((ix >> 52) == 0)
        {
            x *= Bits.Pow2(52);
            ix = Bits.Of(x);
            k = -52;
        }
        var tmp = ix - 0x3FE6900000000000UL;
        var i = (int)((tmp >> 45) & 127);
        k += (int)((long)tmp >> 52);
        var z = Bits.From(ix - (tmp & (0xFFFUL << 52)));
        var c = Tables.LogInvC[i];
        var p = Bits.TwoProd(z, c, out var pe);
        var rh0 = p - 1.0; // exact: p is within 2^-6 of 1
        var rh = Bits.TwoSum(rh0, pe, out var rl);
        // log1p(rh + rl) = log1p(rh) + rl/(1 + rh) ≈ log1p(rh) + rl − rl·rh
        var sq = Dd.Mul(rh, rh);
        var tail = rh * sq.Hi * (1.0 / 3 + rh * (-0.25 + rh * (0.2 + rh * (-1.0 / 6 + rh * (1.0 / 7 + rh * (-0.125
            + rh * (1.0 / 9 + rh * (-0.1 + rh * (1.0 / 11)))))))));
        var s = Bits.TwoSum(rh, -0.5 * sq.Hi, out var se);
        var l1p = Dd.Of(s, se + (rl - rl * rh - 0.5 * sq.Lo + tail));
        var kl = new Dd(k * Tables.Ln2Hi, 0.0); // exact: 11 × 42 bits
        var sum = Dd.Add(kl, new Dd(Tables.LogCHi[i], Tables.LogCLo[i]));
        sum = Dd.Add(sum, Dd.Mul(k, Tables.Ln2Lo));
        return Dd.Add(sum, l1p);
    }

    /// <summary>The special cases shared by log, log2, log10: NaN, ≤ 0, +∞. Returns false for a finite x &gt; 0.</summary>
    private static bool Special(double x, out double r)
    {
        if (Bits.IsNaN(x))
        {
            r = x + x;
            return true;
        }
        if (x == 0.0)
        {
            r = MathError.Pole(true);
            return true;
        }
        if (x < 0.0)
        {
            r = MathError.Domain();
            return true;
        }
        if (Bits.IsInf(x))
        {
            r = x;
            return true;
        }
        r = 0.0;
        return false;
    }

    public static double Ln(double x) => Special(x, out var r) ? r : Fast(x);

    /// <summary>
    /// log x in plain double for finite x &gt; 0: <see cref="LogDd"/>'s reduction (r = z·c − 1 exact), the large parts
    /// k·ln2_hi + (−log c) + r added by TwoSum, everything else (below 2^-7 of the result) in double. Only the last
    /// addition rounds at the result's scale: at most 0.501 ulp.
    /// </summary>
    private static double Fast(double x)
    {
        var k = 0;
        var ix = Bits.Of(x);
        if ((ix >> 52) == 0)
        {
            x *= Bits.Pow2(52);
            ix = Bits.Of(x);
            k = -52;
        }
        var tmp = ix - 0x3FE6900000000000UL;
        var i = (int)((tmp >> 45) & 127);
        k += (int)((long)tmp >> 52);
        var z = Bits.From(ix - (tmp & (0xFFFUL << 52)));
        var p = Bits.TwoProd(z, Tables.LogInvC[i], out var pe);
        var rh = Bits.TwoSum(p - 1.0, pe, out var rl);
        var z2 = rh * rh;
        var tail = rh * z2 * (1.0 / 3 + rh * (-0.25 + rh * (0.2 + rh * (-1.0 / 6 + rh * (1.0 / 7 + rh * (-0.125
            + rh * (1.0 / 9 + rh * (-0.1 + rh * (1.0 / 11)))))))));
        var s = Bits.TwoSum(k * Tables.Ln2Hi, Tables.LogCHi[i], out var e);
        var s2 = Bits.TwoSum(s, rh, out var e2);
        var low = e + e2 + (k * Tables.Ln2Lo + Tables.LogCLo[i]) + (-0.5 * z2 + tail + (rl - rl * rh));
        return s2 + low;
    }

    public static double Log2(double x) => Special(x, out var r) ? r : Dd.Mul(LogDd(x), new Dd(Tables.InvLn2Hi, Tables.InvLn2Lo)).Value;

    public static double Log10(double x) => Special(x, out var r) ? r : Dd.Mul(LogDd(x), new Dd(Tables.InvLn10Hi, Tables.InvLn10Lo)).Value;

    /// <summary>log of a double-double (Hi &gt; 0): log(Hi) + Lo/Hi.</summary>
    public static Dd LogOf(Dd a) => Dd.Add(LogDd(a.Hi), a.Lo / a.Hi);

    public static double Log1P(double x)
    {
        if (Bits.IsNaN(x))
            return x + x;
        if (x == -1.0)
            return MathError.Pole(true);
        if (x < -1.0)
            return MathError.Domain();
        if (Bits.IsInf(x))
            return x;
        if (Bits.Abs(x) < 5.551115123125783e-17)
            return x;
        var u = Bits.TwoSum(1.0, x, out var ul);
        return LogOf(new Dd(u, ul)).Value;
    }

    private static bool IsInteger(double y) => Exact.Trunc(y) == y;

    private static bool IsOdd(double y) => Bits.Abs(y) < 9007199254740992.0 && IsInteger(y) && ((long)y & 1) != 0;

    public static double Pow(double x, double y)
    {
        if (y == 0.0 || x == 1.0)
            return 1.0;
        if (Bits.IsNaN(x) || Bits.IsNaN(y))
            return x + y;
        var yOdd = IsOdd(y);
        if (x == 0.0)
        {
            if (y < 0.0)
            {
                if (Bits.IsInf(y))
                    return Bits.Inf;
                return MathError.Pole(yOdd && Bits.SignBit(x));
            }
            return yOdd ? x : 0.0;
        }
        if (Bits.IsInf(y))
        {
            var ax = Bits.Abs(x);
            if (ax == 1.0)
                return 1.0;
            return (ax < 1.0) == (y < 0.0) ? Bits.Inf : 0.0;
        }
        if (Bits.IsInf(x))
        {
            var negative = x < 0.0 && yOdd;
            var mag = y < 0.0 ? 0.0 : Bits.Inf;
            return negative ? -mag : mag;
        }
        var neg = false;
        if (x < 0.0)
        {
            if (!IsInteger(y))
                return MathError.Domain();
            neg = yOdd;
            x = -x;
        }
        var l = Dd.Mul(LogDd(x), y);
        return Exp.ExpOf(l, neg);
    }

    /// <summary>log — https://pubs.opengroup.org/onlinepubs/9699919799/functions/log.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "log")]
    public static double LogE(double x) => Ln(x);

    /// <summary>logf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/logf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "logf")]
    public static float LogF(float x) => (float)Ln(x);

    /// <summary>log2 — https://pubs.opengroup.org/onlinepubs/9699919799/functions/log2.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "log2")]
    public static double Log2E(double x) => Log2(x);

    /// <summary>log2f — https://pubs.opengroup.org/onlinepubs/9699919799/functions/log2f.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "log2f")]
    public static float Log2F(float x) => (float)Log2(x);

    /// <summary>log10 — https://pubs.opengroup.org/onlinepubs/9699919799/functions/log10.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "log10")]
    public static double Log10E(double x) => Log10(x);

    /// <summary>log10f — https://pubs.opengroup.org/onlinepubs/9699919799/functions/log10f.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "log10f")]
    public static float Log10F(float x) => (float)Log10(x);

    /// <summary>log1p — https://pubs.opengroup.org/onlinepubs/9699919799/functions/log1p.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "log1p")]
    public static double Log1PE(double x) => Log1P(x);

    /// <summary>log1pf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/log1pf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "log1pf")]
    public static float Log1PF(float x) => (float)Log1P(x);

    /// <summary>pow — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pow.html (every special case of F.10.4.4;
    /// EDOM for a negative finite x and a finite non-integer y, ERANGE on overflow, underflow and the pole at 0).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pow")]
    public static double PowE(double x, double y) => Pow(x, y);

    /// <summary>powf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/powf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "powf")]
    public static float PowF(float x, float y) => MathError.ToFloat(Pow(x, y));
}
