namespace Relibc.Header.Stdio;

/// <summary>
/// The floating conversions of printf, exact (C17 7.21.6.1p8, F.5: correctly rounded in the current rounding mode,
/// which relibc-cs keeps at round-to-nearest-even). A double is m × 2^e with an integer m; its decimal expansion is
/// finite: the digits of m × 2^e when e ≥ 0, else of m × 5^-e with the point -e places from the right. Those digits
/// are computed with a small big-integer (at most 2,550 bits: 5^1074 × 2^53), then rounded once, at the digit the
/// conversion asks for, half to even. %a works on the bits directly.
/// </summary>
internal static unsafe class FloatFormat
{
    private const int Minus = Printf.Minus, Plus = Printf.Plus, Space = Printf.Space, Alt = Printf.Alt, Zero = Printf.Zero;
    private const int MaxWords = 90;    // 2,880 bits
    private const int MaxDigits = 800;  // 5^1074 × 2^53 has 767 decimal digits

    /// <summary>Formats <paramref name="value"/> for conversion <paramref name="conversion"/> (f F e E g G a A).</summary>
    public static void Format(ref Sink sink, double value, byte conversion, int flags, int width, int precision)
    {
        var bits = *(ulong*)&value;
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xFFFFFFFFFFFFFUL;
        // The longest body: 309 integer digits, the point, the precision's digits, an exponent.
        var needed = 320 + (precision > 0 ? (nuint)precision : 0);
        var onStack = stackalloc byte[MaxDigits + 400];
        var output = needed <= MaxDigits + 400 ? onStack : (byte*)Stdlib.Malloc.Allocate(needed, 16);
        if (output == null)
        {
            sink.Failed = true;
            return;
        }
        FormatInto(ref sink, output, bits, exponentBits, fraction, conversion, flags, width, precision);
        if (output != onStack)
            Stdlib.Malloc.Free(output);
    }

    private static void FormatInto(ref Sink sink, byte* output, ulong bits, int exponentBits, ulong fraction, byte conversion, int flags, int width, int precision)
    {
        var negative = (bits >> 63) != 0;
        byte sign = negative ? (byte)'-' : (flags & Plus) != 0 ? (byte)'+' : (flags & Space) != 0 ? (byte)' ' : (byte)0;
        var upper = conversion is (byte)'F' or (byte)'E' or (byte)'G' or (byte)'A';
        if (exponentBits == 0x7FF)
        {
            // inf / nan: no zero padding (7.21.6.1p6 applies '0' to numbers only).
            var text = fraction == 0 ? (upper ? "INF"u8 : "inf"u8) : (upper ? "NAN"u8 : "nan"u8);
            for (var i = 0; i < 3; i++)
                output[i] = text[i];
            Emit(ref sink, flags & ~Zero, width, sign, null, 0, output, 3);
            return;
        }
        var lower = conversion | 32;
        if (lower == 'a')
        {
            Hex(ref sink, exponentBits, fraction, sign, upper, flags, width, precision, output);
            return;
        }
        if (precision < 0)
            precision = 6;

        // The exact decimal digits: value = 0.d0 d1 … × 10^point.
        var digits = stackalloc byte[MaxDigits];
        int count, point;
        if (exponentBits == 0 && fraction == 0)
        {
            count = 0;
            point = 1;
        }
        else
        {
            var m = exponentBits == 0 ? fraction : fraction | (1UL << 52);
            var e = (exponentBits == 0 ? 1 : exponentBits) - 1075;
            count = ExactDigits(m, e, digits, out point);
        }

        var length = 0;
        switch (lower)
        {
            case 'f':
                Round(digits, ref count, ref point, point + precision);
                length = Fixed(digits, count, point, precision, (flags & Alt) != 0, output);
                break;
            case 'e':
                if (count > 0)
                    Round(digits, ref count, ref point, precision + 1);
                length = Scientific(digits, count, point, precision, (flags & Alt) != 0, upper, output);
                break;
            default: // g
                {
                    var p = precision == 0 ? 1 : precision;
                    if (count > 0)
                        Round(digits, ref count, ref point, p);
                    var x = count == 0 ? 0 : point - 1; // the exponent %e would print
                    var alt = (flags & Alt) != 0;
                    length = p > x && x >= -4
                        ? Fixed(digits, count, point, p - 1 - x, alt, output)
                        : Scientific(digits, count, point, p - 1, alt, upper, output);
                    if (!alt)
                        length = TrimZeros(output, length);
                    break;
                }
        }
        Emit(ref sink, flags, width, sign, null, 0, output, length);
    }

