using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Header.Stdlib;
using Veridian.Interop;

namespace Relibc.Header.Stdio;

/// <summary>Where scanf reads from: a string (sscanf) or a stream, one byte of look-ahead, counting what it consumed (%n).</summary>
public unsafe struct ScanInput
{
    public byte* Text;
    public File* Stream;
    public nuint Consumed;
    private int _peeked;
    private bool _hasPeeked;

    /// <summary>The next byte without consuming it, or -1 at the end of the input (or on a read error).</summary>
    public int Peek()
    {
        if (!_hasPeeked)
        {
            _peeked = Text != null ? (*Text != 0 ? *Text : -1) : FileIo.NextUnlocked(Stream); // Scan holds the lock
            _hasPeeked = true;
        }
        return _peeked;
    }

    public void Advance()
    {
        if (Peek() < 0)
            return;
        _hasPeeked = false;
        if (Text != null)
            Text++;
        Consumed++;
    }

    /// <summary>Gives a stream back the byte looked at but not consumed (scanf pushes back at most one byte, C17 7.21.6.2 footnote).</summary>
    public void Done()
    {
        if (Stream != null && _hasPeeked && _peeked >= 0)
            FileIo.PushBack(_peeked, Stream);
        _hasPeeked = false;
    }
}

/// <summary>
/// The scanf family (C17 7.21.6.2; https://pubs.opengroup.org/onlinepubs/9699919799/functions/fscanf.html): white space,
/// ordinary characters, and conversions <c>d i o u x X a e f g A E F G s c [ p n %</c> with assignment suppression
/// <c>*</c>, a width, and the length modifiers <c>hh h l ll j z t</c>. Numbers are read by the grammar of strtol and
/// strtod, with one byte of look-ahead (so "1e+" followed by a non-digit is a matching failure, as in glibc), then
/// converted by those functions (strtod: exactly); <c>%n$</c> positions (XSI) pick the pointer. Not yet: <c>L</c> (long
/// double), wide <c>%lc %ls %l[</c>, <c>%m</c> (each fails the call with EINVAL at that conversion).
/// </summary>
public static unsafe class Scanf
{
    private const int MaxField = 1024;

    /// <summary>scanf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/scanf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "scanf")]
    public static int ScanF(byte* format, VaList args)
    {
        var input = new ScanInput { Stream = Streams.Stdin };
        return Scan(ref input, format, ref args);
    }

    /// <summary>fscanf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fscanf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fscanf")]
    public static int FScanF(File* stream, byte* format, VaList args)
    {
        var input = new ScanInput { Stream = stream };
        return Scan(ref input, format, ref args);
    }

    /// <summary>sscanf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sscanf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sscanf")]
    public static int SScanF(byte* text, byte* format, VaList args)
    {
        var input = new ScanInput { Text = text };
        return Scan(ref input, format, ref args);
    }

    /// <summary>vscanf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/vscanf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "vscanf")]
    public static int VScanF(byte* format, [CVaList] VaList args)
    {
        var input = new ScanInput { Stream = Streams.Stdin };
        return Scan(ref input, format, ref args);
    }

    /// <summary>vfscanf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/vfscanf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "vfscanf")]
    public static int VFScanF(File* stream, byte* format, [CVaList] VaList args)
    {
        var input = new ScanInput { Stream = stream };
        return Scan(ref input, format, ref args);
    }

    /// <summary>vsscanf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/vsscanf.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "vsscanf")]
    public static int VSScanF(byte* text, byte* format, [CVaList] VaList args)
    {
        var input = new ScanInput { Text = text };
        return Scan(ref input, format, ref args);
    }

    private enum Size { Char, Short, Int, Long, Pointer }

    /// <summary>
    /// Runs the directives of <paramref name="f"/>: the number of items assigned, or EOF when the input ended (or
    /// failed) before the first conversion completed.
    /// </summary>
    public static int Scan(ref ScanInput input, byte* f, ref VaList args)
    {
        var assigned = 0;
        var converted = 0;
        if (input.Stream != null)
            Streams.Acquire(input.Stream);
        int result;
        var largest = Positions(f);
        if (largest == 0)
            result = Run(ref input, f, ref args, null, 0, ref assigned, ref converted);
        else if (largest < 0)
            result = Unsupported();
        else
        {
            // %n$ (XSI): every argument is a pointer, so the table is the first <largest> of them, read in order.
            var local = stackalloc void*[32];
            var table = largest <= 32 ? local : (void**)Malloc.Allocate((nuint)largest * (nuint)sizeof(void*), 16);
            if (table == null)
                result = Unsupported();
            else
            {
                for (var i = 0; i < largest; i++)
                    table[i] = args.NextPointer();
                result = Run(ref input, f, ref args, table, largest, ref assigned, ref converted);
                if (table != local)
                    Malloc.Free(table);
            }
        }
        input.Done();
        if (input.Stream != null)
            Streams.Release(input.Stream);
        return result < 0 && converted == 0 ? -1 : assigned;
    }

