using System.Runtime.InteropServices;
using Relibc.Header.Stdio;
using Relibc.Header.String;
using Veridian.Interop;

namespace Relibc.Header.Getopt;

/// <summary><c>struct option</c> of getopt.h.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct LongOption
{
    public byte* Name;
    public int HasArgument;
    public int* Flag;
    public int Value;
}

/// <summary>
/// getopt (https://pubs.opengroup.org/onlinepubs/9699919799/functions/getopt.html) with the GNU behaviour programs
/// expect, as glibc's: operands are permuted to the end unless the option string starts with '+' or POSIXLY_CORRECT
/// is set ('-' returns them in order as option 1), "--" ends the options, a leading ':' reports a missing argument as
/// ':' and silences the messages, which are glibc's words on stderr; getopt_long and getopt_long_only take
/// "--name", "--name=value" and "--name value", exact names or unique prefixes, and optional arguments only after '='.
/// Setting optind to 0 starts over.
/// </summary>
public static unsafe class Getopt
{
    [CSymbol("optarg")] public static byte* OptArg;
    [CSymbol("optind")] public static int OptInd = 1;
    [CSymbol("opterr")] public static int OptErr = 1;
    [CSymbol("optopt")] public static int OptOpt;

    private const int Permute = 0, RequireOrder = 1, ReturnInOrder = 2;
    private static byte* s_next;
    private static int s_first, s_last, s_ordering;
    private static bool s_started;

    /// <summary>getopt — POSIX.1-2017</summary>
    [UnmanagedCallersOnly(EntryPoint = "getopt")]
    public static int GetOpt(int argc, byte** argv, byte* spec) => Next(argc, argv, spec, null, null, false);

    /// <summary>getopt_long (GNU, in glibc and musl)</summary>
    [UnmanagedCallersOnly(EntryPoint = "getopt_long")]
    public static int GetOptLong(int argc, byte** argv, byte* spec, LongOption* options, int* index) => Next(argc, argv, spec, options, index, false);

    /// <summary>getopt_long_only: long options may also start with a single '-'.</summary>
    [UnmanagedCallersOnly(EntryPoint = "getopt_long_only")]
    public static int GetOptLongOnly(int argc, byte** argv, byte* spec, LongOption* options, int* index) => Next(argc, argv, spec, options, index, true);

    private static bool NonOption(byte* s) => s[0] != '-' || s[1] == 0;

    /// <summary>Moves the skipped operands [first, last) after the options [last, optind) that followed them.</summary>
    private static void Exchange(byte** argv)
    {
        int bottom = s_first, middle = s_last, top = OptInd;
        while (top > middle && middle > bottom)
        {
            if (top - middle > middle - bottom)
            {
                var len = middle - bottom;
                for (var i = 0; i < len; i++)
                {
                    var t = argv[bottom + i];
                    argv[bottom + i] = argv[top - (middle - bottom) + i];
                    argv[top - (middle - bottom) + i] = t;
                }
                top -= len;
            }
            else
            {
                var len = top - middle;
                for (var i = 0; i < len; i++)
                {
                    var t = argv[bottom + i];
                    argv[bottom + i] = argv[middle + i];
                    argv[middle + i] = t;
                }
                bottom += len;
            }
        }
        s_first += OptInd - s_last;
        s_last = OptInd;
    }

    private static int Next(int argc, byte** argv, byte* spec, LongOption* options, int* index, bool longOnly)
    {
        if (argc < 1)
            return -1;
        OptArg = null;
        if (OptInd == 0 || !s_started)
        {
            if (OptInd == 0)
                OptInd = 1;
            s_first = s_last = OptInd;
            s_next = null;
            fixed (byte* posix = "POSIXLY_CORRECT\0"u8)
                s_ordering = spec[0] == '-' ? ReturnInOrder : spec[0] == '+' || Stdlib.Env.Find(posix) != null ? RequireOrder : Permute;
            s_started = true;
        }
        if (spec[0] == '-' || spec[0] == '+')
            spec++;
        var colon = spec[0] == ':';
        var print = OptErr != 0 && !colon;

        if (s_next == null || *s_next == 0)
        {
            if (s_last > OptInd)
                s_last = OptInd;
            if (s_first > OptInd)
                s_first = OptInd;
            if (s_ordering == Permute)
            {
                if (s_first != s_last && s_last != OptInd)
                    Exchange(argv);
                else if (s_last != OptInd)
                    s_first = OptInd;
                while (OptInd < argc && NonOption(argv[OptInd]))
                    OptInd++;
                s_last = OptInd;
            }
            if (OptInd != argc && argv[OptInd][0] == '-' && argv[OptInd][1] == '-' && argv[OptInd][2] == 0)
            {
                OptInd++;
                if (s_first != s_last && s_last != OptInd)
                    Exchange(argv);
                else if (s_first == s_last)
                    s_first = OptInd;
                s_last = argc;
                OptInd = argc;
            }
            if (OptInd == argc)
            {
                if (s_first != s_last)
                    OptInd = s_first;
                return -1;
            }
            if (NonOption(argv[OptInd]))
            {
                if (s_ordering == RequireOrder)
                    return -1;
                OptArg = argv[OptInd++];
                return 1;
            }
            if (options != null && (argv[OptInd][1] == '-' || (longOnly && (argv[OptInd][2] != 0 || Str.Find(spec, argv[OptInd][1], Str.Length(spec)) == null))))
            {
                var dashes = argv[OptInd][1] == '-' ? 2 : 1;
                s_next = argv[OptInd] + dashes;
                var r = Long(argc, argv, spec, options, index, longOnly, dashes, print, colon);
                if (r != -2)
                    return r;
            }
            else
                s_next = argv[OptInd] + 1;
        }

        int c = *s_next++;
        var found = c == ':' || c == ';' ? null : Str.Find(spec, (byte)c, Str.Length(spec));
        if (*s_next == 0)
            OptInd++;
        if (found == null)
        {
            if (print)
                Message(argv[0], ": invalid option -- '"u8, (byte)c, "'\n"u8);
            OptOpt = c;
            return '?';
        }
        if (found[1] == ':')
        {
            if (found[2] == ':')
            {
                if (*s_next != 0)
                {
                    OptArg = s_next;
                    OptInd++;
                }
                s_next = null;
            }
            else
            {
                if (*s_next != 0)
                {
                    OptArg = s_next;
                    OptInd++;
                }
                else if (OptInd == argc)
                {
                    if (print)
                        Message(argv[0], ": option requires an argument -- '"u8, (byte)c, "'\n"u8);
                    OptOpt = c;
                    c = colon ? ':' : '?';
                }
                else
                    OptArg = argv[OptInd++];
                s_next = null;
            }
        }
        return c;
    }