    /// <summary>The decimal digits of m × 2^e (no leading or trailing zeros), and where the point goes.</summary>
    private static int ExactDigits(ulong m, int e, byte* digits, out int point)
    {
        var big = stackalloc uint[MaxWords];
        var words = 2;
        big[0] = (uint)m;
        big[1] = (uint)(m >> 32);
        var scale = 0; // the value is big × 10^-scale
        if (e >= 0)
        {
            for (var k = e; k > 0; k -= 31)
                words = Stdlib.Strtod.MulAdd(big, words, 1u << (k < 31 ? k : 31), 0);
        }
        else
        {
            scale = -e;
            for (var k = -e; k > 0; k -= 13)
                words = Stdlib.Strtod.MulAdd(big, words, Pow5(k < 13 ? k : 13), 0);
        }
        // Base-1e9 chunks, least significant first, by repeated division.
        var chunks = stackalloc uint[MaxDigits / 9 + 2];
        var chunkCount = 0;
        while (words > 0)
        {
            ulong remainder = 0;
            for (var i = words - 1; i >= 0; i--)
            {
                var cur = (remainder << 32) | big[i];
                big[i] = (uint)(cur / 1000000000);
                remainder = cur % 1000000000;
            }
            chunks[chunkCount++] = (uint)remainder;
            while (words > 0 && big[words - 1] == 0)
                words--;
        }
        var count = 0;
        for (var c = chunkCount - 1; c >= 0; c--)
        {
            var v = chunks[c];
            for (var d = 8; d >= 0; d--)
            {
                var digit = (byte)(v / Pow10(d) % 10);
                if (count == 0 && digit == 0)
                    continue;
                digits[count++] = digit;
            }
        }
        point = count - scale;
        while (count > 0 && digits[count - 1] == 0)
            count--;
        return count;
    }

    private static uint Pow5(int k)
    {
        uint r = 1;
        for (var i = 0; i < k; i++)
            r *= 5;
        return r;
    }

    private static uint Pow10(int k)
    {
        uint r = 1;
        for (var i = 0; i < k; i++)
            r *= 10;
        return r;
    }

    /// <summary>
    /// Rounds 0.d0 d1 … × 10^point to its first <paramref name="keep"/> digits (half to even), in place; a carry out of
    /// the first digit moves the point. keep ≤ 0 keeps nothing: the result is 0 or one unit at the rounding place.
    /// </summary>
    private static void Round(byte* digits, ref int count, ref int point, int keep)
    {
        if (keep >= count)
            return;
        if (keep < 0)
        {
            count = 0;
            return;
        }
        bool up;
        var next = digits[keep];
        if (next != 5)
        {
            up = next > 5;
        }
        else
        {
            var rest = false;
            for (var i = keep + 1; i < count; i++)
                rest |= digits[i] != 0;
            up = rest || (keep > 0 && (digits[keep - 1] & 1) != 0);
        }
        count = keep;
        if (!up)
        {
            while (count > 0 && digits[count - 1] == 0)
                count--;
            return;
        }
        var j = keep - 1;
        while (j >= 0 && digits[j] == 9)
            j--;
        if (j < 0)
        {
            // 9…9 rounds to 1 followed by zeros: one more digit before the point.
            digits[0] = 1;
            count = 1;
            point++;
            return;
        }
        digits[j]++;
        count = j + 1;
    }

    private static byte Digit(byte* digits, int count, int i) => i >= 0 && i < count ? (byte)('0' + digits[i]) : (byte)'0';

    /// <summary>%f of the (already rounded) digits: the integer part, then <paramref name="precision"/> decimals.</summary>
    private static int Fixed(byte* digits, int count, int point, int precision, bool alt, byte* output)
    {
        var n = 0;
        if (point <= 0)
        {
            output[n++] = (byte)'0';
        }
        else
        {
            for (var i = 0; i < point; i++)
                output[n++] = Digit(digits, count, i);
        }
        if (precision > 0 || alt)
            output[n++] = (byte)'.';
        for (var i = 0; i < precision; i++)
            output[n++] = Digit(digits, count, point + i);
        return n;
    }

    /// <summary>%e of the (already rounded) digits: d.ddd e±XX (at least two exponent digits).</summary>
    private static int Scientific(byte* digits, int count, int point, int precision, bool alt, bool upper, byte* output)
    {
        var n = 0;
        output[n++] = Digit(digits, count, 0);
        if (precision > 0 || alt)
            output[n++] = (byte)'.';
        for (var i = 1; i <= precision; i++)
            output[n++] = Digit(digits, count, i);
        var exponent = count == 0 ? 0 : point - 1;
        output[n++] = upper ? (byte)'E' : (byte)'e';
        output[n++] = exponent < 0 ? (byte)'-' : (byte)'+';
        var magnitude = exponent < 0 ? -exponent : exponent;
        if (magnitude >= 100)
            output[n++] = (byte)('0' + magnitude / 100);
        output[n++] = (byte)('0' + magnitude / 10 % 10);
        output[n++] = (byte)('0' + magnitude % 10);
        return n;
    }

