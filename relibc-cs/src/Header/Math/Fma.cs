using System.Runtime.InteropServices;
using Relibc.Header.Errno;

namespace Relibc.Header.Math;

/// <summary>
/// fma and hypot: results that need more than double precision in between. fma is exact integer arithmetic (the
/// 106-bit product and the addend aligned in 128 bits, a sticky bit for what an alignment shift drops), rounded to
/// odd at 62 bits; the hardware then rounds that once more, in the current direction, which gives the correctly
/// rounded result in every mode (rounding to odd with ≥ 2 extra bits is innocuous). The x86_64 baseline has no
/// FMA instruction, so this is the function on every architecture.
/// </summary>
public static unsafe class Fma
{
    /// <summary>(hi, lo) >> n for 0 ≤ n, with <paramref name="sticky"/> set if a 1 bit is dropped.</summary>
    private static void ShiftRight(ref ulong hi, ref ulong lo, int n, ref bool sticky)
    {
        if (n == 0)
            return;
        if (n >= 128)
        {
            sticky |= (hi | lo) != 0;
            hi = lo = 0;
            return;
        }
        if (n >= 64)
        {
            sticky |= lo != 0 || (n > 64 && (hi << (128 - n)) != 0);
            lo = n == 64 ? hi : hi >> (n - 64);
            hi = 0;
            return;
        }
        sticky |= (lo << (64 - n)) != 0;
        lo = (lo >> n) | (hi << (64 - n));
        hi >>= n;
    }

    private static int TopBit(ulong hi, ulong lo) => 127 - Relibc.Builtins.Wide.LeadingZeros(lo, hi);

    /// <summary>x × y + z rounded once.</summary>
    public static double Fused(double x, double y, double z)
    {
        if (!Bits.IsFinite(x) || !Bits.IsFinite(y))
            return x * y + z;
        if (!Bits.IsFinite(z))
            return z + z;
        if (x == 0.0 || y == 0.0)
            return x * y + z; // the product is an exact zero: one rounding, with IEEE's signed-zero rules
        if (z == 0.0)
            return x * y;
        Bits.Split(x, out var mx, out var ex);
        Bits.Split(y, out var my, out var ey);
        Bits.Split(z, out var mz, out var ez);
        var negP = Bits.SignBit(x) != Bits.SignBit(y);
        var negZ = Bits.SignBit(z);

        // Both operands with their leading bit at bit 125 (two bits of headroom for the carry of a sum).
        var ph = Bits.Mul128(mx, my, out var pl);
        var shiftP = 125 - TopBit(ph, pl);
        Relibc.Builtins.Wide.ShiftLeft(ref pl, ref ph, shiftP);
        var eP = ex + ey - shiftP;
        ZAt125(mz, out var zh, out var zl);
        var eZ = ez - 73;

        ulong ah, al, bh, bl;
        int eA, eB;
        bool negA, negB;
        if (eP > eZ || (eP == eZ && (ph > zh || (ph == zh && pl >= zl))))
        {
            ah = ph; al = pl; eA = eP; negA = negP;
            bh = zh; bl = zl; eB = eZ; negB = negZ;
        }
        else
        {
            ah = zh; al = zl; eA = eZ; negA = negZ;
            bh = ph; bl = pl; eB = eP; negB = negP;
        }
        var sticky = false;
        var d = eA - eB;
        ShiftRight(ref bh, ref bl, d > 200 ? 200 : d, ref sticky);
        ulong rh, rl;
        if (negA == negB)
        {
            rl = al + bl;
            rh = ah + bh + (rl < al ? 1UL : 0);
        }
        else
        {
            // |A| ≥ |B|: the exact difference is A − B − (a fraction in (0, 1) if sticky), whose floor is A − B − 1.
            rl = al - bl;
            rh = ah - bh - (al < bl ? 1UL : 0);
            if (sticky)
            {
                rh -= rl == 0 ? 1UL : 0;
                rl--;
            }
        }
        if ((rh | rl) == 0)
            return z - z; // exact cancellation: +0, or −0 when rounding downward (IEEE 754 6.3)

        // Round to odd at 62 bits: m = the top 62 bits, its last bit set if anything below was nonzero.
        var t = TopBit(rh, rl);
        var lsb = eA;
        if (t > 61)
        {
            ShiftRight(ref rh, ref rl, t - 61, ref sticky);
            lsb += t - 61;
        }
        else
        {
            Relibc.Builtins.Wide.ShiftLeft(ref rl, ref rh, 61 - t);
            lsb -= 61 - t;
        }
        var m = rl | (sticky ? 1UL : 0);
        var top = lsb + 61;
        if (top >= -1022)
        {
            // A normal (or overflowing) result: the conversion is the one rounding; the scaling is exact or overflows.
            var v = (double)(negA ? -(long)m : (long)m);
            return Bits.Scale(v, lsb);
        }
        // Subnormal: keep two bits below 2^-1074 (rounded to odd), round them off with one addition at a scale where
        // the ulp is 4 (C ± V, |C| = 2^54), then scale exactly.
        var drop = -1076 - lsb;
        if (drop >= 64)
            m = 1;
        else
        {
            var lost = (m & ((1UL << drop) - 1)) != 0;
            m = (m >> drop) | (lost ? 1UL : 0);
        }
        var c = negA ? -18014398509481984.0 : 18014398509481984.0;
        var vh = (double)(long)(m & ~3UL);
        var vl = (double)(long)(m & 3UL);
        if (negA)
        {
            vh = -vh;
            vl = -vl;
        }
        var rounded = ((c + vh) + vl) - c;
        if ((m & 3) != 0)
            MathError.Opaque(MathError.Opaque(Bits.Pow2(-1022)) * Bits.Pow2(-1022)); // FE_UNDERFLOW | FE_INEXACT
        return rounded * Bits.Pow2(-1022) * Bits.Pow2(-54);
    }

