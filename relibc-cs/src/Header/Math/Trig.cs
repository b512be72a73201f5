using System.Runtime.InteropServices;

namespace Relibc.Header.Math;

/// <summary>
/// sin, cos, tan (C17 7.12.4.5–7, F.10.1.5–7). x = n·π/2 + r, |r| ≤ π/4, r in double-double: for |x| &lt; 10^6 by
/// Cody–Waite with π/2 in four parts (n·part exact for the first three), beyond by Payne–Hanek: x = m·2^e times the
/// 256 bits of 2/π that matter (<see cref="Tables.TwoOverPi"/>), the integer part mod 4 and 128 bits of fraction. The
/// kernels are Taylor series to r¹⁹/19! and r¹⁸/18! with the first three terms in double-double (about 2^-65:
/// lgamma's reflection formula needs more than sin itself); tan = sin/cos.
/// </summary>
public static unsafe class Trig
{
    /// <summary>x = n·π/2 + r; returns n mod 4.</summary>
    public static int Reduce(double x, out Dd r)
    {
        var ax = Bits.Abs(x);
        if (ax <= 0.7853981633974483)
        {
            r = new Dd(x, 0.0);
            return 0;
        }
        if (ax < 1.0e6)
        {
            var t = x * 0.6366197723675814;
            var n = Exact.Round(t);
            var a = x - n * Tables.PiO2_1;
            var s = Bits.TwoSum(a, -(n * Tables.PiO2_2), out var e);
            var d = new Dd(s, e);
            d = Dd.Add(d, -(n * Tables.PiO2_3));
            r = Dd.Add(d, -(n * Tables.PiO2_4));
            return (int)((long)n & 3);
        }
        return PayneHanek(x, out r);
    }

    private static ulong Get64(ulong* p, int pos)
    {
        // bits [pos, pos + 64) of the 320-bit little-endian p (zeros below bit 0)
        if (pos <= -64)
            return 0;
        if (pos < 0)
            return p[0] << -pos;
        var limb = pos >> 6;
        var off = pos & 63;
        var lo = limb < 5 ? p[limb] : 0;
        if (off == 0)
            return lo;
        var hi = limb + 1 < 5 ? p[limb + 1] : 0;
        return (lo >> off) | (hi << (64 - off));
    }

    private static int PayneHanek(double x, out Dd r)
    {
        var b = Bits.Of(x);
        var m = (b & 0xFFFFFFFFFFFFFUL) | (1UL << 52);
        var e = (int)((b >> 52) & 0x7FF) - 1075; // |x| = m·2^e
        // Words j with e − 32(j+1) ≥ 2 only add multiples of 4 to x·2/π: start at j0.
        var j0 = e - 2 < 0 ? 0 : (e - 2) >> 5;
        // 256 bits of 2/π from word j0: what is dropped below them is under 2^(53-225) of the fraction, which the
        // closest double to a multiple of π/2 (6381956970095103·2^797, fraction ≈ 2^-61) leaves 110 bits above.
        var w = Tables.TwoOverPi;
        ulong w3 = ((ulong)w[j0] << 32) | w[j0 + 1];
        ulong w2 = ((ulong)w[j0 + 2] << 32) | w[j0 + 3];
        ulong w1 = ((ulong)w[j0 + 4] << 32) | w[j0 + 5];
        ulong w0 = ((ulong)w[j0 + 6] << 32) | w[j0 + 7];
        ulong* p = stackalloc ulong[5];
        var h0 = Bits.Mul128(m, w0, out var l0);
        var h1 = Bits.Mul128(m, w1, out var l1);
        var h2 = Bits.Mul128(m, w2, out var l2);
        var h3 = Bits.Mul128(m, w3, out var l3);
        p[0] = l0;
        p[1] = h0 + l1;
        var carry = p[1] < h0 ? 1UL : 0;
        var s2 = h1 + l2;
        var c2 = s2 < h1 ? 1UL : 0;
        p[2] = s2 + carry;
        carry = c2 + (p[2] < s2 ? 1UL : 0);
        var s3 = h2 + l3;
        var c3 = s3 < h2 ? 1UL : 0;
        p[3] = s3 + carry;
        carry = c3 + (p[3] < s3 ? 1UL : 0);
        p[4] = h3 + carry;
        // x·2/π = p·2^-s (mod 4)
        var s = 32 * (j0 + 8) - e;
        var n = (int)(Get64(p, s) & 3);
        var fh = Get64(p, s - 64);
        var fl = Get64(p, s - 128);
        var negative = false;
        if ((fh >> 63) != 0)
        {
            // fraction ≥ 1/2: round n up, the fraction becomes −(1 − f)
            n = (n + 1) & 3;
            fl = ~fl + 1;
            fh = ~fh + (fl == 0 ? 1UL : 0);
            negative = true;
        }
        var shift = 0;
        if (fh == 0)
        {
            fh = fl;
            fl = 0;
            shift = 64;
        }
        var lz = Bits.Clz(fh);
        if (lz > 0)
        {
            fh = (fh << lz) | (fl >> (64 - lz));
            fl <<= lz;
        }
        shift += lz;
        // f = (fh + fl/2^64)·2^-(64+shift): top 53 bits exact, the rest approximately (far below what matters)
        var top = (double)(fh >> 11) * 2048.0;
        var rest = (double)(fh & 0x7FF) + (double)(fl >> 11) * Bits.Pow2(-53);
        var f = Dd.Scale(Dd.Of(top, rest), -64 - shift);
        r = Dd.Mul(f, new Dd(Tables.PiO2Hi, Tables.PiO2Lo));
        if (negative)
            r = Dd.Neg(r);
        if (x < 0)
        {
            r = Dd.Neg(r);
            n = (4 - n) & 3;
        }
        return n;
    }

