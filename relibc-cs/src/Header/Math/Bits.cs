namespace Relibc.Header.Math;

/// <summary>
/// The bit-level helpers of libm: IEEE 754 binary64/binary32 fields, exact powers of two, and the error-free
/// transformations (Dekker's product, Knuth's sum) the elementary functions use for their extra precision. No FMA is
/// assumed (the x86_64 baseline has none), so products are split with Veltkamp's constant 2^27 + 1.
/// </summary>
public static unsafe class Bits
{
    public const double Inf = 1.0 / 0.0;

    public static ulong Of(double x) => *(ulong*)&x;

    public static double From(ulong bits) => *(double*)&bits;

    public static uint Of(float x) => *(uint*)&x;

    public static float From(uint bits) => *(float*)&bits;

    /// <summary>The high 32 bits of a double (sign, exponent and the top 20 fraction bits).</summary>
    public static uint High(double x) => (uint)(Of(x) >> 32);

    /// <summary>2^n for -1022 ≤ n ≤ 1023 (a normal double, exact).</summary>
    public static double Pow2(int n) => From((ulong)(uint)(n + 1023) << 52);

    public static bool IsNaN(double x) => (Of(x) & 0x7FFFFFFFFFFFFFFFUL) > 0x7FF0000000000000UL;

    public static bool IsInf(double x) => (Of(x) & 0x7FFFFFFFFFFFFFFFUL) == 0x7FF0000000000000UL;

    public static bool IsFinite(float x) => (Of(x) & 0x7FFFFFFFu) < 0x7F800000u;

    public static bool IsFinite(double x) => (Of(x) & 0x7FFFFFFFFFFFFFFFUL) < 0x7FF0000000000000UL;

    public static bool SignBit(double x) => (long)Of(x) < 0;

    public static double Abs(double x) => From(Of(x) & 0x7FFFFFFFFFFFFFFFUL);

    public static double CopySign(double x, double y) => From((Of(x) & 0x7FFFFFFFFFFFFFFFUL) | (Of(y) & 0x8000000000000000UL));

    /// <summary>Finite nonzero |x| = m × 2^e with 2^52 ≤ m &lt; 2^53 (subnormals normalised): the integer view fma and the remainders work in.</summary>
    public static void Split(double x, out ulong m, out int e)
    {
        var b = Of(x);
        var field = (int)((b >> 52) & 0x7FF);
        m = b & 0xFFFFFFFFFFFFFUL;
        if (field == 0)
        {
            var shift = Clz(m) - 11;
            m <<= shift;
            e = -1074 - shift;
        }
        else
        {
            m |= 1UL << 52;
            e = field - 1075;
        }
    }

    /// <summary>The biased exponent field.</summary>
    public static int Exponent(double x) => (int)(Of(x) >> 52) & 0x7FF;

    /// <summary>x with its low 27 bits cleared: an exact "head" whose products with another head are exact.</summary>
    public static double Head(double x) => From(Of(x) & 0xFFFFFFFFF8000000UL);

    /// <summary>Knuth's TwoSum: s + e = a + b exactly, s = fl(a + b) (round to nearest).</summary>
    public static double TwoSum(double a, double b, out double e)
    {
        var s = a + b;
        var bb = s - a;
        e = (a - (s - bb)) + (b - bb);
        return s;
    }

    /// <summary>Fast TwoSum for |a| ≥ |b|.</summary>
    public static double FastTwoSum(double a, double b, out double e)
    {
        var s = a + b;
        e = b - (s - a);
        return s;
    }

    /// <summary>Dekker's TwoProduct: p + e = a × b exactly when no intermediate over- or underflows (|a|,|b| &lt; 2^996).</summary>
    public static double TwoProd(double a, double b, out double e)
    {
        var p = a * b;
        var ca = 134217729.0 * a;
        var ah = ca - (ca - a);
        var al = a - ah;
        var cb = 134217729.0 * b;
        var bh = cb - (cb - b);
        var bl = b - bh;
        e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
        return p;
    }

    /// <summary>The 128-bit product of two 64-bit integers.</summary>
    public static ulong Mul128(ulong a, ulong b, out ulong low)
    {
        ulong a0 = (uint)a, a1 = a >> 32, b0 = (uint)b, b1 = b >> 32;
        var p00 = a0 * b0;
        var p01 = a0 * b1;
        var p10 = a1 * b0;
        var p11 = a1 * b1;
        var mid = (p00 >> 32) + (uint)p01 + (uint)p10;
        low = (mid << 32) | (uint)p00;
        return p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    }