    /// <summary>mz (53 bits) shifted left by 73: its leading bit at bit 125 of (hi, lo).</summary>
    private static void ZAt125(ulong mz, out ulong hi, out ulong lo)
    {
        hi = mz << 9;
        lo = 0;
    }

    /// <summary>fma — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fma.html (exact, every rounding direction).</summary>
    [UnmanagedCallersOnly(EntryPoint = "fma")]
    public static double FmaE(double x, double y, double z) => Fused(x, y, z);

    /// <summary>fmaf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fmaf.html: the product of two floats is
    /// exact in double; the sum is rounded to odd in double (Knuth's TwoSum gives its error), then once to float.</summary>
    [UnmanagedCallersOnly(EntryPoint = "fmaf")]
    public static float FmaF(float x, float y, float z)
    {
        var p = (double)x * y;
        if (!Bits.IsFinite(p) || !Bits.IsFinite(z) || z == 0.0f || p == 0.0)
            return (float)(p + z);
        if (Fenv.Fenv.Rounding() != Fenv.Fe.ToNearest)
            return (float)Fused(x, y, z); // directed modes: TwoSum is exact only when rounding to nearest
        var s = Bits.TwoSum(p, z, out var err);
        var b = Bits.Of(s);
        if (err != 0.0 && (b & 1) == 0)
            b = (err > 0) == (s > 0) ? b + 1 : b - 1;
        return (float)Bits.From(b);
    }

    /// <summary>√(x² + y²) for |x| ≥ |y| > 0 scaled to [1, 2): the sum of squares in double-double, then one Newton
    /// correction of the square root against it.</summary>
    public static double Hypot(double x, double y)
    {
        if (Bits.IsInf(x) || Bits.IsInf(y))
            return Bits.Inf;
        if (Bits.IsNaN(x) || Bits.IsNaN(y))
            return x + y;
        var a = Bits.Abs(x);
        var b = Bits.Abs(y);
        if (a < b)
        {
            var t = a;
            a = b;
            b = t;
        }
        if (b == 0.0)
            return a;
        var k = Exact.UnbiasedExponent(a);
        if (k - Exact.UnbiasedExponent(b) > 60)
            return a + b; // b² is below half an ulp of a²
        a = Bits.Scale(a, -k);
        b = Bits.Scale(b, -k);
        var a2 = Bits.TwoProd(a, a, out var a2l);
        var b2 = Bits.TwoProd(b, b, out var b2l);
        var sh = Bits.TwoSum(a2, b2, out var e);
        var sl = e + a2l + b2l;
        var r = System.Math.Sqrt(sh);
        var r2 = Bits.TwoProd(r, r, out var r2l);
        r += ((sh - r2) - r2l + sl) / (2.0 * r);
        var result = Bits.Scale(r, k);
        if (Bits.IsInf(result))
            Errno.Errno.Set(E.RANGE);
        return result;
    }

    /// <summary>hypot — https://pubs.opengroup.org/onlinepubs/9699919799/functions/hypot.html (ERANGE on overflow).</summary>
    [UnmanagedCallersOnly(EntryPoint = "hypot")]
    public static double HypotE(double x, double y) => Hypot(x, y);

    /// <summary>hypotf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/hypotf.html (squares exact in double).</summary>
    [UnmanagedCallersOnly(EntryPoint = "hypotf")]
    public static float HypotF(float x, float y)
    {
        if (Bits.IsInf(x) || Bits.IsInf(y))
            return (float)Bits.Inf;
        if (x != x || y != y)
            return x + y;
        return MathError.ToFloat(System.Math.Sqrt((double)x * x + (double)y * y));
    }
}
