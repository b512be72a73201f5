using System.Runtime.InteropServices;
using Relibc.Header.Errno;

namespace Relibc.Header.Math;

/// <summary>
/// The math.h functions whose result is exact or correctly rounded by definition (C17 7.12.6–7.12.13, F.10.3–F.10.9):
/// sign and classification work on the bits, the rounding functions clear fraction bits (no exception raised except
/// by rint/lrint, which round in the current direction by adding and subtracting 2^52 in hardware), and the scaling
/// functions multiply by exact powers of two with the one rounding last.
/// </summary>
public static unsafe class Exact
{
    private const ulong SignMask = 0x8000000000000000UL;
    private const ulong AbsMask = 0x7FFFFFFFFFFFFFFFUL;

    /// <summary>sqrt — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sqrt.html (the CPU's correctly rounded
    /// square root; EDOM below −0).</summary>
    [UnmanagedCallersOnly(EntryPoint = "sqrt")]
    public static double Sqrt(double x) => x < 0 ? MathError.Domain() : System.Math.Sqrt(x);

    /// <summary>sqrtf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sqrtf.html (the double square root
    /// of a float, rounded to float, is the correctly rounded float square root: 53 ≥ 2 × 24 + 2).</summary>
    [UnmanagedCallersOnly(EntryPoint = "sqrtf")]
    public static float SqrtF(float x) => x < 0 ? (float)MathError.Domain() : (float)System.Math.Sqrt(x);

    /// <summary>fabs — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fabs.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fabs")]
    public static double FAbs(double x) => Bits.Abs(x);

    /// <summary>fabsf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fabsf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fabsf")]
    public static float FAbsF(float x) => Bits.From(Bits.Of(x) & 0x7FFFFFFFu);

    /// <summary>copysign — https://pubs.opengroup.org/onlinepubs/9699919799/functions/copysign.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "copysign")]
    public static double CopySign(double x, double y) => Bits.CopySign(x, y);

    /// <summary>copysignf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/copysignf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "copysignf")]
    public static float CopySignF(float x, float y) => Bits.From((Bits.Of(x) & 0x7FFFFFFFu) | (Bits.Of(y) & 0x80000000u));

    /// <summary>x rounded to an integer towards zero (bits only).</summary>
    public static double Trunc(double x)
    {
        var b = Bits.Of(x);
        var e = (int)((b >> 52) & 0x7FF) - 1023;
        if (e >= 52)
            return x;
        if (e < 0)
            return Bits.From(b & SignMask);
        return Bits.From(b & ~((1UL << (52 - e)) - 1));
    }

    /// <summary>x rounded towards −∞ (<paramref name="up"/> false) or +∞ (true), bits only, no exception.</summary>
    public static double FloorCeil(double x, bool up)
    {
        var b = Bits.Of(x);
        var e = (int)((b >> 52) & 0x7FF) - 1023;
        if (e >= 52)
            return x;
        var negative = (long)b < 0;
        if (e < 0)
        {
            if ((b & AbsMask) == 0)
                return x;
            // 0 < |x| < 1: ±0 or ±1 depending on the direction.
            if (up)
                return negative ? Bits.From(SignMask) : 1.0;
            return negative ? -1.0 : 0.0;
        }
        var mask = (1UL << (52 - e)) - 1;
        if ((b & mask) == 0)
            return x;
        if (negative != up)
            b += mask + 1; // away from zero: one more unit in the integer part (a carry may bump the exponent)
        return Bits.From(b & ~mask);
    }

    /// <summary>x rounded to the nearest integer, halfway cases away from zero (C17 7.12.9.6).</summary>
    public static double Round(double x)
    {
        var b = Bits.Of(x);
        var e = (int)((b >> 52) & 0x7FF) - 1023;
        if (e >= 52)
            return x;
        if (e < 0)
            return Bits.From((b & SignMask) | (e == -1 ? Bits.Of(1.0) : 0));
        var mask = (1UL << (52 - e)) - 1;
        if ((b & mask) == 0)
            return x;
        b += 1UL << (51 - e);
        return Bits.From(b & ~mask);
    }

