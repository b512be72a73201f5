using System.Runtime.InteropServices;
using Veridian.Interop;

namespace Relibc.Header.Math;

/// <summary>
/// erf, erfc, lgamma, tgamma (C17 7.12.8, F.10.5). erf x = (2/√π)·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3···(2n+1)), a series of
/// positive terms summed in double-double (nothing cancels); erfc is 1 − erf below 1.5 and, above, e^(−x²)/√π times
/// Laplace's continued fraction 1/(x + ½/(x + 1/(x + (3/2)/(x + …)))), evaluated backwards (the last steps in
/// double-double). ln Γ: Stirling's series for x ≥ 12, the recurrence Γ(x) = Γ(x+n)/(x(x+1)…(x+n−1)) below (product
/// in double-double), Taylor series at 1 and 2 (where ln Γ is 0), the reflection formula for x &lt; 0; Γ itself is
/// exp(ln Γ(x+n)) divided by the product, with the power of 2 kept apart so that nothing over- or underflows early.
/// </summary>
public static unsafe class Special
{
    /// <summary>signgam — https://pubs.opengroup.org/onlinepubs/9699919799/functions/lgamma.html: the sign of Γ at the last lgamma.</summary>
    [CSymbol("signgam")]
    public static int SignGam;

    private static Dd TwoOverSqrtPi => new(Tables.TwoOverSqrtPiHi, Tables.TwoOverSqrtPiLo);

    private static Dd Pi => new(Tables.PiHi, Tables.PiLo);

    /// <summary>erf x for 0 ≤ x &lt; 6, as a double-double.</summary>
    private static Dd ErfDd(double x)
    {
        if (x < 3.725290298461914e-9) // 2^-28: erf x = 2x/√π to below half an ulp
            return Dd.Mul(TwoOverSqrtPi, x);
        var x2 = Dd.Mul(x, x);
        var twoX2 = Dd.Scale(x2, 1);
        var t = new Dd(x, 0.0);
        var sum = t;
        for (var n = 0; n < 500; n++)
        {
            t = Dd.Div(Dd.Mul(t, twoX2), 2 * n + 3);
            sum = Dd.Add(sum, t);
            if (t.Hi < sum.Hi * 7.7e-34) // 2^-110
                break;
        }
        var e = Exp.ExpDd(Dd.Neg(x2), out var k);
        return Dd.Mul(Dd.Mul(sum, Dd.Scale(e, k)), TwoOverSqrtPi);
    }

    public static double Erf(double x)
    {
        if (Bits.IsNaN(x))
            return x + x;
        var a = Bits.Abs(x);
        if (a >= 6.0)
        {
            var one = 1.0 - MathError.Opaque(Bits.Pow2(-100)) * (Bits.IsInf(x) ? 0.0 : 1.0);
            return x < 0 ? -one : one;
        }
        if (x == 0.0)
            return x;
        if (a < 3.725290298461914e-9)
            return Dd.Mul(TwoOverSqrtPi, x).Value;
        var r = ErfDd(a).Value;
        return x < 0 ? -r : r;
    }

    public static double Erfc(double x)
    {
        if (Bits.IsNaN(x))
            return x + x;
        if (x < 1.5)
        {
            if (x <= -6.0)
                return 2.0 - MathError.Opaque(Bits.Pow2(-100)) * (Bits.IsInf(x) ? 0.0 : 1.0);
            var e = ErfDd(Bits.Abs(x));
            return (x < 0 ? Dd.Add(e, 1.0) : Dd.Add(Dd.Neg(e), 1.0)).Value;
        }
        if (x > 27.3)
            return Bits.IsInf(x) ? 0.0 : MathError.Underflow(false);
        var n = 40 + (int)(300.0 / (x * x));
        var t = x;
        for (var i = n; i > 3; i--)
            t = x + i * 0.5 / t;
        var td = new Dd(t, 0.0);
        for (var i = 3; i >= 1; i--)
            td = Dd.Add(Dd.Div(new Dd(i * 0.5, 0.0), td), x);
        var ex = Exp.ExpDd(Dd.Neg(Dd.Mul(x, x)), out var k);
        var v = Dd.Mul(Dd.Div(ex, td), new Dd(Tables.InvSqrtPiHi, Tables.InvSqrtPiLo));
        var r = Bits.Scale(v.Value, k);
        return r == 0.0 ? MathError.Underflow(false) : r;
    }

