using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Header.String;
using Veridian.Interop;

namespace Relibc.Header.Stdio;

/// <summary>Where formatted output goes: a stream, or a bounded buffer (snprintf), counting every byte it is given.</summary>
public unsafe struct Sink
{
    public File* Stream;
    public byte* Buffer;
    public nuint Capacity;
    public nuint Count;
    public bool Failed;

    /// <summary>dprintf: output goes to this file descriptor, through <see cref="Buffer"/> (<see cref="Capacity"/> bytes, flushed when full and by <see cref="Flush"/>).</summary>
    public bool ToDescriptor;
    public int Descriptor;
    private nuint _pending;

    public void Put(byte* data, nuint n)
    {
        if (Stream != null)
        {
            if (!Streams.PutUnlocked(Stream, data, n)) // the printf function holds the stream's lock
                Failed = true;
        }
        else if (ToDescriptor)
        {
            for (nuint i = 0; i < n; i++)
            {
                if (_pending == Capacity)
                    Flush();
                Buffer[_pending++] = data[i];
            }
        }
        else if (Count < Capacity)
        {
            var room = Capacity - Count;
            Str.Copy(Buffer + Count, data, n < room ? n : room);
        }
        Count += n;
    }

    /// <summary>Writes what a descriptor sink holds (all of it: a short write is retried; an error sets <see cref="Failed"/> and errno).</summary>
    public void Flush()
    {
        var p = Buffer;
        while (_pending > 0 && !Failed)
        {
            var r = Errno.Errno.Result(Relibc.Platform.Pal.Write(Descriptor, p, _pending));
            if (r < 0)
            {
                if (Errno.Errno.Value == E.INTR)
                    continue;
                Failed = true;
                break;
            }
            p += r;
            _pending -= (nuint)r;
        }
        _pending = 0;
    }

    public void Pad(byte c, int n)
    {
        for (var i = 0; i < n; i++)
            Put(&c, 1);
    }
}

/// <summary>
/// The printf family (C17 7.21.6.1; https://pubs.opengroup.org/onlinepubs/9699919799/functions/fprintf.html): flags
/// <c>- + space # 0</c>, width and precision (also <c>*</c>), length modifiers <c>hh h l ll j z t L</c>, conversions
/// <c>d i u o x X c s p n %</c>, and the floating ones <c>f F e E g G a A</c> exactly (<see cref="FloatFormat"/>); the
/// v* functions take C's va_list (<c>[CVaList]</c>), and <c>%n$</c> / <c>*m$</c> positions. Not yet: <c>L</c> (long double;
/// fails with EINVAL); <c>%lc %ls</c> convert by wcrtomb (COVERAGE.md).
/// </summary>
public static unsafe class Printf
{
    /// <summary>The conversion flags (- + space # 0), as bits; FloatFormat reads them too.</summary>
    internal const int Minus = 1, Plus = 2, Space = 4, Alt = 8, Zero = 16;

    /// <summary>printf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/printf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "printf")]
    public static int PrintF(byte* format, VaList args)
    {
        return ToStream(Streams.Stdout, format, ref args);
    }

    /// <summary>fprintf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fprintf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fprintf")]
    public static int FPrintF(File* stream, byte* format, VaList args)
    {
        return ToStream(stream, format, ref args);
    }

    /// <summary>snprintf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/snprintf.html (the full length is returned; at most n-1 bytes and a NUL are written).</summary>
    [UnmanagedCallersOnly(EntryPoint = "snprintf")]
    public static int SnPrintF(byte* buffer, nuint n, byte* format, VaList args) => Bounded(buffer, n, format, ref args);

    private static int Bounded(byte* buffer, nuint n, byte* format, ref VaList args)
    {
        var sink = new Sink { Buffer = buffer, Capacity = n == 0 ? 0 : n - 1 };
        var ok = Format(ref sink, format, ref args);
        if (n != 0)
            buffer[sink.Count < sink.Capacity ? sink.Count : sink.Capacity] = 0;
        return Finish(ref sink, ok);
    }

    /// <summary>sprintf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sprintf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sprintf")]
    public static int SPrintF(byte* buffer, byte* format, VaList args) => Unbounded(buffer, format, ref args);