    /// <summary>
    /// The largest <c>%n$</c> position of a format whose first conversion has one (POSIX: a format uses them everywhere
    /// or nowhere), 0 when it has none, -1 for one over NL_ARGMAX.
    /// </summary>
    private static int Positions(byte* f)
    {
        var largest = 0;
        var first = true;
        while (*f != 0)
        {
            if (*f++ != '%')
                continue;
            if (*f == '%')
            {
                f++;
                continue;
            }
            var n = Position(ref f);
            if (first && n == 0)
                return 0;
            first = false;
            if (n > Printf.MaxPosition)
                return -1;
            if (n > largest)
                largest = n;
        }
        return largest;
    }

    /// <summary>A decimal number followed by '$' at <paramref name="f"/>: its value (the pointer moves past the '$'), else 0.</summary>
    private static int Position(ref byte* f)
    {
        var p = f;
        var n = 0;
        while (*p >= '0' && *p <= '9' && n < 100000)
            n = n * 10 + (*p++ - '0');
        if (p == f || *p != '$' || n == 0)
            return 0;
        f = p + 1;
        return n;
    }

    /// <summary>
    /// -1 after an input failure, 0 after a matching failure or at the end of the format. With a
    /// <paramref name="positional"/> table, each assigning conversion names its pointer by <c>%n$</c>.
    /// </summary>
    private static int Run(ref ScanInput input, byte* f, ref VaList args, void** positional, int largest, ref int assigned, ref int converted)
    {
        var field = stackalloc byte[MaxField + 1];
        while (*f != 0)
        {
            if (Ctype.Ctype.Space(*f))
            {
                while (Ctype.Ctype.Space(*f))
                    f++;
                SkipSpace(ref input);
                continue;
            }
            if (*f != '%' || f[1] == '%')
            {
                if (*f == '%')
                {
                    f++;
                    SkipSpace(ref input);
                }
                var c = input.Peek();
                if (c < 0)
                    return -1;
                if (c != *f)
                    return 0;
                input.Advance();
                f++;
                continue;
            }
            f++;
            var position = Position(ref f);
            var suppress = false;
            if (*f == '*')
            {
                suppress = true;
                f++;
            }
            if (positional != null && !suppress && (position == 0 || position > largest))
                return Unsupported();
            nuint width = 0;
            while (*f >= '0' && *f <= '9')
                width = width * 10 + (nuint)(*f++ - '0');
            if (*f == '$' || *f == 'm')
                return Unsupported();
            var size = Size.Int;
            var longFloat = false;
            switch (*f)
            {
                case (byte)'h':
                    f++;
                    size = Size.Short;
                    if (*f == 'h')
                    {
                        f++;
                        size = Size.Char;
                    }
                    break;
                case (byte)'l':
                    f++;
                    size = Size.Long;
                    longFloat = true;
                    if (*f == 'l')
                        f++;
                    break;
                case (byte)'j' or (byte)'z' or (byte)'t':
                    f++;
                    size = Size.Long;
                    break;
                case (byte)'L':
                    return Unsupported();
            }
            var conversion = *f++;
            if (conversion == 'n')
            {
                if (!suppress)
                    Store(Target(ref args, positional, position), size, (long)input.Consumed);
                continue;
            }
            if (conversion != 'c' && conversion != '[')
                SkipSpace(ref input);
            switch (conversion)
            {
                case (byte)'d': case (byte)'i': case (byte)'u': case (byte)'o': case (byte)'x': case (byte)'X': case (byte)'p':
                {
                    var radix = conversion switch { (byte)'d' or (byte)'u' => 10, (byte)'o' => 8, (byte)'i' => 0, _ => 16 };
                    var n = ReadInteger(ref input, field, width == 0 ? MaxField : width, radix);
                    if (n < 0)
                        return input.Peek() < 0 && n == -2 ? -1 : 0;
                    converted++;
                    if (suppress)
                        break;
                    byte* end;
                    long value = conversion is (byte)'d' or (byte)'i'
                        ? Convert.Signed(field, &end, radix, long.MinValue, long.MaxValue)
                        : (long)Convert.Unsigned(field, &end, radix);
                    Store(Target(ref args, positional, position), conversion == 'p' ? Size.Pointer : size, value);
                    assigned++;
                    break;
                }
                case (byte)'a': case (byte)'e': case (byte)'f': case (byte)'g': case (byte)'A': case (byte)'E': case (byte)'F': case (byte)'G':
                {
                    var n = ReadFloat(ref input, field, width == 0 ? MaxField : width);
                    if (n < 0)
                        return input.Peek() < 0 && n == -2 ? -1 : 0;
                    byte* end;
                    var bits = longFloat ? Strtod.Parse(field, &end, 52, 1023) : Strtod.Parse(field, &end, 23, 127);
                    if (*end != 0)
                        return 0; // the longest prefix was not a number ("1e+", "0x", "in"): a matching failure
                    converted++;
                    if (suppress)
                        break;
                    var target = Target(ref args, positional, position);
                    if (longFloat)
                        *(ulong*)target = bits;
                    else
                        *(uint*)target = (uint)bits;
                    assigned++;
                    break;
                }
                case (byte)'s':
                {
                    if (size == Size.Long)
                        return Unsupported();
                    // %s is the scanset of every byte but white space.
                    var set = stackalloc bool[256];
                    for (var i = 0; i < 256; i++)
                        set[i] = !Ctype.Ctype.Space(i);
                    var r = ReadSet(ref input, set, false, width, suppress ? null : (byte*)Target(ref args, positional, position));
                    if (r <= 0)
                        return r;
                    converted++;
                    if (!suppress)
                        assigned++;
                    break;
                }
                case (byte)'c':
                {
                    if (size == Size.Long)
                        return Unsupported();
                    var count = width == 0 ? 1 : width;
                    var target = suppress ? null : (byte*)Target(ref args, positional, position);
                    nuint n = 0;
                    int c;
                    while (n < count && (c = input.Peek()) >= 0)
                    {
                        if (target != null)
                            target[n] = (byte)c;
                        n++;
                        input.Advance();
                    }
                    if (n < count)
                        return n == 0 ? -1 : 0;
                    converted++;
                    if (target != null)
                        assigned++;
                    break;
                }
                case (byte)'[':
                {
                    if (size == Size.Long)
                        return Unsupported();
                    var set = stackalloc bool[256];
                    for (var i = 0; i < 256; i++)
                        set[i] = false;
                    var negate = *f == '^';
                    if (negate)
                        f++;
                    // A ']' first is in the set; 'a-z' is a range (implementation-defined in C17; glibc and musl take it).
                    var first = true;
                    while (*f != 0 && (first || *f != ']'))
                    {
                        if (f[1] == '-' && f[2] != ']' && f[2] != 0)
                        {
                            for (int ch = f[0]; ch <= f[2]; ch++)
                                set[ch] = true;
                            f += 3;
                        }
                        else
                            set[*f++] = true;
                        first = false;
                    }
                    if (*f == 0)
                        return 0; // an unterminated scanset
                    f++;
                    var r = ReadSet(ref input, set, negate, width, suppress ? null : (byte*)Target(ref args, positional, position));
                    if (r <= 0)
                        return r;
                    converted++;
                    if (!suppress)
                        assigned++;
                    break;
                }
                default:
                    return Unsupported();
            }
        }
        return 0;
    }

