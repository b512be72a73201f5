using System.Runtime.InteropServices;

namespace Relibc.Header.Fnmatch;

/// <summary>
/// fnmatch.h (https://pubs.opengroup.org/onlinepubs/9699919799/functions/fnmatch.html), on bytes (the C locale): '*',
/// '?', bracket expressions with '!' or '^', ranges and the [:class:] names, backslash escapes, FNM_PATHNAME,
/// FNM_PERIOD, FNM_NOESCAPE, and glibc's FNM_LEADING_DIR and FNM_CASEFOLD (glibc's values). A '[' without its ']'
/// matches itself.
/// </summary>
public static unsafe class Fnmatch
{
    public const int PathName = 1, NoEscape = 2, Period = 4, LeadingDir = 8, CaseFold = 16, NoMatch = 1;

    /// <summary>fnmatch — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fnmatch.html (0, or FNM_NOMATCH)</summary>
    [UnmanagedCallersOnly(EntryPoint = "fnmatch")]
    public static int FnMatch(byte* pattern, byte* name, int flags) => Match(pattern, name, name, flags) ? 0 : NoMatch;

    private static int Fold(int c, int flags) => (flags & CaseFold) != 0 && c >= 'A' && c <= 'Z' ? c + 32 : c;

    /// <summary>Whether a '.' at <paramref name="s"/> is leading: at the start, or after a '/' with FNM_PATHNAME.</summary>
    private static bool LeadingPeriod(byte* s, byte* start, int flags) =>
        (flags & Period) != 0 && *s == '.' && (s == start || ((flags & PathName) != 0 && s[-1] == '/'));

    internal static bool Match(byte* p, byte* s, byte* start, int flags)
    {
        while (true)
        {
            var c = *p;
            if (c == 0)
                return *s == 0 || ((flags & LeadingDir) != 0 && *s == '/');
            switch (c)
            {
                case (byte)'?':
                    if (*s == 0 || ((flags & PathName) != 0 && *s == '/') || LeadingPeriod(s, start, flags))
                        return false;
                    p++;
                    s++;
                    break;
                case (byte)'*':
                {
                    while (*p == '*')
                        p++;
                    if (LeadingPeriod(s, start, flags))
                        return false;
                    // Each position the rest could start at, never past a '/' under FNM_PATHNAME.
                    for (var t = s; ; t++)
                    {
                        if (Match(p, t, start, flags))
                            return true;
                        if (*t == 0 || ((flags & PathName) != 0 && *t == '/'))
                            return *p == 0 && *t == '/' && (flags & LeadingDir) != 0;
                    }
                }
                case (byte)'[':
                {
                    if (*s == 0 || ((flags & PathName) != 0 && *s == '/') || LeadingPeriod(s, start, flags))
                        return false;
                    var r = Bracket(p + 1, *s, flags, out var next);
                    if (r < 0)
                    {
                        // No closing ']': the '[' is an ordinary character.
                        if (*s != '[')
                            return false;
                        p++;
                        s++;
                        break;
                    }
                    if (r == 0)
                        return false;
                    p = next;
                    s++;
                    break;
                }
                default:
                    if (c == '\\' && (flags & NoEscape) == 0)
                    {
                        // A pattern ending in a lone backslash matches nothing (glibc).
                        if (p[1] == 0)
                            return false;
                        c = *++p;
                    }
                    if (Fold(c, flags) != Fold(*s, flags))
                        return false;
                    p++;
                    s++;
                    break;
            }
        }
    }

    /// <summary>A bracket expression after its '[': 1 if <paramref name="c"/> is in it, 0 if not, -1 if it has no ']'; <paramref name="next"/> is past it.</summary>
    private static int Bracket(byte* p, int c, int flags, out byte* next)
    {
        next = p;
        var negate = *p == '!' || *p == '^';
        if (negate)
            p++;
        var matched = false;
        var first = true;
        var folded = Fold(c, flags);
        while (true)
        {
            int lo = *p;
            if (lo == 0)
                return -1;
            if (lo == ']' && !first)
                break;
            first = false;
            if (lo == '[' && p[1] == ':')
            {
                var end = p + 2;
                while (*end != 0 && !(*end == ':' && end[1] == ']'))
                    end++;
                if (*end == 0)
                    return -1;
                matched |= InClass(p + 2, (int)(end - p - 2), c);
                p = end + 2;
                continue;
            }
            if (lo == '\\' && (flags & NoEscape) == 0 && p[1] != 0)
                lo = *++p;
            p++;
            var hi = lo;
            if (*p == '-' && p[1] != ']' && p[1] != 0)
            {
                p++;
                hi = *p;
                if (hi == '\\' && (flags & NoEscape) == 0 && p[1] != 0)
                    hi = *++p;
                p++;
            }
            if ((c >= lo && c <= hi) || (folded >= Fold(lo, flags) && folded <= Fold(hi, flags)) ||
                ((flags & CaseFold) != 0 && c >= 'a' && c <= 'z' && c - 32 >= lo && c - 32 <= hi))
                matched = true;
        }
        next = p + 1;
        return matched != negate ? 1 : 0;
    }

    private static bool Is(byte* name, int length, System.ReadOnlySpan<byte> text)
    {
        if (length != text.Length)
            return false;
        for (var i = 0; i < length; i++)
        {
            if (name[i] != text[i])
                return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="c"/> is in the named class (the C locale's); an unknown name matches nothing.</summary>
    private static bool InClass(byte* name, int length, int c)
    {
        var upper = c >= 'A' && c <= 'Z';
        var lower = c >= 'a' && c <= 'z';
        var digit = c >= '0' && c <= '9';
        var graph = c > ' ' && c < 127;
        if (Is(name, length, "alpha"u8)) return upper || lower;
        if (Is(name, length, "digit"u8)) return digit;
        if (Is(name, length, "alnum"u8)) return upper || lower || digit;
        if (Is(name, length, "upper"u8)) return upper;
        if (Is(name, length, "lower"u8)) return lower;
        if (Is(name, length, "space"u8)) return Ctype.Ctype.Space(c);
        if (Is(name, length, "blank"u8)) return c == ' ' || c == '\t';
        if (Is(name, length, "punct"u8)) return graph && !upper && !lower && !digit;
        if (Is(name, length, "print"u8)) return graph || c == ' ';
        if (Is(name, length, "graph"u8)) return graph;
        if (Is(name, length, "cntrl"u8)) return c < ' ' || c == 127;
        if (Is(name, length, "xdigit"u8)) return digit || (c | 32) >= 'a' && (c | 32) <= 'f';
        return false;
    }
}