    /// <summary>x rounded to an integer in the current rounding direction: (x + 2^52) − 2^52 rounds once, in hardware.</summary>
    public static double Rint(double x)
    {
        var b = Bits.Of(x);
        if (((b >> 52) & 0x7FF) >= 1023 + 52)
            return x;
        var big = (long)b < 0 ? -4503599627370496.0 : 4503599627370496.0;
        var r = (x + big) - big;
        return Bits.CopySign(r, x); // rint(−0.3) is −0
    }

    /// <summary>floor — https://pubs.opengroup.org/onlinepubs/9699919799/functions/floor.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "floor")]
    public static double Floor(double x) => FloorCeil(x, false);

    /// <summary>floorf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/floorf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "floorf")]
    public static float FloorF(float x) => (float)FloorCeil(x, false);

    /// <summary>ceil — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ceil.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "ceil")]
    public static double Ceil(double x) => FloorCeil(x, true);

    /// <summary>ceilf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ceilf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "ceilf")]
    public static float CeilF(float x) => (float)FloorCeil(x, true);

    /// <summary>trunc — https://pubs.opengroup.org/onlinepubs/9699919799/functions/trunc.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "trunc")]
    public static double TruncE(double x) => Trunc(x);

    /// <summary>truncf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/truncf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "truncf")]
    public static float TruncF(float x) => (float)Trunc(x);

    /// <summary>round — https://pubs.opengroup.org/onlinepubs/9699919799/functions/round.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "round")]
    public static double RoundE(double x) => Round(x);

    /// <summary>roundf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/roundf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "roundf")]
    public static float RoundF(float x) => (float)Round(x);

    /// <summary>rint — https://pubs.opengroup.org/onlinepubs/9699919799/functions/rint.html (current rounding direction).</summary>
    [UnmanagedCallersOnly(EntryPoint = "rint")]
    public static double RintE(double x) => Rint(x);

    /// <summary>rintf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/rintf.html (a float of magnitude below
    /// 2^23 rounds to an integer a float holds, so the double rint is the float one).</summary>
    [UnmanagedCallersOnly(EntryPoint = "rintf")]
    public static float RintF(float x) => (float)Rint(x);

    /// <summary>rint without FE_INEXACT: the flags are saved and restored around it.</summary>
    public static double NearbyInt(double x)
    {
        var saved = Fenv.Fenv.Raised();
        x = MathError.Opaque(x); // keeps the addition after the flags are read
        var r = Rint(x);
        Fenv.Fenv.Restore(saved, r);
        return r;
    }

    /// <summary>nearbyint — https://pubs.opengroup.org/onlinepubs/9699919799/functions/nearbyint.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "nearbyint")]
    public static double NearbyIntE(double x) => NearbyInt(x);

    /// <summary>nearbyintf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/nearbyintf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "nearbyintf")]
    public static float NearbyIntF(float x) => (float)NearbyInt(x);

    /// <summary>An integral double as a long; outside the range (and NaN) FE_INVALID and LONG_MIN, as the x86_64 conversion instruction gives.</summary>
    private static long ToLong(double r)
    {
        if (r >= -9223372036854775808.0 && r < 9223372036854775808.0)
            return (long)r;
        var z = MathError.Opaque(0.0);
        MathError.Opaque(z / z); // FE_INVALID (C17 7.12.9.5: the result is unspecified, a domain error may occur)
        return long.MinValue;
    }

    /// <summary>lrint — https://pubs.opengroup.org/onlinepubs/9699919799/functions/lrint.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "lrint")]
    public static long LRint(double x) => ToLong(Rint(x));

    /// <summary>llrint — https://pubs.opengroup.org/onlinepubs/9699919799/functions/llrint.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "llrint")]
    public static long LLRint(double x) => ToLong(Rint(x));

    /// <summary>lrintf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/lrintf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "lrintf")]
    public static long LRintF(float x) => ToLong(Rint(x));