    /// <summary>
    /// Reads up to <paramref name="width"/> (0: any number of) bytes that are in <paramref name="set"/> (or, when
    /// <paramref name="negate"/>, not in it) into <paramref name="target"/> with a NUL (none when null): 1, or 0 for a
    /// matching failure, -1 when the input had ended.
    /// </summary>
    private static int ReadSet(ref ScanInput input, bool* set, bool negate, nuint width, byte* target)
    {
        nuint n = 0;
        int c;
        while ((width == 0 || n < width) && (c = input.Peek()) >= 0 && set[c] != negate)
        {
            if (target != null)
                target[n] = (byte)c;
            n++;
            input.Advance();
        }
        if (n == 0)
            return input.Peek() < 0 ? -1 : 0;
        if (target != null)
            target[n] = 0;
        return 1;
    }

    private static int Unsupported()
    {
        Errno.Errno.Set(E.INVAL);
        return 0;
    }

    private static void SkipSpace(ref ScanInput input)
    {
        int c;
        while ((c = input.Peek()) >= 0 && Ctype.Ctype.Space(c))
            input.Advance();
    }

    /// <summary>The next pointer argument, or the one at <paramref name="position"/> of the table.</summary>
    private static void* Target(ref VaList args, void** positional, int position) => positional == null ? args.NextPointer() : positional[position - 1];

    private static void Store(void* target, Size size, long value)
    {
        switch (size)
        {
            case Size.Char: *(byte*)target = (byte)value; break;
            case Size.Short: *(short*)target = (short)value; break;
            case Size.Int: *(int*)target = (int)value; break;
            default: *(long*)target = value; break;
        }
    }

