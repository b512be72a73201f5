using System.Runtime.InteropServices;

namespace Relibc.Header.Math;

/// <summary>
/// sinh, cosh, tanh, asinh, acosh, atanh (C17 7.12.5, F.10.2) and cbrt (7.12.7.1), from the double-double exp, expm1
/// and log of <see cref="Exp"/> and <see cref="Log"/>, arranged so that nothing cancels: sinh = (E + E/(E+1))/2 and
/// tanh = E/(E+2) with E = expm1(|x|) or expm1(2|x|); cosh = (e + 1/e)/2; asinh = log(|x| + √(x²+1)),
/// acosh = log(x + √(x²−1)), atanh = log((1+x)/(1−x))/2 with the arguments of log in double-double.
/// </summary>
public static unsafe class Hyperbolic
{
    private const double Tiny = 7.450580596923828e-9; // 2^-27: f(x) = x (or 1) to below half an ulp

    private static Dd Ln2 => new(Tables.Ln2DHi, Tables.Ln2DLo);

    public static double Sinh(double x)
    {
        if (!Bits.IsFinite(x))
            return x + x;
        var a = Bits.Abs(x);
        if (a < Tiny)
            return x;
        if (a > 22.0)
            return Exp.ExpOf(Dd.Sub(new Dd(a, 0.0), Ln2), x < 0); // e^a/2: e^-a is below 2^-63 of it
        var e = Exp.ExpM1Dd(a);
        var r = Dd.Scale(Dd.Add(e, Dd.Div(e, Dd.Add(e, 1.0))), -1).Value;
        return x < 0 ? -r : r;
    }

    public static double Cosh(double x)
    {
        if (!Bits.IsFinite(x))
            return x * x;
        var a = Bits.Abs(x);
        if (a < Tiny)
            return 1.0 + a * a;
        if (a > 22.0)
            return Exp.ExpOf(Dd.Sub(new Dd(a, 0.0), Ln2), false);
        var v = Exp.ExpDd(new Dd(a, 0.0), out var k);
        var e = Dd.Scale(v, k);
        return Dd.Scale(Dd.Add(e, Dd.Div(new Dd(1.0, 0.0), e)), -1).Value;
    }

    public static double Tanh(double x)
    {
        if (Bits.IsNaN(x))
            return x + x;
        var a = Bits.Abs(x);
        if (a > 22.0)
        {
            var one = 1.0 - MathError.Opaque(Bits.Pow2(-100)) * (Bits.IsInf(x) ? 0.0 : 1.0);
            return x < 0 ? -one : one;
        }
        if (a < Tiny)
            return x;
        var e = Exp.ExpM1Dd(2.0 * a);
        var r = Dd.Div(e, Dd.Add(e, 2.0)).Value;
        return x < 0 ? -r : r;
    }

    public static double Asinh(double x)
    {
        if (!Bits.IsFinite(x))
            return x + x;
        var a = Bits.Abs(x);
        if (a < Tiny)
            return x;
        Dd l;
        if (a > 268435456.0) // 2^28: √(x²+1) = |x| to below 2^-56
            l = Dd.Add(Log.LogDd(a), Ln2);
        else
            l = Log.LogOf(Dd.Add(Dd.Sqrt(Dd.Add(Dd.Mul(a, a), 1.0)), a));
        return x < 0 ? -l.Value : l.Value;
    }

    public static double Acosh(double x)
    {
        if (Bits.IsNaN(x))
            return x + x;
        if (x < 1.0)
            return MathError.Domain();
        if (x == 1.0)
            return 0.0;
        if (Bits.IsInf(x))
            return x;
        if (x > 268435456.0)
            return Dd.Add(Log.LogDd(x), Ln2).Value;
        return Log.LogOf(Dd.Add(Dd.Sqrt(Dd.Add(Dd.Mul(x, x), -1.0)), x)).Value;
    }