    /// <summary>Number of leading zero bits of a nonzero 64-bit integer.</summary>
    public static int Clz(ulong x)
    {
        var n = 0;
        if ((x & 0xFFFFFFFF00000000UL) == 0) { n += 32; x <<= 32; }
        if ((x & 0xFFFF000000000000UL) == 0) { n += 16; x <<= 16; }
        if ((x & 0xFF00000000000000UL) == 0) { n += 8; x <<= 8; }
        if ((x & 0xF000000000000000UL) == 0) { n += 4; x <<= 4; }
        if ((x & 0xC000000000000000UL) == 0) { n += 2; x <<= 2; }
        if ((x & 0x8000000000000000UL) == 0) n += 1;
        return n;
    }

    /// <summary>x × 2^n with one rounding (the scalbn algorithm: exact steps first, then the only inexact one).</summary>
    public static double Scale(double x, long n)
    {
        if (n > 1023)
        {
            x *= Pow2(1023);
            n -= 1023;
            if (n > 1023)
            {
                x *= Pow2(1023);
                n -= 1023;
                if (n > 1023)
                    n = 1023;
            }
        }
        else if (n < -1022)
        {
            // 2^-969 keeps 53 bits above the subnormal range, so only the last multiplication rounds.
            x *= Pow2(-1022 + 53);
            n += 1022 - 53;
            if (n < -1022)
            {
                x *= Pow2(-1022 + 53);
                n += 1022 - 53;
                if (n < -1022)
                    n = -1022;
            }
        }
        return x * Pow2((int)n);
    }
}

/// <summary>
/// The errors of C17 7.12.1 as math_errhandling = MATH_ERRNO | MATH_ERREXCEPT says (both): a domain error sets errno
/// to EDOM and raises FE_INVALID, a pole error and an overflow or underflow set ERANGE and raise FE_DIVBYZERO,
/// FE_OVERFLOW or FE_UNDERFLOW. The exceptions come from a real operation on an operand the optimiser cannot see
/// (<see cref="Opaque"/>), so the hardware raises them exactly as it would for the arithmetic.
/// </summary>
public static unsafe class MathError
{
    /// <summary>x, hidden from constant folding (an empty asm that returns its input).</summary>
    public static double Opaque(double x) => Bits.From((ulong)Veridian.Intrinsics.Cpu.AsmResult("", "=r,0", (nuint)Bits.Of(x)));

    public static double Domain()
    {
        Errno.Errno.Set(Errno.E.DOM);
        var z = Opaque(0.0);
        return z / z;
    }

    /// <summary>A pole (log(0), 1/0 …): ±∞ with FE_DIVBYZERO.</summary>
    public static double Pole(bool negative)
    {
        Errno.Errno.Set(Errno.E.RANGE);
        return (negative ? -1.0 : 1.0) / Opaque(0.0);
    }

    /// <summary>Overflow: ±∞ in round-to-nearest, or ±DBL_MAX in the directed modes that round towards zero.</summary>
    public static double Overflow(bool negative)
    {
        Errno.Errno.Set(Errno.E.RANGE);
        var h = Opaque(negative ? -Bits.Pow2(1023) : Bits.Pow2(1023));
        return h * Bits.Pow2(1023);
    }

    /// <summary>Underflow to zero: ±0 (or ±the smallest subnormal in the modes that round away from zero).</summary>
    public static double Underflow(bool negative)
    {
        Errno.Errno.Set(Errno.E.RANGE);
        var t = Opaque(negative ? -Bits.Pow2(-1022) : Bits.Pow2(-1022));
        return t * Bits.Pow2(-1022);
    }

    /// <summary>ERANGE if a result computed from finite arguments is infinite, or zero/subnormal from a nonzero exact value.</summary>
    public static double CheckRange(double r)
    {
        if (!Bits.IsFinite(r) || r == 0.0)
            Errno.Errno.Set(Errno.E.RANGE);
        return r;
    }

    /// <summary>
    /// A float result from the double <paramref name="d"/> that the float function computed: one rounding, and ERANGE
    /// when the rounding overflows to ∞ or underflows to 0 (the double itself was finite and nonzero).
    /// </summary>
    public static float ToFloat(double d)
    {
        var f = (float)d;
        if (Bits.IsFinite(d) && d != 0.0 && (f == 0.0f || !Bits.IsFinite(f)))
            Errno.Errno.Set(Errno.E.RANGE);
        return f;
    }
}