    /// <summary>llrintf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/llrintf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "llrintf")]
    public static long LLRintF(float x) => ToLong(Rint(x));

    /// <summary>lround — https://pubs.opengroup.org/onlinepubs/9699919799/functions/lround.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "lround")]
    public static long LRound(double x) => ToLong(Round(x));

    /// <summary>llround — https://pubs.opengroup.org/onlinepubs/9699919799/functions/llround.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "llround")]
    public static long LLRound(double x) => ToLong(Round(x));

    /// <summary>lroundf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/lroundf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "lroundf")]
    public static long LRoundF(float x) => ToLong(Round(x));

    /// <summary>llroundf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/llroundf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "llroundf")]
    public static long LLRoundF(float x) => ToLong(Round(x));

    /// <summary>modf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/modf.html (the fraction keeps x's sign;
    /// ±∞ gives ±0).</summary>
    [UnmanagedCallersOnly(EntryPoint = "modf")]
    public static double ModF(double x, double* integral)
    {
        var i = Trunc(x);
        *integral = i;
        if (Bits.IsNaN(x))
            return x;
        return Bits.CopySign(Bits.IsInf(x) ? 0.0 : x - i, x);
    }

    /// <summary>modff — https://pubs.opengroup.org/onlinepubs/9699919799/functions/modff.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "modff")]
    public static float ModFF(float x, float* integral)
    {
        var i = Trunc(x);
        *integral = (float)i;
        if (x != x)
            return x;
        return (float)Bits.CopySign(Bits.IsInf(x) ? 0.0 : x - i, x);
    }

    /// <summary>x = m × 2^e with 0.5 ≤ |m| &lt; 1.</summary>
    public static double FrExp(double x, int* exponent)
    {
        var b = Bits.Of(x);
        var e = (int)((b >> 52) & 0x7FF);
        if (e == 0x7FF || (b & AbsMask) == 0)
        {
            *exponent = 0;
            return x;
        }
        var adjust = 0;
        if (e == 0)
        {
            x *= Bits.Pow2(64);
            b = Bits.Of(x);
            e = (int)((b >> 52) & 0x7FF);
            adjust = 64;
        }
        *exponent = e - 1022 - adjust;
        return Bits.From((b & ~(0x7FFUL << 52)) | (1022UL << 52));
    }

    /// <summary>frexp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/frexp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "frexp")]
    public static double FrExpE(double x, int* exponent) => FrExp(x, exponent);

    /// <summary>frexpf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/frexpf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "frexpf")]
    public static float FrExpF(float x, int* exponent) => (float)FrExp(x, exponent);

    /// <summary>x × 2^n, one rounding, ERANGE when a finite nonzero x gives ±∞ or ±0.</summary>
    public static double ScaleChecked(double x, long n)
    {
        if (!Bits.IsFinite(x) || x == 0.0)
            return x + x;
        return MathError.CheckRange(Bits.Scale(x, n));
    }

    /// <summary>The float version: exact in double (n is clamped where any float already over- or underflows), then one rounding.</summary>
    public static float ScaleCheckedF(float x, long n)
    {
        if (!Bits.IsFinite(x) || x == 0.0f)
            return x + x;
        n = n > 400 ? 400 : n < -400 ? -400 : n;
        return MathError.ToFloat(Bits.Scale(x, n));
    }

    /// <summary>ldexp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ldexp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "ldexp")]
    public static double LdExp(double x, int n) => ScaleChecked(x, n);

    /// <summary>ldexpf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ldexpf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "ldexpf")]
    public static float LdExpF(float x, int n) => ScaleCheckedF(x, n);

    /// <summary>scalbn — https://pubs.opengroup.org/onlinepubs/9699919799/functions/scalbn.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "scalbn")]
    public static double ScalBn(double x, int n) => ScaleChecked(x, n);

    /// <summary>scalbnf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/scalbnf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "scalbnf")]
    public static float ScalBnF(float x, int n) => ScaleCheckedF(x, n);