    private static int Unbounded(byte* buffer, byte* format, ref VaList args)
    {
        var sink = new Sink { Buffer = buffer, Capacity = nuint.MaxValue };
        var ok = Format(ref sink, format, ref args);
        buffer[sink.Count] = 0;
        return Finish(ref sink, ok);
    }

    /// <summary>vprintf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/vprintf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "vprintf")]
    public static int VPrintF(byte* format, [CVaList] VaList args)
    {
        return ToStream(Streams.Stdout, format, ref args);
    }

    /// <summary>vfprintf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/vfprintf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "vfprintf")]
    public static int VFPrintF(File* stream, byte* format, [CVaList] VaList args)
    {
        return ToStream(stream, format, ref args);
    }

    /// <summary>vsnprintf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/vsnprintf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "vsnprintf")]
    public static int VSnPrintF(byte* buffer, nuint n, byte* format, [CVaList] VaList args) => Bounded(buffer, n, format, ref args);

    /// <summary>vsprintf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/vsprintf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "vsprintf")]
    public static int VSPrintF(byte* buffer, byte* format, [CVaList] VaList args) => Unbounded(buffer, format, ref args);

    /// <summary>dprintf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/dprintf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "dprintf")]
    public static int DPrintF(int fd, byte* format, VaList args) => ToDescriptor(fd, format, ref args);

    /// <summary>vdprintf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/vdprintf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "vdprintf")]
    public static int VDPrintF(int fd, byte* format, [CVaList] VaList args) => ToDescriptor(fd, format, ref args);

    /// <summary>One printf call's output to a stream, under the stream's lock (so threads' lines do not interleave).</summary>
    private static int ToStream(File* stream, byte* format, ref VaList args)
    {
        var sink = new Sink { Stream = stream };
        Streams.Acquire(stream);
        var ok = Format(ref sink, format, ref args);
        Streams.Release(stream);
        return Finish(ref sink, ok);
    }

    private static int ToDescriptor(int fd, byte* format, ref VaList args)
    {
        var buffer = stackalloc byte[512];
        var sink = new Sink { ToDescriptor = true, Descriptor = fd, Buffer = buffer, Capacity = 512 };
        var ok = Format(ref sink, format, ref args);
        sink.Flush();
        return Finish(ref sink, ok);
    }

    private static int Finish(ref Sink sink, bool ok)
    {
        if (!ok || sink.Failed)
            return -1;
        if (sink.Count > int.MaxValue)
        {
            Errno.Errno.Set(E.OVERFLOW);
            return -1;
        }
        return (int)sink.Count;
    }

    /// <summary>One conversion specification, as <see cref="Parse"/> reads it.</summary>
    private struct Spec
    {
        public int Flags, Width, Precision, Length;
        public byte Conversion;
        /// <summary>The argument positions (<c>%n$</c>, <c>*m$</c>; 0: none given) of the value, the width and the precision; a width or precision of <c>*</c> has <see cref="WidthStar"/> / <see cref="PrecisionStar"/>.</summary>
        public int Argument, WidthArgument, PrecisionArgument;
        public bool WidthStar, PrecisionStar;
    }

    /// <summary>A decimal number followed by '$' at <paramref name="f"/>: its value (the pointer moves past the '$'), else 0 (the pointer stays).</summary>
    private static int Position(ref byte* f)
    {
        var p = f;
        var n = 0;
        while (*p >= (byte)'0' && *p <= (byte)'9' && n < 100000)
            n = n * 10 + (*p++ - '0');
        if (p == f || *p != (byte)'$' || n == 0)
            return 0;
        f = p + 1;
        return n;
    }

