using System.Runtime.InteropServices;

namespace Relibc.Header.Math;

/// <summary>
/// atan, atan2, asin, acos (C17 7.12.4.1–4, F.10.1.1–4), all from <see cref="AtanDd"/>: t &gt; 1 becomes
/// π/2 − atan(1/t); then atan t = atan(i/8) + atan(u) with i/8 the nearest eighth, u = (t − i/8)/(1 + t·i/8)
/// (|u| ≤ 1/16) and atan u by its Taylor series to u¹⁷ — all in double-double. asin x = atan(x/√(1−x²)) and
/// acos x = atan(√(1−x²)/x) (π minus that for x &lt; 0), with 1 − x² = (1 − x)(1 + x) in double-double.
/// </summary>
public static unsafe class InvTrig
{
    private static Dd PiO2 => new(Tables.PiO2Hi, Tables.PiO2Lo);

    private static Dd Pi => new(Tables.PiHi, Tables.PiLo);

    private static Dd AtanCore(Dd t)
    {
        var i = (int)(t.Hi * 8.0 + 0.5);
        var c = i * 0.125;
        var num = Dd.Add(t, -c);
        var den = Dd.Add(Dd.Mul(t, c), 1.0);
        var u = Dd.Div(num, den);
        var uh = u.Hi;
        var z = uh * uh;
        var tail = uh * z * (-1.0 / 3 + z * (0.2 + z * (-1.0 / 7 + z * (1.0 / 9 + z * (-1.0 / 11 + z * (1.0 / 13 + z * (-1.0 / 15
            + z * (1.0 / 17))))))));
        var a = Dd.Add(new Dd(uh, 0.0), tail + u.Lo * (1.0 - z));
        return i == 0 ? a : Dd.Add(new Dd(Tables.AtanHi[i], Tables.AtanLo[i]), a);
    }

    /// <summary>atan t for a double-double t ≥ 0.</summary>
    public static Dd AtanDd(Dd t)
    {
        if (t.Hi > 1.0)
            return Dd.Sub(PiO2, AtanCore(Dd.Div(new Dd(1.0, 0.0), t)));
        return AtanCore(t);
    }

    public static double Atan(double x)
    {
        if (Bits.IsNaN(x))
            return x + x;
        var ax = Bits.Abs(x);
        if (ax < 7.450580596923828e-9)
            return x;
        if (ax > 1.8446744073709552e19) // 2^64: π/2 − 1/x rounds to π/2
            return Bits.CopySign(Tables.PiO2Hi + Tables.PiO2Lo, x);
        var r = AtanDd(new Dd(ax, 0.0)).Value;
        return x < 0 ? -r : r;
    }

    public static double Atan2(double y, double x)
    {
        if (Bits.IsNaN(x) || Bits.IsNaN(y))
            return x + y;
        var negY = Bits.SignBit(y);
        double r;
        if (y == 0.0)
            r = Bits.SignBit(x) ? Tables.PiHi + Tables.PiLo : 0.0;
        else if (x == 0.0)
            r = Tables.PiO2Hi + Tables.PiO2Lo;
        else if (Bits.IsInf(y))
            r = Bits.IsInf(x) ? (x > 0 ? 0.7853981633974483 : 2.356194490192345) : Tables.PiO2Hi;
        else if (Bits.IsInf(x))
            r = x > 0 ? 0.0 : Tables.PiHi;
        else
        {
            var ex = Exact.UnbiasedExponent(x);
            var ey = Exact.UnbiasedExponent(y);
            var ay = Bits.Abs(y);
            var ax = Bits.Abs(x);
            if (ey - ex > 64)
                r = Tables.PiO2Hi;
            else if (ey - ex < -64)
            {
                if (x > 0)
                    return y / x; // atan(y/x) = y/x to far below half an ulp (and underflows as y/x does)
                r = Tables.PiHi + (Tables.PiLo - ay / ax);
            }
            else
            {
                var q = Dd.Div(new Dd(Bits.Scale(ay, -ex), 0.0), Bits.Scale(ax, -ex));
                var a = AtanDd(q);
                r = (x < 0 ? Dd.Sub(Pi, a) : a).Value;
            }
        }
        return negY ? -r : r;
    }

    /// <summary>√(1 − x²) for |x| &lt; 1, in double-double.</summary>
    private static Dd Cosine(double ax)
    {
        var m = Bits.TwoSum(1.0, -ax, out var ml);
        var p = Bits.TwoSum(1.0, ax, out var pl);
        return Dd.Sqrt(Dd.Mul(new Dd(m, ml), new Dd(p, pl)));
    }

    public static double Asin(double x)
    {
        if (Bits.IsNaN(x))
            return x + x;
        var ax = Bits.Abs(x);
        if (ax > 1.0)
            return MathError.Domain();
        if (ax < 7.450580596923828e-9)
            return x;
        double r;
        if (ax == 1.0)
            r = Tables.PiO2Hi + Tables.PiO2Lo;
        else
            r = AtanDd(Dd.Div(new Dd(ax, 0.0), Cosine(ax))).Value;
        return x < 0 ? -r : r;
    }

    public static double Acos(double x)
    {
        if (Bits.IsNaN(x))
            return x + x;
        var ax = Bits.Abs(x);
        if (ax > 1.0)
            return MathError.Domain();
        if (x == 1.0)
            return 0.0;
        if (x == -1.0)
            return Tables.PiHi + Tables.PiLo;
        if (ax < 1.3877787807814457e-17) // 2^-56: π/2 − x rounds to π/2
            return Tables.PiO2Hi + (Tables.PiO2Lo - x);
        var a = AtanDd(Dd.Div(Cosine(ax), ax));
        return (x < 0 ? Dd.Sub(Pi, a) : a).Value;
    }

    /// <summary>atan — https://pubs.opengroup.org/onlinepubs/9699919799/functions/atan.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "atan")]
    public static double AtanE(double x) => Atan(x);

    /// <summary>atanf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/atanf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "atanf")]
    public static float AtanF(float x) => (float)Atan(x);

    /// <summary>atan2 — https://pubs.opengroup.org/onlinepubs/9699919799/functions/atan2.html (every special case of F.10.1.4)</summary>
    [UnmanagedCallersOnly(EntryPoint = "atan2")]
    public static double Atan2E(double y, double x) => Atan2(y, x);

    /// <summary>atan2f — https://pubs.opengroup.org/onlinepubs/9699919799/functions/atan2f.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "atan2f")]
    public static float Atan2F(float y, float x) => (float)Atan2(y, x);

    /// <summary>asin — https://pubs.opengroup.org/onlinepubs/9699919799/functions/asin.html (EDOM for |x| &gt; 1)</summary>
    [UnmanagedCallersOnly(EntryPoint = "asin")]
    public static double AsinE(double x) => Asin(x);

    /// <summary>asinf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/asinf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "asinf")]
    public static float AsinF(float x) => (float)Asin(x);

    /// <summary>acos — https://pubs.opengroup.org/onlinepubs/9699919799/functions/acos.html (EDOM for |x| &gt; 1)</summary>
    [UnmanagedCallersOnly(EntryPoint = "acos")]
    public static double AcosE(double x) => Acos(x);

    /// <summary>acosf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/acosf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "acosf")]
    public static float AcosF(float x) => (float)Acos(x);
}
