using System.Runtime.InteropServices;

namespace Relibc.Header.Math;

/// <summary>
/// exp, exp2, expm1 (C17 7.12.6.1–3, F.10.3.1–3). The core is <see cref="ExpDd"/>: a = n·ln2/64 + r with ln 2/64 in
/// two parts (Cody–Waite; n·hi is exact), |r| ≤ ln2/128, exp(a) = 2^(n/64) · exp(r), 2^(j/64) from a table in
/// double-double and exp(r) − 1 as r + r²/2 + … + r⁷/5040 (Taylor: the next term is below 2^-65 relative). The result
/// is a double-double, rounded once by the caller: measured error ≤ 0.5 ulp + 2^-60 relative before that rounding.
/// </summary>
public static unsafe class Exp
{
    /// <summary>exp(a) = v × 2^k for |a.Hi| ≤ 746, v in [0.7, 1.5) as a double-double.</summary>
    public static Dd ExpDd(Dd a, out int k)
    {
        var t = a.Hi * Tables.InvLn2By64;
        var n = (int)(t < 0 ? t - 0.5 : t + 0.5);
        var r0 = a.Hi - n * Tables.Ln2By64Hi; // exact: n·hi has at most 53 bits and is close to a.Hi
        var nl = Dd.Mul(n, Tables.Ln2By64Lo);
        var r = Dd.Add(new Dd(r0, 0.0), Dd.Neg(nl));
        r = Dd.Add(r, a.Lo);
        var rh = r.Hi;
        var q = rh * rh * (0.5 + rh * (1.0 / 6 + rh * (1.0 / 24 + rh * (1.0 / 120 + rh * (1.0 / 720 + rh * (1.0 / 5040))))));
        var e = Dd.Of(rh, q + r.Lo + r.Lo * rh);
        var j = n & 63;
        k = n >> 6;
        var table = new Dd(Tables.Exp2Hi[j], Tables.Exp2Lo[j]);
        return Dd.Add(table, Dd.Mul(table, e));
    }

    /// <summary>exp(a) rounded, with overflow and underflow (ERANGE) decided on the result.</summary>
    public static double ExpOf(Dd a, bool negative)
    {
        if (a.Hi > 710.0)
            return MathError.Overflow(negative);
        if (a.Hi < -746.0)
            return MathError.Underflow(negative);
        var v = ExpDd(a, out var k);
        var r = Bits.Scale(negative ? -v.Value : v.Value, k);
        if (Bits.IsInf(r))
            return MathError.Overflow(negative);
        if (r == 0.0)
            return MathError.Underflow(negative);
        return r;
    }

    public static double Eval(double x)
    {
        if (!Bits.IsFinite(x))
            return Bits.IsNaN(x) ? x + x : x > 0 ? x : 0.0;
        if (Bits.Abs(x) < 5.551115123125783e-17) // 2^-54: exp(x) rounds to 1 + x
            return 1.0 + x;
        if (x > 709.0 || x < -708.0)
            return ExpOf(new Dd(x, 0.0), false); // over- and underflow, subnormal results
        return Fast(x);
    }