    /// <summary>Reads the specification after a '%': position, flags, width, precision, length, conversion (0 at the format's end, not consumed).</summary>
    private static void Parse(ref byte* f, ref Spec s)
    {
        s.Argument = Position(ref f);
        s.Flags = 0;
        for (; ; f++)
        {
            var bit = *f switch { (byte)'-' => Minus, (byte)'+' => Plus, (byte)' ' => Space, (byte)'#' => Alt, (byte)'0' => Zero, _ => 0 };
            if (bit == 0)
                break;
            s.Flags |= bit;
        }
        s.Width = 0;
        s.WidthStar = false;
        s.WidthArgument = 0;
        if (*f == (byte)'*')
        {
            f++;
            s.WidthStar = true;
            s.WidthArgument = Position(ref f);
        }
        else
        {
            while (*f >= (byte)'0' && *f <= (byte)'9')
                s.Width = s.Width * 10 + (*f++ - '0');
        }
        s.Precision = -1;
        s.PrecisionStar = false;
        s.PrecisionArgument = 0;
        if (*f == (byte)'.')
        {
            f++;
            s.Precision = 0;
            if (*f == (byte)'*')
            {
                f++;
                s.PrecisionStar = true;
                s.PrecisionArgument = Position(ref f);
            }
            else
            {
                while (*f >= (byte)'0' && *f <= (byte)'9')
                    s.Precision = s.Precision * 10 + (*f++ - '0');
            }
        }
        // Length: 1 hh, 2 h, 3 l, 4 ll/j/q, 5 z/t (all 64-bit here except hh/h), 6 L (long double).
        s.Length = 0;
        switch (*f)
        {
            case (byte)'h':
                f++;
                s.Length = 2;
                if (*f == (byte)'h')
                {
                    f++;
                    s.Length = 1;
                }
                break;
            case (byte)'l':
                f++;
                s.Length = 3;
                if (*f == (byte)'l')
                {
                    f++;
                    s.Length = 4;
                }
                break;
            case (byte)'j' or (byte)'q':
                f++;
                s.Length = 4;
                break;
            case (byte)'L':
                f++;
                s.Length = 6;
                break;
            case (byte)'z' or (byte)'t':
                f++;
                s.Length = 5;
                break;
        }
        s.Conversion = *f;
        if (s.Conversion != 0)
            f++;
    }

    // The kind of each positional argument, which decides how va_arg reads it.
    private const byte KindInt32 = 1, KindInt64 = 2, KindPointer = 3, KindDouble = 4;

    /// <summary>The kind of argument a conversion takes (0: none, as %%; 0xFF: one relibc-cs cannot read).</summary>
    private static byte KindOf(ref Spec s) => s.Conversion switch
    {
        (byte)'%' => 0,
        (byte)'d' or (byte)'i' or (byte)'u' or (byte)'o' or (byte)'x' or (byte)'X' => s.Length is >= 3 and <= 5 ? KindInt64 : KindInt32,
        (byte)'c' => KindInt32,
        (byte)'s' or (byte)'p' or (byte)'n' => KindPointer,
        (byte)'f' or (byte)'F' or (byte)'e' or (byte)'E' or (byte)'g' or (byte)'G' or (byte)'a' or (byte)'A' => s.Length == 6 ? (byte)0xFF : KindDouble,
        _ => 0xFF,
    };

    /// <summary>The largest argument position of a format that uses <c>%n$</c> (0: it does not; -1: a position over <see cref="MaxPosition"/>).</summary>
    private static int LargestPosition(byte* f)
    {
        var largest = 0;
        var s = new Spec();
        while (*f != 0)
        {
            if (*f++ != (byte)'%')
                continue;
            Parse(ref f, ref s);
            var m = s.Argument > s.WidthArgument ? s.Argument : s.WidthArgument;
            m = m > s.PrecisionArgument ? m : s.PrecisionArgument;
            if (m > MaxPosition)
                return -1;
            if (m > largest)
                largest = m;
            if (s.Conversion == 0)
                break;
        }
        return largest;
    }

    /// <summary>Whether the first conversion has a position (POSIX: a format uses them everywhere or nowhere).</summary>
    private static bool UsesPositions(byte* f)
    {
        while (*f != 0)
        {
            if (*f++ != (byte)'%')
                continue;
            if (*f == (byte)'%')
            {
                f++;
                continue;
            }
            return Position(ref f) > 0;
        }
        return false;
    }

    /// <summary>NL_ARGMAX: the largest <c>%n$</c> (glibc's is 4096 too).</summary>
    internal const int MaxPosition = 4096;