    /// <summary>A long option at s_next (after its dashes): the getopt result, or -2 for getopt_long_only to read it as short options.</summary>
    private static int Long(int argc, byte** argv, byte* spec, LongOption* options, int* index, bool longOnly, int dashes, bool print, bool colon)
    {
        var end = s_next;
        while (*end != 0 && *end != '=')
            end++;
        var length = (nuint)(end - s_next);
        LongOption* found = null;
        var foundIndex = -1;
        var exact = false;
        var ambiguous = false;
        for (var i = 0; options[i].Name != null; i++)
        {
            var o = &options[i];
            if (Str.Compare(o->Name, s_next, length) != 0)
                continue;
            if (Str.Length(o->Name) == length)
            {
                found = o;
                foundIndex = i;
                exact = true;
                break;
            }
            if (found == null)
            {
                found = o;
                foundIndex = i;
            }
            else if (longOnly || found->HasArgument != o->HasArgument || found->Flag != o->Flag || found->Value != o->Value)
                ambiguous = true;
        }
        var prefix = dashes == 2 ? "--"u8 : "-"u8;
        if (ambiguous && !exact)
        {
            if (print)
            {
                var err = Streams.Stderr;
                Streams.Acquire(err);
                Text(argv[0]);
                Text(": option '"u8);
                Text(prefix);
                Text(s_next);
                Text("' is ambiguous; possibilities:"u8);
                // The first match, and every match that differs from it (an alias with the same meaning is no ambiguity).
                for (var i = 0; options[i].Name != null; i++)
                {
                    var o = &options[i];
                    if (Str.Compare(o->Name, s_next, length) != 0)
                        continue;
                    if (o != found && !longOnly && found->HasArgument == o->HasArgument && found->Flag == o->Flag && found->Value == o->Value)
                        continue;
                    Text(" '"u8);
                    Text(prefix);
                    Text(options[i].Name);
                    Text("'"u8);
                }
                Text("\n"u8);
                Streams.Release(err);
            }
            s_next = null;
            OptInd++;
            OptOpt = 0;
            return '?';
        }
        if (found == null)
        {
            if (!longOnly || dashes == 2 || Str.Find(spec, *s_next, Str.Length(spec)) == null)
            {
                if (print)
                {
                    var err = Streams.Stderr;
                    Streams.Acquire(err);
                    Text(argv[0]);
                    Text(": unrecognized option '"u8);
                    Text(prefix);
                    Text(s_next);
                    Text("'\n"u8);
                    Streams.Release(err);
                }
                s_next = null;
                OptInd++;
                OptOpt = 0;
                return '?';
            }
            return -2;
        }
        OptInd++;
        s_next = null;
        if (*end == '=')
        {
            if (found->HasArgument != 0)
                OptArg = end + 1;
            else
            {
                if (print)
                    LongMessage(argv[0], prefix, found->Name, "' doesn't allow an argument\n"u8);
                OptOpt = found->Value;
                return '?';
            }
        }
        else if (found->HasArgument == 1)
        {
            if (OptInd < argc)
                OptArg = argv[OptInd++];
            else
            {
                if (print)
                    LongMessage(argv[0], prefix, found->Name, "' requires an argument\n"u8);
                OptOpt = found->Value;
                return colon ? ':' : '?';
            }
        }
        if (index != null)
            *index = foundIndex;
        if (found->Flag != null)
        {
            *found->Flag = found->Value;
            return 0;
        }
        return found->Value;
    }

    private static void Text(byte* s) => Streams.PutUnlocked(Streams.Stderr, s, Str.Length(s));

    private static void Text(System.ReadOnlySpan<byte> s)
    {
        fixed (byte* p = s)
            Streams.PutUnlocked(Streams.Stderr, p, (nuint)s.Length);
    }

    private static void Message(byte* program, System.ReadOnlySpan<byte> before, byte c, System.ReadOnlySpan<byte> after)
    {
        var err = Streams.Stderr;
        Streams.Acquire(err);
        Text(program);
        Text(before);
        Streams.PutUnlocked(err, &c, 1);
        Text(after);
        Streams.Release(err);
    }

    private static void LongMessage(byte* program, System.ReadOnlySpan<byte> prefix, byte* name, System.ReadOnlySpan<byte> after)
    {
        var err = Streams.Stderr;
        Streams.Acquire(err);
        Text(program);
        Text(": option '"u8);
        Text(prefix);
        Text(name);
        Text(after);
        Streams.Release(err);
    }
}