    /// <summary>ln Γ(y) for y = hi + lo ≥ 12 (Stirling), as a double-double; lo is at most a few ulps of hi.</summary>
    private static Dd Stirling(double y, double lo)
    {
        var l = Log.LogDd(y);
        var ym = Bits.TwoSum(y, -0.5, out var yml);
        var main = Dd.Mul(l, new Dd(ym, yml));
        main = Dd.Add(main, -y);
        main = Dd.Add(main, new Dd(Tables.HalfLog2PiHi, Tables.HalfLog2PiLo));
        var st = Tables.Stirling;
        var r = 1.0 / y;
        var r2 = r * r;
        // 1/(12y) in double-double, the rest (below 2^-18 of it) in double
        var first = Dd.Div(new Dd(1.0, 0.0), Dd.Mul(y, 12.0));
        var series = r * r2 * (st[1] + r2 * (st[2] + r2 * (st[3] + r2 * (st[4] + r2 * (st[5] + r2 * (st[6]
            + r2 * (st[7] + r2 * (st[8] + r2 * (st[9] + r2 * st[10])))))))));
        main = Dd.Add(main, first);
        // ln Γ(y + lo) = ln Γ(y) + ψ(y)·lo, ψ(y) ≈ ln y − 1/(2y) − 1/(12y²)
        var psi = l.Hi - 0.5 * r - r2 / 12.0;
        return Dd.Add(main, series + psi * lo);
    }

    /// <summary>ln Γ(x + n) with x + n ≥ 12 and the product x(x+1)…(x+n−1), for 0 &lt; x &lt; 12.</summary>
    private static Dd Shifted(double x, out Dd product)
    {
        product = new Dd(1.0, 0.0);
        var i = 0.0;
        var y = Bits.TwoSum(x, 0.0, out var yl);
        while (y < 12.0)
        {
            product = Dd.Mul(product, new Dd(y, yl));
            i += 1.0;
            y = Bits.TwoSum(x, i, out yl);
        }
        return Stirling(y, yl);
    }

    /// <summary>ln Γ(1 + e) or ln Γ(2 + e) for |e| &lt; 0.2 by their Taylor series.</summary>
    private static Dd NearZero(double e, bool atTwo)
    {
        var c = atTwo ? Tables.LgammaAt2 : Tables.LgammaAt1;
        var first = atTwo ? new Dd(Tables.OneMinusEulerGammaHi, Tables.OneMinusEulerGammaLo) : Dd.Neg(new Dd(Tables.EulerGammaHi, Tables.EulerGammaLo));
        var second = atTwo ? new Dd(Tables.Zeta2MinusOneHalfHi, Tables.Zeta2MinusOneHalfLo) : new Dd(Tables.Zeta2HalfHi, Tables.Zeta2HalfLo);
        var tail = 0.0;
        for (var k = 29; k >= 1; k--)
            tail = tail * e + c[k];
        var e2 = Dd.Mul(e, e);
        var sum = Dd.Add(Dd.Mul(first, e), Dd.Mul(second, e2));
        return Dd.Add(sum, tail * e2.Hi * e);
    }

    /// <summary>ln Γ(x) for finite x &gt; 0 below 2^900, as a double-double.</summary>
    private static Dd LgammaPositive(double x)
    {
        if (Bits.Abs(x - 1.0) < 0.2)
            return NearZero(x - 1.0, false);
        if (Bits.Abs(x - 2.0) < 0.2)
            return NearZero(x - 2.0, true);
        if (x >= 12.0)
            return Stirling(x, 0.0);
        var l = Shifted(x, out var p);
        return Dd.Sub(l, Log.LogOf(p));
    }

    /// <summary>|sin(π·x)| and its sign, for finite non-integer x (exact reduction: x − round(x) is exact).</summary>
    private static Dd SinPi(double x, out bool negative)
    {
        var n = Exact.Round(x);
        var f = x - n;
        var af = Bits.Abs(f);
        var s = af <= 0.25 ? Trig.SinDd(Dd.Mul(Pi, af)) : Trig.CosDd(Dd.Mul(Pi, 0.5 - af));
        var odd = Bits.Abs(n) < 9007199254740992.0 && ((long)n & 1) != 0;
        negative = (f < 0) != odd;
        return s;
    }