    /// <summary>
    /// Formats into <paramref name="sink"/>; false (errno set) on a conversion it cannot do. A format with
    /// <c>%n$</c> positions (XSI; https://pubs.opengroup.org/onlinepubs/9699919799/functions/fprintf.html) has every
    /// argument's kind collected first from its conversions (and <c>*m$</c> widths), then each argument read in order
    /// into a table the conversions index; a conversion without a position in such a format is EINVAL, as in musl.
    /// </summary>
    public static bool Format(ref Sink sink, byte* f, ref VaList args)
    {
        if (!UsesPositions(f))
            return Format(ref sink, f, ref args, null);
        var largest = LargestPosition(f);
        if (largest <= 0)
        {
            Errno.Errno.Set(E.INVAL);
            return false;
        }
        var local = stackalloc ulong[2 * 32];
        var table = largest <= 32 ? local : null;
        void* block = null;
        if (table == null)
        {
            block = Stdlib.Malloc.Allocate((nuint)largest * 16, 16);
            if (block == null)
            {
                Errno.Errno.Set(E.NOMEM);
                return false;
            }
            table = (ulong*)block;
        }
        // The kinds in the upper half (as bytes), the values in the lower.
        var kinds = (byte*)(table + largest);
        for (var i = 0; i < largest; i++)
            kinds[i] = 0;
        var ok = true;
        var s = new Spec();
        for (var p = f; *p != 0;)
        {
            if (*p++ != (byte)'%')
                continue;
            Parse(ref p, ref s);
            if (s.WidthArgument > 0)
                ok &= Claim(kinds, s.WidthArgument, KindInt32);
            if (s.PrecisionArgument > 0)
                ok &= Claim(kinds, s.PrecisionArgument, KindInt32);
            var kind = KindOf(ref s);
            if (kind != 0 && s.Argument > 0)
                ok &= Claim(kinds, s.Argument, kind);
            if (s.Conversion == 0)
                break;
        }
        for (var i = 0; ok && i < largest; i++)
        {
            // POSIX: every position up to the largest is used; an unused one is read as an int (glibc's choice).
            switch (kinds[i])
            {
                case KindInt64: table[i] = (ulong)args.NextInt64(); break;
                case KindPointer: table[i] = (ulong)args.NextPointer(); break;
                case KindDouble: { var d = args.NextDouble(); table[i] = *(ulong*)&d; break; }
                case 0xFF: ok = false; break;
                default: table[i] = (ulong)(long)args.NextInt32(); break;
            }
        }
        if (!ok)
            Errno.Errno.Set(E.INVAL);
        else
            ok = Format(ref sink, f, ref args, table);
        if (block != null)
            Stdlib.Malloc.Free(block);
        return ok;
    }

    /// <summary>Records that position <paramref name="n"/> has <paramref name="kind"/>; false when two conversions disagree.</summary>
    private static bool Claim(byte* kinds, int n, byte kind)
    {
        if (kinds[n - 1] != 0 && kinds[n - 1] != kind)
            return false;
        kinds[n - 1] = kind;
        return true;
    }

    private static int Int32At(ref VaList args, ulong* positional, int n) => positional == null ? args.NextInt32() : (int)positional[n - 1];

    private static long Int64At(ref VaList args, ulong* positional, int n) => positional == null ? args.NextInt64() : (long)positional[n - 1];

    private static void* PointerAt(ref VaList args, ulong* positional, int n) => positional == null ? args.NextPointer() : (void*)positional[n - 1];

    private static double DoubleAt(ref VaList args, ulong* positional, int n)
    {
        if (positional == null)
            return args.NextDouble();
        return *(double*)(positional + n - 1);
    }

