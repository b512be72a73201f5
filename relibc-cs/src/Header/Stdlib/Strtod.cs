using System.Runtime.InteropServices;
using Relibc.Header.Errno;

namespace Relibc.Header.Stdlib;

/// <summary>
/// strtod, strtof, atof (C17 7.22.1.3, F.5): correctly rounded, half to even. A decimal input is D × 10^k with D an
/// integer of at most 800 significant digits (more only matter as "something nonzero follows", kept as a sticky bit:
/// the midpoint of two doubles has at most 767 significant digits). For k ≥ 0 the value is the integer D × 10^k; for
/// k &lt; 0 it is the 64-bit quotient of D × 2^s by 10^-k with a sticky remainder bit. Either way one rounding to the
/// target format follows. Small inputs (≤ 15 digits, |k| ≤ 22) take the exact fast path of double arithmetic.
/// </summary>
public static unsafe class Strtod
{
    private const int MaxDigits = 800;
    private const int Words = 260; // 8,320 bits: 10^1130 × 2^64 and the 800-digit numerator both fit

    /// <summary>strtod — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strtod.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strtod")]
    public static double StrToD(byte* s, byte** end)
    {
        var bits = Parse(s, end, 52, 1023);
        return *(double*)&bits;
    }

    /// <summary>strtof — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strtof.html (rounded once, straight to float).</summary>
    [UnmanagedCallersOnly(EntryPoint = "strtof")]
    public static float StrToF(byte* s, byte** end)
    {
        var bits = (uint)Parse(s, end, 23, 127);
        return *(float*)&bits;
    }

    /// <summary>atof — https://pubs.opengroup.org/onlinepubs/9699919799/functions/atof.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "atof")]
    public static double AtoF(byte* s)
    {
        var saved = Errno.Errno.Value;
        var bits = Parse(s, null, 52, 1023);
        Errno.Errno.Set(saved);
        return *(double*)&bits;
    }

    private static bool Is(byte* p, byte* word, int n)
    {
        for (var i = 0; i < n; i++)
        {
            if ((p[i] | 32) != word[i])
                return false;
        }
        return true;
    }

    /// <summary>
    /// The bits of the result in a binary format with <paramref name="fractionBits"/> stored fraction bits and a
    /// maximum exponent of <paramref name="maxExponent"/> (52/1023 double, 23/127 float).
    /// </summary>
    internal static ulong Parse(byte* s, byte** end, int fractionBits, int maxExponent)
    {
        var p = s;
        while (Ctype.Ctype.Space(*p))
            p++;
        var negative = false;
        if (*p == '+' || *p == '-')
            negative = *p++ == '-';
        var signBit = negative ? 1UL << (fractionBits + (maxExponent == 1023 ? 11 : 8)) : 0;
        var exponentField = maxExponent == 1023 ? 0x7FFUL : 0xFFUL;
        fixed (byte* inf = "infinity"u8)
        fixed (byte* nan = "nan"u8)
        {
            if (Is(p, inf, 3))
            {
                p += Is(p, inf, 8) ? 8 : 3;
                if (end != null)
                    *end = p;
                return signBit | (exponentField << fractionBits);
            }
            if (Is(p, nan, 3))
            {
                p += 3;
                if (*p == '(')
                {
                    var q = p + 1;
                    while ((uint)((*q | 32) - 'a') < 26 || (uint)(*q - '0') < 10 || *q == '_')
                        q++;
                    if (*q == ')')
                        p = q + 1;
                }
                if (end != null)
                    *end = p;
                return signBit | (exponentField << fractionBits) | (1UL << (fractionBits - 1));
            }
        }
        if (p[0] == '0' && (p[1] | 32) == 'x' && (IsHex(p[2]) || (p[2] == '.' && IsHex(p[3]))))
            return signBit | Hex(p + 2, end, fractionBits, maxExponent);

        // Decimal: significant digits (leading zeros skipped), the point, an exponent.
        var digits = stackalloc byte[MaxDigits];
        var count = 0;
        var sticky = false;
        var anyDigit = false;
        var exponent = 0L; // the value is 0.digits… scaled: D × 10^exponent after the loop
        var sawPoint = false;
        for (; ; p++)
        {
            if (*p == '.' && !sawPoint)
            {
                sawPoint = true;
                continue;
            }
            if ((uint)(*p - '0') >= 10)
                break;
            anyDigit = true;
            var d = (byte)(*p - '0');
            if (count == 0 && d == 0)
            {
                if (sawPoint)
                    exponent--;
                continue;
            }
            if (count < MaxDigits)
            {
                digits[count++] = d;
                if (sawPoint)
                    exponent--;
            }
            else
            {
                sticky |= d != 0;
                if (!sawPoint)
                    exponent++;
            }
        }
        if (!anyDigit)
        {
            if (end != null)
                *end = s;
            return 0;
        }
        if ((*p | 32) == 'e')
            exponent += Exponent(ref p);
        if (end != null)
            *end = p;
        while (count > 0 && digits[count - 1] == 0)
        {
            count--;
            exponent++;
        }
        if (count == 0)
            return signBit; // ±0, exactly
        // Far outside the range: overflow to infinity, or underflow to zero.
        if (count + exponent > 330)
            return signBit | RangeError(exponentField << fractionBits);
        if (count + exponent < -360)
            return signBit | RangeError(0);
        var result = Decimal(digits, count, (int)exponent, sticky, fractionBits, maxExponent);
        return signBit | result;
    }