    public static double Lgamma(double x)
    {
        SignGam = 1;
        if (Bits.IsNaN(x))
            return x + x;
        if (Bits.IsInf(x))
            return Bits.Inf;
        if (x == 0.0 || (x < 0.0 && Exact.Trunc(x) == x))
        {
            if (Bits.SignBit(x) && x == 0.0)
                SignGam = -1;
            return MathError.Pole(false);
        }
        if (x > 0.0)
        {
            if (x >= 1e280) // ln Γ(x) = x(ln x − 1) to far below an ulp; scaled, as the double-double product would overflow
            {
                var l = Dd.Add(Log.LogDd(x), -1.0);
                var r = Bits.Scale(Dd.Mul(l, Bits.Scale(x, -128)).Value, 128);
                return Bits.IsInf(r) ? MathError.Overflow(false) : r;
            }
            return LgammaPositive(x).Value;
        }
        // ln|Γ(x)| = −ln(|sin πx|·(−x)/π) − ln Γ(−x)
        var s = SinPi(x, out var negative);
        SignGam = negative ? -1 : 1;
        var arg = Dd.Div(Dd.Mul(s, -x), Pi);
        return Dd.Neg(Dd.Add(Log.LogOf(arg), LgammaPositive(-x))).Value;
    }

    /// <summary>Γ(x) for 0 &lt; x ≤ 180 as v·2^k.</summary>
    private static Dd GammaPositive(double x, out int k)
    {
        if (x >= 12.0)
            return Exp.ExpDd(Stirling(x, 0.0), out k);
        var l = Shifted(x, out var p);
        return Dd.Div(Exp.ExpDd(l, out k), p);
    }

    public static double Tgamma(double x)
    {
        if (Bits.IsNaN(x))
            return x + x;
        if (Bits.IsInf(x))
            return x > 0 ? x : MathError.Domain();
        if (x == 0.0)
            return MathError.Pole(Bits.SignBit(x));
        if (x < 0.0 && Exact.Trunc(x) == x)
            return MathError.Domain();
        if (Bits.Abs(x) < 5.551115123125783e-17) // 2^-54: Γ(x) = 1/x to below half an ulp
        {
            var inv = 1.0 / x;
            return Bits.IsInf(inv) ? MathError.Overflow(x < 0) : inv;
        }
        if (x > 172.0)
            return MathError.Overflow(false);
        if (x > 0.0)
        {
            var g = GammaPositive(x, out var k);
            var r = Bits.Scale(g.Value, k);
            return Bits.IsInf(r) ? MathError.Overflow(false) : r;
        }
        // Γ(x) = π/(sin(πx)·(−x)·Γ(−x))
        var s = SinPi(x, out var negative);
        if (x < -185.0)
            return MathError.Underflow(negative);
        var gm = GammaPositive(-x, out var km);
        var d = Dd.Mul(Dd.Mul(s, -x), gm);
        var q = Bits.Scale(Dd.Div(Pi, d).Value, -km);
        if (q == 0.0)
            return MathError.Underflow(negative);
        return negative ? -q : q;
    }

    /// <summary>erf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/erf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "erf")]
    public static double ErfE(double x) => Erf(x);

    /// <summary>erff — https://pubs.opengroup.org/onlinepubs/9699919799/functions/erff.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "erff")]
    public static float ErfF(float x) => (float)Erf(x);

    /// <summary>erfc — https://pubs.opengroup.org/onlinepubs/9699919799/functions/erfc.html (ERANGE when it underflows to 0)</summary>
    [UnmanagedCallersOnly(EntryPoint = "erfc")]
    public static double ErfcE(double x) => Erfc(x);

    /// <summary>erfcf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/erfcf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "erfcf")]
    public static float ErfcF(float x) => MathError.ToFloat(Erfc(x));

    /// <summary>lgamma — https://pubs.opengroup.org/onlinepubs/9699919799/functions/lgamma.html (sets signgam; a pole at
    /// 0 and the negative integers)</summary>
    [UnmanagedCallersOnly(EntryPoint = "lgamma")]
    public static double LgammaE(double x) => Lgamma(x);

    /// <summary>lgammaf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/lgammaf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "lgammaf")]
    public static float LgammaF(float x) => MathError.ToFloat(Lgamma(x));

    /// <summary>tgamma — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tgamma.html (EDOM at the negative
    /// integers and −∞, a pole at ±0, ERANGE on overflow and underflow)</summary>
    [UnmanagedCallersOnly(EntryPoint = "tgamma")]
    public static double TgammaE(double x) => Tgamma(x);

    /// <summary>tgammaf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tgammaf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "tgammaf")]
    public static float TgammaF(float x) => MathError.ToFloat(Tgamma(x));
}