    private static bool Format(ref Sink sink, byte* f, ref VaList args, ulong* positional)
    {
        var digits = stackalloc byte[72];
        var spec = new Spec();
        while (*f != 0)
        {
            if (*f != (byte)'%')
            {
                var run = f;
                while (*f != 0 && *f != (byte)'%')
                    f++;
                sink.Put(run, (nuint)(f - run));
                continue;
            }
            f++;
            Parse(ref f, ref spec);
            if (positional != null && ((spec.Argument == 0 && spec.Conversion != (byte)'%') || (spec.WidthStar && spec.WidthArgument == 0)
                    || (spec.PrecisionStar && spec.PrecisionArgument == 0)))
            {
                Errno.Errno.Set(E.INVAL);
                return false;
            }
            var flags = spec.Flags;
            var width = spec.Width;
            if (spec.WidthStar)
            {
                width = Int32At(ref args, positional, spec.WidthArgument);
                if (width < 0)
                {
                    flags |= Minus;
                    width = width == int.MinValue ? int.MaxValue : -width;
                }
            }
            var precision = spec.Precision;
            if (spec.PrecisionStar)
            {
                precision = Int32At(ref args, positional, spec.PrecisionArgument);
                if (precision < 0)
                    precision = -1;
            }
            var length = spec.Length;
            var argument = spec.Argument;
            var conversion = spec.Conversion;
            if (conversion == 0)
                break;
            switch (conversion)
            {
                case (byte)'%':
                    {
                        var pct = (byte)'%';
                        sink.Put(&pct, 1);
                        break;
                    }
                case (byte)'c' when length == 3:
                    {
                        // %lc: the wide character as a multibyte one (wcrtomb; EILSEQ fails the call, as glibc).
                        var mb = stackalloc byte[4];
                        var n = Wchar.Multibyte.Encode(mb, (uint)Int32At(ref args, positional, argument));
                        if (n == Wchar.Multibyte.Invalid)
                            return false;
                        Pad(ref sink, flags & Minus, width, (int)n, mb, n, null, 0, 0);
                        break;
                    }
                case (byte)'s' when length == 3:
                    {
                        // %ls: the wide string as multibyte characters, the precision counting bytes and no character cut.
                        var ws = (uint*)PointerAt(ref args, positional, argument);
                        if (ws == null)
                        {
                            fixed (byte* nullText = "(null)"u8)
                                Pad(ref sink, flags & Minus, width, precision < 0 || precision >= 6 ? 6 : 0, nullText, precision < 0 || precision >= 6 ? 6u : 0u, null, 0, 0);
                            break;
                        }
                        var mb = stackalloc byte[4];
                        nuint total = 0;
                        for (var w = ws; *w != 0; w++)
                        {
                            var n = Wchar.Multibyte.Encode(mb, *w);
                            if (n == Wchar.Multibyte.Invalid)
                                return false;
                            if (precision >= 0 && total + n > (nuint)precision)
                                break;
                            total += n;
                        }
                        if ((flags & Minus) == 0)
                            sink.Pad((byte)' ', width > (int)total ? width - (int)total : 0);
                        nuint done = 0;
                        for (var w = ws; done < total; w++)
                        {
                            var n = Wchar.Multibyte.Encode(mb, *w);
                            sink.Put(mb, n);
                            done += n;
                        }
                        if ((flags & Minus) != 0)
                            sink.Pad((byte)' ', width > (int)total ? width - (int)total : 0);
                        break;
                    }
                case (byte)'c':
                    {
                        var c = (byte)Int32At(ref args, positional, argument);
                        Pad(ref sink, flags, width, 1, &c, 1, null, 0, 0);
                        break;
                    }
                case (byte)'s':
                    {
                        var s = (byte*)PointerAt(ref args, positional, argument);
                        fixed (byte* nullText = "(null)"u8)
                        {
                            // glibc prints "(null)" for a null pointer when the precision leaves room for it, else nothing.
                            if (s == null)
                                s = precision < 0 || precision >= 6 ? nullText : nullText + 6;
                            var n = precision < 0 ? Str.Length(s) : Bounded(s, (nuint)precision);
                            Pad(ref sink, flags & Minus, width, (int)n, s, n, null, 0, 0);
                        }
                        break;
                    }
                case (byte)'d' or (byte)'i':
                    {
                        var v = length <= 2 ? Int32At(ref args, positional, argument) : Int64At(ref args, positional, argument);
                        v = length == 1 ? (sbyte)v : length == 2 ? (short)v : v;
                        var negative = v < 0;
                        var magnitude = negative ? (ulong)(-(v + 1)) + 1 : (ulong)v;
                        byte sign = negative ? (byte)'-' : (flags & Plus) != 0 ? (byte)'+' : (flags & Space) != 0 ? (byte)' ' : (byte)0;
                        Integer(ref sink, flags, width, precision, magnitude, 10, false, sign, digits);
                        break;
                    }
                case (byte)'u' or (byte)'o' or (byte)'x' or (byte)'X':
                    {
                        var v = length <= 2 ? (ulong)(uint)Int32At(ref args, positional, argument) : (ulong)Int64At(ref args, positional, argument);
                        v = length == 1 ? (byte)v : length == 2 ? (ushort)v : v;
                        var radix = conversion == (byte)'u' ? 10u : conversion == (byte)'o' ? 8u : 16u;
                        Integer(ref sink, flags, width, precision, v, radix, conversion == (byte)'X', 0, digits, alternate: (flags & Alt) != 0 && conversion != (byte)'u');
                        break;
                    }
                case (byte)'p':
                    {
                        var v = (ulong)PointerAt(ref args, positional, argument);
                        if (v == 0)
                        {
                            fixed (byte* nil = "(nil)"u8)
                                Pad(ref sink, flags & Minus, width, 5, nil, 5, null, 0, 0); // glibc's spelling of a null %p
                        }
                        else
                        {
                            Integer(ref sink, flags | Alt, width, precision, v, 16, false, 0, digits, alternate: true);
                        }
                        break;
                    }
                case (byte)'n':
                    {
                        var p = PointerAt(ref args, positional, argument);
                        switch (length)
                        {
                            case 1: *(sbyte*)p = (sbyte)sink.Count; break;
                            case 2: *(short*)p = (short)sink.Count; break;
                            case 0: *(int*)p = (int)sink.Count; break;
                            default: *(long*)p = (long)sink.Count; break;
                        }
                        break;
                    }
                case (byte)'f' or (byte)'F' or (byte)'e' or (byte)'E' or (byte)'g' or (byte)'G' or (byte)'a' or (byte)'A':
                    if (length == 6)
                    {
                        // long double needs its own va_arg walk (x87 80-bit on x86_64, binary128 elsewhere): not yet.
                        Errno.Errno.Set(E.INVAL);
                        return false;
                    }
                    FloatFormat.Format(ref sink, DoubleAt(ref args, positional, argument), conversion, flags, width, precision);
                    break;
                default:
                    Errno.Errno.Set(E.INVAL);
                    return false;
            }
        }
        return true;
    }