    /// <summary>scalbln — https://pubs.opengroup.org/onlinepubs/9699919799/functions/scalbln.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "scalbln")]
    public static double ScalBln(double x, long n) => ScaleChecked(x, n);

    /// <summary>scalblnf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/scalblnf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "scalblnf")]
    public static float ScalBlnF(float x, long n) => ScaleCheckedF(x, n);

    /// <summary>The unbiased exponent of a finite nonzero x (subnormals counted from their leading bit).</summary>
    public static int UnbiasedExponent(double x)
    {
        var b = Bits.Of(x);
        var e = (int)((b >> 52) & 0x7FF);
        if (e != 0)
            return e - 1023;
        return 63 - Bits.Clz(b & 0xFFFFFFFFFFFFFUL) - 1074;
    }

    /// <summary>ilogb for doubles and floats (FP_ILOGB0 / FP_ILOGBNAN / INT_MAX with EDOM and FE_INVALID, C17 7.12.6.5, F.10.3.5).</summary>
    public static int ILogB(double x)
    {
        if (x == 0.0 || Bits.IsNaN(x))
        {
            MathError.Domain();
            return x == 0.0 ? Fp.ILogB0 : Fp.ILogBNaN;
        }
        if (Bits.IsInf(x))
        {
            MathError.Domain();
            return int.MaxValue;
        }
        return UnbiasedExponent(x);
    }

    /// <summary>ilogb — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ilogb.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "ilogb")]
    public static int ILogBE(double x) => ILogB(x);

    /// <summary>ilogbf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ilogbf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "ilogbf")]
    public static int ILogBF(float x) => ILogB(x);

    /// <summary>logb: the exponent as a double; −∞ with FE_DIVBYZERO for ±0 (C17 F.10.3.11).</summary>
    public static double LogB(double x)
    {
        if (!Bits.IsFinite(x))
            return x * x;
        if (x == 0.0)
            return -1.0 / MathError.Opaque(0.0);
        return UnbiasedExponent(x);
    }

    /// <summary>logb — https://pubs.opengroup.org/onlinepubs/9699919799/functions/logb.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "logb")]
    public static double LogBE(double x) => LogB(x);

    /// <summary>logbf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/logbf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "logbf")]
    public static float LogBF(float x) => (float)LogB(x);

    /// <summary>nextafter — https://pubs.opengroup.org/onlinepubs/9699919799/functions/nextafter.html (ERANGE when a
    /// finite x steps to ±∞; a subnormal result raises FE_UNDERFLOW but leaves errno, as glibc 2.36).</summary>
    [UnmanagedCallersOnly(EntryPoint = "nextafter")]
    public static double NextAfter(double x, double y)
    {
        if (Bits.IsNaN(x) || Bits.IsNaN(y))
            return x + y;
        if (x == y)
            return y;
        ulong b;
        if (x == 0.0)
            b = (Bits.Of(y) & SignMask) | 1;
        else if ((x < y) == (x > 0))
            b = Bits.Of(x) + 1;
        else
            b = Bits.Of(x) - 1;
        var r = Bits.From(b);
        var e = (int)((b >> 52) & 0x7FF);
        if (e == 0x7FF)
            return MathError.Overflow(x < 0);
        if (e == 0)
            MathError.Opaque(MathError.Opaque(Bits.Pow2(-1022)) * Bits.Pow2(-1022)); // FE_UNDERFLOW | FE_INEXACT
        return r;
    }

    /// <summary>nextafterf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/nextafterf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "nextafterf")]
    public static float NextAfterF(float x, float y)
    {
        if (x != x || y != y)
            return x + y;
        if (x == y)
            return y;
        uint b;
        if (x == 0.0f)
            b = (Bits.Of(y) & 0x80000000u) | 1;
        else if ((x < y) == (x > 0))
            b = Bits.Of(x) + 1;
        else
            b = Bits.Of(x) - 1;
        var r = Bits.From(b);
        var e = (int)((b >> 23) & 0xFF);
        if (e == 0xFF)
            return (float)MathError.Overflow(x < 0);
        if (e == 0)
            MathError.Opaque(MathError.Opaque(Bits.Pow2(-1022)) * Bits.Pow2(-1022));
        return r;
    }