    /// <summary>sin r for |r| ≤ π/4 + ε, as a double-double.</summary>
    public static Dd SinDd(Dd r)
    {
        var rh = r.Hi;
        var z = rh * rh;
        var sq = Dd.Mul(rh, rh);
        var cube = Dd.Mul(sq, rh);
        var third = Dd.Div(cube, -6.0);
        var fifth = Dd.Div(Dd.Mul(cube, sq), 120.0);
        var rest = rh * z * z * z * (-1.0 / 5040 + z * (1.0 / 362880 + z * (-1.0 / 39916800 + z * (1.0 / 6227020800
            + z * (-1.0 / 1307674368000 + z * (1.0 / 355687428096000 + z * (-1.0 / 121645100408832000)))))));
        var sum = Dd.Add(Dd.Add(new Dd(rh, 0.0), third), fifth);
        return Dd.Add(sum, rest + r.Lo * (1.0 - 0.5 * z + z * z / 24.0)); // + cos(rh)·lo
    }

    /// <summary>cos r for |r| ≤ π/4 + ε, as a double-double.</summary>
    public static Dd CosDd(Dd r)
    {
        var rh = r.Hi;
        var z = rh * rh;
        var sq = Dd.Mul(rh, rh);
        var c = Dd.Add(new Dd(1.0, 0.0), new Dd(-0.5 * sq.Hi, -0.5 * sq.Lo));
        var fourth = Dd.Div(Dd.Mul(sq, sq), 24.0);
        var rest = z * z * z * (-1.0 / 720 + z * (1.0 / 40320 + z * (-1.0 / 3628800 + z * (1.0 / 479001600
            + z * (-1.0 / 87178291200 + z * (1.0 / 20922789888000 + z * (-1.0 / 6402373705728000)))))));
        return Dd.Add(Dd.Add(c, fourth), rest - rh * (1.0 - z / 6.0) * r.Lo); // − sin(rh)·lo
    }

    public static double Sin(double x)
    {
        if (!Bits.IsFinite(x))
            return Bits.IsNaN(x) ? x + x : MathError.Domain();
        if (Bits.Abs(x) < 7.450580596923828e-9) // 2^-27
            return x;
        var n = Reduce(x, out var r);
        return n switch
        {
            0 => SinDd(r).Value,
            1 => CosDd(r).Value,
            2 => -SinDd(r).Value,
            _ => -CosDd(r).Value,
        };
    }

    public static double Cos(double x)
    {
        if (!Bits.IsFinite(x))
            return Bits.IsNaN(x) ? x + x : MathError.Domain();
        if (Bits.Abs(x) < 7.450580596923828e-9)
            return 1.0 - Bits.Abs(x) * 0.5 * Bits.Abs(x); // 1, inexact unless x = 0
        var n = Reduce(x, out var r);
        return n switch
        {
            0 => CosDd(r).Value,
            1 => -SinDd(r).Value,
            2 => -CosDd(r).Value,
            _ => SinDd(r).Value,
        };
    }

    public static double Tan(double x)
    {
        if (!Bits.IsFinite(x))
            return Bits.IsNaN(x) ? x + x : MathError.Domain();
        if (Bits.Abs(x) < 7.450580596923828e-9)
            return x;
        var n = Reduce(x, out var r);
        var s = SinDd(r);
        var c = CosDd(r);
        return (n & 1) == 0 ? Dd.Div(s, c).Value : -Dd.Div(c, s).Value;
    }

    /// <summary>sin — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sin.html (EDOM for ±∞)</summary>
    [UnmanagedCallersOnly(EntryPoint = "sin")]
    public static double SinE(double x) => Sin(x);

    /// <summary>sinf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sinf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sinf")]
    public static float SinF(float x) => (float)Sin(x);

    /// <summary>cos — https://pubs.opengroup.org/onlinepubs/9699919799/functions/cos.html (EDOM for ±∞)</summary>
    [UnmanagedCallersOnly(EntryPoint = "cos")]
    public static double CosE(double x) => Cos(x);

    /// <summary>cosf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/cosf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "cosf")]
    public static float CosF(float x) => (float)Cos(x);

    /// <summary>tan — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tan.html (EDOM for ±∞)</summary>
    [UnmanagedCallersOnly(EntryPoint = "tan")]
    public static double TanE(double x) => Tan(x);

    /// <summary>tanf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tanf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "tanf")]
    public static float TanF(float x) => (float)Tan(x);
}