    private static nuint Bounded(byte* s, nuint max)
    {
        nuint n = 0;
        while (n < max && s[n] != 0)
            n++;
        return n;
    }

    /// <summary>One integer conversion: sign or 0x prefix, zero padding to the precision (or width with '0'), spaces to the width.</summary>
    private static void Integer(ref Sink sink, int flags, int width, int precision, ulong value, uint radix, bool upper, byte sign, byte* digits, bool alternate = false)
    {
        var end = digits + 64;
        var p = end;
        var hex = upper ? "0123456789ABCDEF"u8 : "0123456789abcdef"u8;
        while (value != 0)
        {
            *--p = hex[(int)(value % radix)];
            value /= radix;
        }
        var count = (int)(end - p);
        var wasZero = count == 0;
        // C17 7.21.6.1p8: precision 0 with value 0 prints no digits; otherwise the default precision is 1.
        var minDigits = precision < 0 ? 1 : precision;
        var prefix = stackalloc byte[2];
        var prefixLength = 0;
        if (sign != 0)
            prefix[prefixLength++] = sign;
        if (alternate && radix == 16 && !wasZero)
        {
            prefix[prefixLength++] = (byte)'0';
            prefix[prefixLength++] = upper ? (byte)'X' : (byte)'x';
        }
        if (alternate && radix == 8 && minDigits <= count)
            minDigits = count + 1; // '#' with o: the first digit is a zero
        var zeros = minDigits > count ? minDigits - count : 0;
        if ((flags & Zero) != 0 && (flags & Minus) == 0 && precision < 0)
        {
            var room = width - prefixLength - count;
            if (room > zeros)
                zeros = room;
        }
        Pad(ref sink, flags & Minus, width, prefixLength + zeros + count, p, (nuint)count, prefix, prefixLength, zeros);
    }

    /// <summary>
    /// One conversion's output: spaces up to the width (after it with '-'), the prefix (sign, 0x), <paramref name="zeros"/>
    /// zeros, the body. <paramref name="total"/> is the length without the spaces. Every conversion ends here.
    /// </summary>
    internal static void Pad(ref Sink sink, int flags, int width, int total, byte* body, nuint bodyLength, byte* prefix, int prefixLength, int zeros)
    {
        var spaces = width > total ? width - total : 0;
        if ((flags & Minus) == 0)
            sink.Pad((byte)' ', spaces);
        if (prefixLength > 0)
            sink.Put(prefix, (nuint)prefixLength);
        sink.Pad((byte)'0', zeros);
        sink.Put(body, bodyLength);
        if ((flags & Minus) != 0)
            sink.Pad((byte)' ', spaces);
    }
}