    /// <summary>
    /// Collects an integer's text (sign, 0x/0 prefix by <paramref name="radix"/>, digits) into <paramref name="field"/>:
    /// its length, -1 when no digit came (matching failure), -2 when the input ended first.
    /// </summary>
    private static int ReadInteger(ref ScanInput input, byte* field, nuint width, int radix)
    {
        nuint n = 0;
        var c = input.Peek();
        if (c < 0)
            return -2;
        if ((c == '+' || c == '-') && n < width)
        {
            field[n++] = (byte)c;
            input.Advance();
            c = input.Peek();
        }
        var digits = 0;
        if (c == '0' && n < width && (radix == 0 || radix == 16))
        {
            field[n++] = (byte)c;
            input.Advance();
            digits++;
            c = input.Peek();
            if ((c == 'x' || c == 'X') && n < width)
            {
                field[n++] = (byte)c;
                input.Advance();
                c = input.Peek();
                digits = 0;
                radix = 16;
                // "0x" with no hex digit after it: strtol reads the 0; the x is consumed (one byte of look-ahead) and lost.
                if (!IsDigit(c, 16))
                {
                    field[n - 1] = 0;
                    return 1;
                }
            }
            else if (radix == 0)
                radix = 8;
        }
        if (radix == 0)
            radix = 10;
        while (n < width && n < MaxField && IsDigit(c, radix))
        {
            field[n++] = (byte)c;
            digits++;
            input.Advance();
            c = input.Peek();
        }
        field[n] = 0;
        return digits == 0 ? -1 : (int)n;
    }

    private static bool IsDigit(int c, int radix) =>
        radix <= 10 ? c >= '0' && c < '0' + radix : (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) < 'a' + radix - 10);

    /// <summary>
    /// Collects the longest prefix of the input that can start a strtod number (decimal, hex, inf, infinity, nan,
    /// nan(chars)) into <paramref name="field"/>: its length, -1 when nothing matched, -2 at the end of the input.
    /// </summary>
    private static int ReadFloat(ref ScanInput input, byte* field, nuint width)
    {
        nuint n = 0;
        var c = input.Peek();
        if (c < 0)
            return -2;
        if (c == '+' || c == '-')
        {
            field[n++] = (byte)c;
            input.Advance();
            c = input.Peek();
        }
        if ((c | 0x20) == 'i' || (c | 0x20) == 'n')
        {
            var word = (c | 0x20) == 'i' ? "infinity" : "nan";
            var matched = 0;
            while (matched < word.Length && n < width && (input.Peek() | 0x20) == word[matched])
            {
                field[n++] = (byte)input.Peek();
                input.Advance();
                matched++;
            }
            if (word[0] == 'n' && matched == 3 && n < width && input.Peek() == '(')
            {
                field[n++] = (byte)'(';
                input.Advance();
                while (n < width && n < MaxField && (c = input.Peek()) >= 0 && (c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
                {
                    field[n++] = (byte)c;
                    input.Advance();
                }
                if (n < width && input.Peek() == ')')
                {
                    field[n++] = (byte)')';
                    input.Advance();
                }
            }
            field[n] = 0;
            return (int)n;
        }
        var hex = false;
        var digits = 0;
        if (c == '0' && n < width)
        {
            field[n++] = (byte)c;
            input.Advance();
            digits++;
            c = input.Peek();
            if ((c == 'x' || c == 'X') && n < width)
            {
                hex = true;
                field[n++] = (byte)c;
                input.Advance();
                c = input.Peek();
                digits = 0;
            }
        }
        var radix = hex ? 16 : 10;
        while (n < width && n < MaxField && IsDigit(c, radix))
        {
            field[n++] = (byte)c;
            digits++;
            input.Advance();
            c = input.Peek();
        }
        if (c == '.' && n < width && n < MaxField)
        {
            field[n++] = (byte)c;
            input.Advance();
            c = input.Peek();
            while (n < width && n < MaxField && IsDigit(c, radix))
            {
                field[n++] = (byte)c;
                digits++;
                input.Advance();
                c = input.Peek();
            }
        }
        if (digits > 0 && (c | 0x20) == (hex ? 'p' : 'e') && n < width && n < MaxField)
        {
            field[n++] = (byte)c;
            input.Advance();
            c = input.Peek();
            if ((c == '+' || c == '-') && n < width)
            {
                field[n++] = (byte)c;
                input.Advance();
                c = input.Peek();
            }
            while (n < width && n < MaxField && c >= '0' && c <= '9')
            {
                field[n++] = (byte)c;
                input.Advance();
                c = input.Peek();
            }
        }
        field[n] = 0;
        return n == 0 ? -1 : (int)n;
    }
}