    public static double Atanh(double x)
    {
        if (Bits.IsNaN(x))
            return x + x;
        var a = Bits.Abs(x);
        if (a > 1.0)
            return MathError.Domain();
        if (a == 1.0)
            return MathError.Pole(x < 0);
        if (a < Tiny)
            return x;
        var n = Bits.TwoSum(1.0, a, out var nl);
        var d = Bits.TwoSum(1.0, -a, out var dl);
        var r = Dd.Scale(Log.LogOf(Dd.Div(new Dd(n, nl), new Dd(d, dl))), -1).Value;
        return x < 0 ? -r : r;
    }

    public static double Cbrt(double x)
    {
        if (!Bits.IsFinite(x) || x == 0.0)
            return x + x;
        var a = Bits.Abs(x);
        var k = Exact.UnbiasedExponent(a);
        var q = k >= 0 ? k / 3 : -((-k + 2) / 3);
        var m = Bits.Scale(a, -3 * q); // in [1, 8), exact
        var y = 1.0 + (m - 1.0) / 7.0;
        for (var i = 0; i < 6; i++)
            y -= (y * y * y - m) / (3.0 * y * y);
        // one Newton step against the exact residual m − y³
        var y3 = Dd.Mul(Dd.Mul(y, y), y);
        var res = Dd.Add(Dd.Neg(y3), m).Value;
        y += res / (3.0 * y * y);
        var r = Bits.Scale(y, q);
        return x < 0 ? -r : r;
    }

    /// <summary>sinh — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sinh.html (ERANGE on overflow)</summary>
    [UnmanagedCallersOnly(EntryPoint = "sinh")]
    public static double SinhE(double x) => Sinh(x);

    /// <summary>sinhf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sinhf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sinhf")]
    public static float SinhF(float x) => MathError.ToFloat(Sinh(x));

    /// <summary>cosh — https://pubs.opengroup.org/onlinepubs/9699919799/functions/cosh.html (ERANGE on overflow)</summary>
    [UnmanagedCallersOnly(EntryPoint = "cosh")]
    public static double CoshE(double x) => Cosh(x);

    /// <summary>coshf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/coshf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "coshf")]
    public static float CoshF(float x) => MathError.ToFloat(Cosh(x));

    /// <summary>tanh — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tanh.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "tanh")]
    public static double TanhE(double x) => Tanh(x);

    /// <summary>tanhf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tanhf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "tanhf")]
    public static float TanhF(float x) => (float)Tanh(x);

    /// <summary>asinh — https://pubs.opengroup.org/onlinepubs/9699919799/functions/asinh.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "asinh")]
    public static double AsinhE(double x) => Asinh(x);

    /// <summary>asinhf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/asinhf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "asinhf")]
    public static float AsinhF(float x) => (float)Asinh(x);

    /// <summary>acosh — https://pubs.opengroup.org/onlinepubs/9699919799/functions/acosh.html (EDOM below 1)</summary>
    [UnmanagedCallersOnly(EntryPoint = "acosh")]
    public static double AcoshE(double x) => Acosh(x);

    /// <summary>acoshf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/acoshf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "acoshf")]
    public static float AcoshF(float x) => (float)Acosh(x);

    /// <summary>atanh — https://pubs.opengroup.org/onlinepubs/9699919799/functions/atanh.html (EDOM beyond ±1, a pole at ±1)</summary>
    [UnmanagedCallersOnly(EntryPoint = "atanh")]
    public static double AtanhE(double x) => Atanh(x);

    /// <summary>atanhf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/atanhf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "atanhf")]
    public static float AtanhF(float x) => (float)Atanh(x);

    /// <summary>cbrt — https://pubs.opengroup.org/onlinepubs/9699919799/functions/cbrt.html (Newton's iteration, then one
    /// step against the exact residual)</summary>
    [UnmanagedCallersOnly(EntryPoint = "cbrt")]
    public static double CbrtE(double x) => Cbrt(x);

    /// <summary>cbrtf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/cbrtf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "cbrtf")]
    public static float CbrtF(float x) => (float)Cbrt(x);
}