    /// <summary>fdim — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fdim.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fdim")]
    public static double FDim(double x, double y)
    {
        if (Bits.IsNaN(x) || Bits.IsNaN(y))
            return x + y;
        if (!(x > y))
            return 0.0;
        var r = x - y;
        if (Bits.IsInf(r) && Bits.IsFinite(x) && Bits.IsFinite(y))
            Errno.Errno.Set(E.RANGE);
        return r;
    }

    /// <summary>fdimf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fdimf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fdimf")]
    public static float FDimF(float x, float y)
    {
        if (x != x || y != y)
            return x + y;
        if (!(x > y))
            return 0.0f;
        return MathError.ToFloat((double)x - y);
    }

    /// <summary>The larger of x and y; a NaN loses to a number; +0 is larger than −0 (C17 F.10.9.2, note 379).</summary>
    public static double Max(double x, double y)
    {
        if (Bits.IsNaN(x))
            return y;
        if (Bits.IsNaN(y))
            return x;
        if (x == y)
            return Bits.SignBit(x) ? y : x;
        return x > y ? x : y;
    }

    public static double Min(double x, double y)
    {
        if (Bits.IsNaN(x))
            return y;
        if (Bits.IsNaN(y))
            return x;
        if (x == y)
            return Bits.SignBit(x) ? x : y;
        return x < y ? x : y;
    }

    /// <summary>fmax — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fmax.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fmax")]
    public static double FMax(double x, double y) => Max(x, y);

    /// <summary>fmaxf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fmaxf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fmaxf")]
    public static float FMaxF(float x, float y) => (float)Max(x, y);

    /// <summary>fmin — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fmin.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fmin")]
    public static double FMin(double x, double y) => Min(x, y);

    /// <summary>fminf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fminf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fminf")]
    public static float FMinF(float x, float y) => (float)Min(x, y);

    /// <summary>The payload of nan("n-char-sequence"): the sequence read as strtoull(…, 0) would, if it is all digits.</summary>
    private static ulong Payload(byte* s)
    {
        ulong v = 0;
        var radix = 10u;
        if (s[0] == '0')
        {
            radix = 8;
            s++;
            if ((*s | 32) == 'x')
            {
                radix = 16;
                s++;
            }
        }
        for (; *s != 0; s++)
        {
            uint d = *s;
            uint digit = d - '0' < 10 ? d - '0' : (d | 32) - 'a' < 6 ? (d | 32) - 'a' + 10 : 99;
            if (digit >= radix)
                return 0;
            v = v * radix + digit;
        }
        return v;
    }

    /// <summary>nan — https://pubs.opengroup.org/onlinepubs/9699919799/functions/nan.html (a quiet NaN; the sequence,
    /// if it is a number, is the payload, as strtod("NAN(…)") takes it).</summary>
    [UnmanagedCallersOnly(EntryPoint = "nan")]
    public static double Nan(byte* tag) => Bits.From(0x7FF8000000000000UL | (Payload(tag) & 0x7FFFFFFFFFFFFUL));

    /// <summary>nanf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/nanf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "nanf")]
    public static float NanF(byte* tag) => Bits.From(0x7FC00000u | (uint)(Payload(tag) & 0x3FFFFF));
}

/// <summary>The FP_ values of math.h: fpclassify's results and ilogb's special results (glibc's values on each architecture).</summary>
public static class Fp
{
    public const int NAN = 0, INFINITE = 1, ZERO = 2, SUBNORMAL = 3, NORMAL = 4;
#if VERIDIAN_X86_64
    public const int ILogB0 = -2147483647 - 1, ILogBNaN = -2147483647 - 1;
#else
    public const int ILogB0 = -2147483647, ILogBNaN = 2147483647;
#endif
}