    /// <summary>
    /// The exponent after 'e' or 'p' at <paramref name="p"/>: an optional sign and decimal digits (saturating far beyond
    /// any format's range). Without a digit it is 0 and <paramref name="p"/> stays on the letter, which is then not consumed.
    /// </summary>
    private static long Exponent(ref byte* p)
    {
        var q = p + 1;
        var negative = false;
        if (*q == '+' || *q == '-')
            negative = *q++ == '-';
        if ((uint)(*q - '0') >= 10)
            return 0;
        long e = 0;
        for (; (uint)(*q - '0') < 10; q++)
        {
            if (e < 100000000)
                e = e * 10 + (*q - '0');
        }
        p = q;
        return negative ? -e : e;
    }

    private static ulong RangeError(ulong bits)
    {
        Errno.Errno.Set(E.RANGE);
        return bits;
    }

    private static bool IsHex(byte c) => (uint)(c - '0') < 10 || (uint)((c | 32) - 'a') < 6;

    private static int HexValue(byte c) => (uint)(c - '0') < 10 ? c - '0' : (c | 32) - 'a' + 10;

    /// <summary>A hexadecimal float after its "0x": up to 16 significant hex digits exactly, the rest as sticky, then 'p' and a binary exponent.</summary>
    private static ulong Hex(byte* p, byte** end, int fractionBits, int maxExponent)
    {
        ulong mantissa = 0;
        var significant = 0;
        var sticky = false;
        long exponent = 0;
        var sawPoint = false;
        for (; ; p++)
        {
            if (*p == '.' && !sawPoint)
            {
                sawPoint = true;
                continue;
            }
            if (!IsHex(*p))
                break;
            var v = (ulong)HexValue(*p);
            if (significant == 0 && v == 0)
            {
                if (sawPoint)
                    exponent -= 4;
                continue;
            }
            if (significant < 16)
            {
                mantissa = (mantissa << 4) | v;
                significant++;
                if (sawPoint)
                    exponent -= 4;
            }
            else
            {
                sticky |= v != 0;
                if (!sawPoint)
                    exponent += 4;
            }
        }
        if ((*p | 32) == 'p')
            exponent += Exponent(ref p);
        if (end != null)
            *end = p;
        if (mantissa == 0)
            return 0;
        if (exponent > 100000)
            return RangeError((maxExponent == 1023 ? 0x7FFUL : 0xFFUL) << fractionBits);
        if (exponent < -100000)
            return RangeError(0);
        return Round(mantissa, (int)exponent, sticky, fractionBits, maxExponent);
    }