    /// <summary>%g without '#': trailing zeros of the fraction go, and the point if nothing follows it.</summary>
    private static int TrimZeros(byte* output, int length)
    {
        var point = -1;
        var exponentAt = length;
        for (var i = 0; i < length; i++)
        {
            if (output[i] == (byte)'.')
                point = i;
            if (output[i] is (byte)'e' or (byte)'E')
            {
                exponentAt = i;
                break;
            }
        }
        if (point < 0)
            return length;
        var end = exponentAt;
        while (end > point + 1 && output[end - 1] == (byte)'0')
            end--;
        if (end == point + 1)
            end = point;
        var removed = exponentAt - end;
        for (var i = exponentAt; i < length; i++)
            output[i - removed] = output[i];
        return length - removed;
    }

    /// <summary>
    /// %a: 0x1.hhhp±d for normal numbers, 0x0.hhhp-1022 for subnormals (glibc's form), 0x0p+0 for zero; without a
    /// precision, as many hex digits as the fraction needs; with one, rounded half to even.
    /// </summary>
    private static void Hex(ref Sink sink, int exponentBits, ulong fraction, byte sign, bool upper, int flags, int width, int precision, byte* output)
    {
        var hex = upper ? "0123456789ABCDEF"u8 : "0123456789abcdef"u8;
        var lead = exponentBits == 0 ? 0UL : 1UL;
        var exponent = exponentBits == 0 ? (fraction == 0 ? 0 : -1022) : exponentBits - 1023;
        var mantissa = (lead << 52) | fraction; // 13 hex digits after the point
        var digits = 13;
        if (precision < 0)
        {
            while (digits > 0 && (mantissa & 0xF) == 0)
            {
                mantissa >>= 4;
                digits--;
            }
        }
        else if (precision < 13)
        {
            var drop = (13 - precision) * 4;
            var rest = mantissa & ((1UL << drop) - 1);
            var half = 1UL << (drop - 1);
            mantissa >>= drop;
            if (rest > half || (rest == half && (mantissa & 1) != 0))
                mantissa++;
            digits = precision;
        }
        var n = 0;
        var leading = mantissa >> (digits * 4); // 0, 1, or 2 after a carry
        output[n++] = hex[(int)leading];
        var fractionDigits = precision < 0 ? digits : precision;
        if (fractionDigits > 0 || (flags & Alt) != 0)
            output[n++] = (byte)'.';
        for (var i = digits - 1; i >= 0; i--)
            output[n++] = hex[(int)((mantissa >> (i * 4)) & 0xF)];
        for (var i = digits; i < fractionDigits; i++)
            output[n++] = (byte)'0';
        output[n++] = upper ? (byte)'P' : (byte)'p';
        output[n++] = exponent < 0 ? (byte)'-' : (byte)'+';
        var magnitude = exponent < 0 ? -exponent : exponent;
        var start = n;
        do
        {
            output[n++] = (byte)('0' + magnitude % 10);
            magnitude /= 10;
        }
        while (magnitude != 0);
        for (int a = start, b = n - 1; a < b; a++, b--)
        {
            var t = output[a];
            output[a] = output[b];
            output[b] = t;
        }
        var prefix = stackalloc byte[2];
        prefix[0] = (byte)'0';
        prefix[1] = upper ? (byte)'X' : (byte)'x';
        Emit(ref sink, flags, width, sign, prefix, 2, output, n);
    }

    /// <summary>Sign, prefix, then the body, padded to the width with spaces (or zeros after the prefix with '0'), through <see cref="Printf.Pad"/>.</summary>
    private static void Emit(ref Sink sink, int flags, int width, byte sign, byte* prefix, int prefixLength, byte* body, int length)
    {
        var head = stackalloc byte[3];
        var headLength = 0;
        if (sign != 0)
            head[headLength++] = sign;
        for (var i = 0; i < prefixLength; i++)
            head[headLength++] = prefix[i];
        var total = headLength + length;
        var zeros = (flags & Zero) != 0 && (flags & Minus) == 0 && width > total ? width - total : 0;
        Printf.Pad(ref sink, flags, width, total + zeros, body, (nuint)length, head, headLength, zeros);
    }
}