    /// <summary>
    /// exp for −708 ≤ x ≤ 709 in plain double: the same reduction and table as <see cref="ExpDd"/>, r's rounding error
    /// carried into the linear term, then 2^(j/64)·(1 + p) summed small to large. The errors before the last addition
    /// (T·p rounded, |p| ≤ 0.0055; r rounded; the Taylor tail) are below 2^-59.5 of the result: at most 0.52 ulp.
    /// </summary>
    private static double Fast(double x)
    {
        var t = x * Tables.InvLn2By64;
        var n = (int)(t < 0 ? t - 0.5 : t + 0.5);
        var rh = x - n * Tables.Ln2By64Hi; // exact
        var rl = n * Tables.Ln2By64Lo;
        var r = rh - rl;
        var dr = (rh - r) - rl;
        var p = r + (dr + r * r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720))))));
        var j = n & 63;
        var th = Tables.Exp2Hi[j];
        var tl = Tables.Exp2Lo[j];
        var y = th + (tl + th * p);
        return y * Bits.Pow2(n >> 6); // 2^m is normal and the result too: exact
    }

    public static double Exp2(double x)
    {
        if (!Bits.IsFinite(x))
            return Bits.IsNaN(x) ? x + x : x > 0 ? x : 0.0;
        if (x > 1025.0)
            return MathError.Overflow(false);
        if (x < -1076.0)
            return MathError.Underflow(false);
        var n = Exact.Round(x);
        var f = x - n; // exact, |f| ≤ 1/2
        var v = ExpDd(Dd.Mul(new Dd(Tables.Ln2DHi, Tables.Ln2DLo), f), out var k);
        var r = Bits.Scale(v.Value, k + (int)n);
        if (Bits.IsInf(r))
            return MathError.Overflow(false);
        if (r == 0.0)
            return MathError.Underflow(false);
        return r;
    }

    /// <summary>expm1 for |x| ≤ 0.35: x + x²/2 (exact) + x³·P(x), P the Taylor series to x^12/15!.</summary>
    public static Dd ExpM1Small(double x)
    {
        var h = Dd.Mul(x, x);
        var hh = h.Hi * 0.5;
        var p = 1.0 / 6 + x * (1.0 / 24 + x * (1.0 / 120 + x * (1.0 / 720 + x * (1.0 / 5040 + x * (1.0 / 40320 + x * (1.0 / 362880
            + x * (1.0 / 3628800 + x * (1.0 / 39916800 + x * (1.0 / 479001600 + x * (1.0 / 6227020800 + x * (1.0 / 87178291200
            + x * (1.0 / 1307674368000))))))))))));
        var s = Bits.FastTwoSum(x, hh, out var e);
        return Dd.Of(s, e + h.Lo * 0.5 + h.Hi * x * p);
    }

    /// <summary>expm1(x) as a double-double for |x| ≤ 40 (the caller handles the rest).</summary>
    public static Dd ExpM1Dd(double x)
    {
        if (Bits.Abs(x) <= 0.35)
            return ExpM1Small(x);
        var v = ExpDd(new Dd(x, 0.0), out var k);
        return Dd.Add(Dd.Scale(v, k), -1.0);
    }

    public static double ExpM1(double x)
    {
        if (!Bits.IsFinite(x))
            return Bits.IsNaN(x) ? x + x : x > 0 ? x : -1.0;
        if (Bits.Abs(x) < 5.551115123125783e-17)
            return x;
        if (x < -40.0)
            return MathError.Opaque(Bits.Pow2(-100)) - 1.0; // −1, inexact
        if (x > 40.0)
            return ExpOf(new Dd(x, 0.0), false); // e^x − 1 = e^x to far below half an ulp
        return ExpM1Dd(x).Value;
    }

    /// <summary>exp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/exp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "exp")]
    public static double ExpE(double x) => Eval(x);

    /// <summary>expf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/expf.html (the double result rounded to float).</summary>
    [UnmanagedCallersOnly(EntryPoint = "expf")]
    public static float ExpF(float x) => MathError.ToFloat(Eval(x));

    /// <summary>exp2 — https://pubs.opengroup.org/onlinepubs/9699919799/functions/exp2.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "exp2")]
    public static double Exp2E(double x) => Exp2(x);

    /// <summary>exp2f — https://pubs.opengroup.org/onlinepubs/9699919799/functions/exp2f.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "exp2f")]
    public static float Exp2F(float x) => MathError.ToFloat(Exp2(x));

    /// <summary>expm1 — https://pubs.opengroup.org/onlinepubs/9699919799/functions/expm1.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "expm1")]
    public static double ExpM1E(double x) => ExpM1(x);

    /// <summary>expm1f — https://pubs.opengroup.org/onlinepubs/9699919799/functions/expm1f.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "expm1f")]
    public static float ExpM1F(float x) => MathError.ToFloat(ExpM1(x));
}