    /// <summary>D × 10^k, D given by its decimal digits, correctly rounded.</summary>
    private static ulong Decimal(byte* digits, int count, int k, bool sticky, int fractionBits, int maxExponent)
    {
        // Exact fast path: D and 10^|k| are both exact doubles, so one IEEE operation rounds once (doubles only).
        if (!sticky && count <= 15 && k >= -22 && k <= 22 && maxExponent == 1023)
        {
            double d = 0;
            for (var i = 0; i < count; i++)
                d = d * 10 + digits[i];
            double scale = 1;
            for (var i = 0; i < (k < 0 ? -k : k); i++)
                scale *= 10;
            var r = k < 0 ? d / scale : d * scale;
            return *(ulong*)&r;
        }
        var n = stackalloc uint[Words];
        var nWords = 0;
        for (var i = 0; i < count; i++)
            nWords = MulAdd(n, nWords, 10, digits[i]);
        if (k >= 0)
        {
            for (var i = 0; i < k; i++)
                nWords = MulAdd(n, nWords, 10, 0);
            // The value is the integer N: its top 64 bits, the rest as sticky.
            var bitLength = BitLength(n, nWords);
            var shift = bitLength - 64;
            ulong top;
            if (shift <= 0)
            {
                top = nWords > 1 ? ((ulong)n[1] << 32) | n[0] : n[0];
                shift = 0;
            }
            else
            {
                top = ExtractBits(n, shift, 64);
                sticky |= AnyBitsBelow(n, shift);
            }
            return Round(top, shift, sticky, fractionBits, maxExponent);
        }
        // k < 0: q = floor(N × 2^s / 10^-k) with 2^62 ≤ q < 2^64, sticky = remainder ≠ 0. When N is already the larger
        // (s < 0, many digits), the divisor is scaled by 2^-s instead.
        var m = stackalloc uint[Words];
        m[0] = 1;
        var mWords = 1;
        for (var i = 0; i < -k; i++)
            mWords = MulAdd(m, mWords, 10, 0);
        var s = BitLength(m, mWords) - BitLength(n, nWords) + 63;
        if (s > 0)
            nWords = ShiftLeft(n, nWords, s);
        else if (s < 0)
            mWords = ShiftLeft(m, mWords, -s);
        var quotient = Divide(n, nWords, m, mWords, out var remainderNonZero);
        sticky |= remainderNonZero;
        var e2 = -s;
        return Round(quotient, e2, sticky, fractionBits, maxExponent);
    }

    /// <summary>
    /// Rounds q × 2^e2 (plus "a little more" when <paramref name="sticky"/>) to the binary format, half to even,
    /// with subnormals, overflow to infinity (ERANGE) and underflow (ERANGE when the result is tiny and inexact).
    /// </summary>
    private static ulong Round(ulong q, int e2, bool sticky, int fractionBits, int maxExponent)
    {
        var precision = fractionBits + 1;
        var minExponent = 1 - maxExponent;
        var lz = LeadingZeros(q);
        q <<= lz;
        e2 -= lz;
        var exponent = e2 + 63; // the value is in [2^exponent, 2^(exponent+1))
        if (exponent > maxExponent)
            return RangeError(((ulong)(2 * maxExponent + 1)) << fractionBits);
        var keep = exponent >= minExponent ? precision : precision - (minExponent - exponent);
        if (keep < 0)
            return RangeError(0);
        var drop = 64 - keep;
        ulong mantissa, rest, half;
        if (drop == 64)
        {
            mantissa = 0;
            rest = q;
            half = 1UL << 63;
        }
        else
        {
            mantissa = q >> drop;
            rest = q & ((1UL << drop) - 1);
            half = 1UL << (drop - 1);
        }
        var inexact = rest != 0 || sticky;
        if (rest > half || (rest == half && (sticky || (mantissa & 1) != 0)))
            mantissa++;
        if (exponent < minExponent || (mantissa >> fractionBits) == 0)
        {
            // Subnormal (or rounded up into the smallest normal: the bit pattern carries over by itself).
            if (inexact && (mantissa >> fractionBits) == 0)
                Errno.Errno.Set(E.RANGE);
            return mantissa;
        }
        if ((mantissa >> precision) != 0)
        {
            mantissa >>= 1;
            exponent++;
            if (exponent > maxExponent)
                return RangeError(((ulong)(2 * maxExponent + 1)) << fractionBits);
        }
        return ((ulong)(exponent + maxExponent) << fractionBits) | (mantissa & ((1UL << fractionBits) - 1));
    }

    private static int LeadingZeros(ulong v)
    {
        var n = 0;
        while ((v & (1UL << 63)) == 0)
        {
            v <<= 1;
            n++;
        }
        return n;
    }

    /// <summary>a = a × factor + add on a little-endian array of 32-bit words; returns the new word count (also used by printf's <see cref="Stdio.FloatFormat"/>).</summary>
    internal static int MulAdd(uint* a, int words, uint factor, uint add)
    {
        ulong carry = add;
        for (var i = 0; i < words; i++)
        {
            var cur = (ulong)a[i] * factor + carry;
            a[i] = (uint)cur;
            carry = cur >> 32;
        }
        if (carry != 0)
            a[words++] = (uint)carry;
        return words;
    }

    private static int BitLength(uint* a, int words)
    {
        if (words == 0)
            return 0;
        var top = a[words - 1];
        var bits = 0;
        while (top != 0)
        {
            bits++;
            top >>= 1;
        }
        return (words - 1) * 32 + bits;
    }

    private static ulong ExtractBits(uint* a, int from, int count)
    {
        ulong v = 0;
        for (var i = count - 1; i >= 0; i--)
        {
            var bit = from + i;
            v = (v << 1) | ((a[bit >> 5] >> (bit & 31)) & 1);
        }
        return v;
    }

    private static bool AnyBitsBelow(uint* a, int bit)
    {
        for (var w = 0; w < bit >> 5; w++)
        {
            if (a[w] != 0)
                return true;
        }
        return (bit & 31) != 0 && (a[bit >> 5] & ((1u << (bit & 31)) - 1)) != 0;
    }

    private static int ShiftLeft(uint* a, int words, int shift)
    {
        var wordShift = shift >> 5;
        var bitShift = shift & 31;
        var total = words + wordShift + 1;
        for (var i = total - 1; i >= 0; i--)
        {
            var src = i - wordShift;
            ulong hi = src >= 0 && src < words ? a[src] : 0u;
            ulong lo = src - 1 >= 0 && src - 1 < words ? a[src - 1] : 0u;
            a[i] = bitShift == 0 ? (uint)hi : (uint)((hi << bitShift) | (lo >> (32 - bitShift)));
        }
        while (total > 0 && a[total - 1] == 0)
            total--;
        return total;
    }

    /// <summary>floor(n / m) when it fits 64 bits (the caller scales so it does), by shift-and-subtract; n is consumed.</summary>
    private static ulong Divide(uint* n, int nWords, uint* m, int mWords, out bool remainderNonZero)
    {
        var r = stackalloc uint[Words];
        var rWords = 0;
        ulong q = 0;
        for (var bit = BitLength(n, nWords) - 1; bit >= 0; bit--)
        {
            rWords = ShiftLeft(r, rWords, 1);
            if (((n[bit >> 5] >> (bit & 31)) & 1) != 0)
            {
                if (rWords == 0)
                    rWords = 1;
                r[0] |= 1;
            }
            q <<= 1;
            if (Compare(r, rWords, m, mWords) >= 0)
            {
                rWords = Subtract(r, rWords, m, mWords);
                q |= 1;
            }
        }
        remainderNonZero = rWords != 0;
        return q;
    }

    private static int Compare(uint* a, int aWords, uint* b, int bWords)
    {
        if (aWords != bWords)
            return aWords < bWords ? -1 : 1;
        for (var i = aWords - 1; i >= 0; i--)
        {
            if (a[i] != b[i])
                return a[i] < b[i] ? -1 : 1;
        }
        return 0;
    }

    private static int Subtract(uint* a, int aWords, uint* b, int bWords)
    {
        long borrow = 0;
        for (var i = 0; i < aWords; i++)
        {
            var cur = (long)a[i] - (i < bWords ? b[i] : 0) - borrow;
            borrow = cur < 0 ? 1 : 0;
            a[i] = (uint)cur;
        }
        while (aWords > 0 && a[aWords - 1] == 0)
            aWords--;
        return aWords;
    }
}
