using System.Runtime.InteropServices;
using Relibc.Header.Locale;
using Relibc.Header.Stdlib;

namespace Relibc.Header.Wchar;

/// <summary>
/// wchar.h's wide-string functions (C17 7.29.4; POSIX.1-2017). wchar_t is 32 bits on the three targets, signed on
/// x86_64 and riscv64 and unsigned on aarch64 (the psABIs): the comparisons order by the target's type. wcscoll and
/// wcsxfrm order code points (the C and C.UTF-8 collation); the case-insensitive ones fold with towlower.
/// </summary>
public static unsafe class WideString
{
#if VERIDIAN_AARCH64
    private static int Order(uint a, uint b) => a < b ? -1 : a > b ? 1 : 0;
#else
    private static int Order(uint a, uint b) => (int)a < (int)b ? -1 : (int)a > (int)b ? 1 : 0;
#endif

    internal static nuint Length(uint* s)
    {
        nuint n = 0;
        while (s[n] != 0)
            n++;
        return n;
    }

    /// <summary>wcslen — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcslen.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcslen")]
    public static nuint WcsLen(uint* s) => Length(s);

    /// <summary>wcsnlen — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcsnlen.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcsnlen")]
    public static nuint WcsNLen(uint* s, nuint max)
    {
        nuint n = 0;
        while (n < max && s[n] != 0)
            n++;
        return n;
    }

    /// <summary>wcscpy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcscpy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcscpy")]
    public static uint* WcsCpy(uint* d, uint* s)
    {
        var r = d;
        while ((*d++ = *s++) != 0)
        {
        }
        return r;
    }

    /// <summary>wcpcpy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcpcpy.html (the end of the copy)</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcpcpy")]
    public static uint* WcpCpy(uint* d, uint* s)
    {
        while ((*d = *s++) != 0)
            d++;
        return d;
    }

    /// <summary>wcsncpy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcsncpy.html (padded with nulls to n)</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcsncpy")]
    public static uint* WcsNCpy(uint* d, uint* s, nuint n)
    {
        nuint i = 0;
        for (; i < n && s[i] != 0; i++)
            d[i] = s[i];
        for (; i < n; i++)
            d[i] = 0;
        return d;
    }

    /// <summary>wcpncpy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcpncpy.html (the first null written, or d + n)</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcpncpy")]
    public static uint* WcpNCpy(uint* d, uint* s, nuint n)
    {
        nuint i = 0;
        for (; i < n && s[i] != 0; i++)
            d[i] = s[i];
        var end = d + i;
        for (; i < n; i++)
            d[i] = 0;
        return end;
    }

    /// <summary>wcscat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcscat.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcscat")]
    public static uint* WcsCat(uint* d, uint* s)
    {
        var p = d + Length(d);
        while ((*p++ = *s++) != 0)
        {
        }
        return d;
    }

    /// <summary>wcsncat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcsncat.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcsncat")]
    public static uint* WcsNCat(uint* d, uint* s, nuint n)
    {
        var p = d + Length(d);
        nuint i = 0;
        for (; i < n && s[i] != 0; i++)
            p[i] = s[i];
        p[i] = 0;
        return d;
    }

    internal static int Compare(uint* a, uint* b, nuint n)
    {
        for (nuint i = 0; i < n; i++)
        {
            if (a[i] != b[i])
                return Order(a[i], b[i]);
            if (a[i] == 0)
                return 0;
        }
        return 0;
    }

    /// <summary>wcscmp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcscmp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcscmp")]
    public static int WcsCmp(uint* a, uint* b) => Compare(a, b, nuint.MaxValue);

    /// <summary>wcsncmp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcsncmp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcsncmp")]
    public static int WcsNCmp(uint* a, uint* b, nuint n) => Compare(a, b, n);

    /// <summary>wcscoll — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcscoll.html (code point order)</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcscoll")]
    public static int WcsColl(uint* a, uint* b) => Compare(a, b, nuint.MaxValue);

    /// <summary>wcscoll_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcscoll.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcscoll_l")]
    public static int WcsCollL(uint* a, uint* b, void* locale) => Compare(a, b, nuint.MaxValue);

    /// <summary>wcsxfrm — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcsxfrm.html (the string itself: code point order)</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcsxfrm")]
    public static nuint WcsXfrm(uint* d, uint* s, nuint n) => Transform(d, s, n);

    /// <summary>wcsxfrm_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcsxfrm.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcsxfrm_l")]
    public static nuint WcsXfrmL(uint* d, uint* s, nuint n, void* locale) => Transform(d, s, n);

    private static nuint Transform(uint* d, uint* s, nuint n)
    {
        var length = Length(s);
        if (length < n)
        {
            for (nuint i = 0; i <= length; i++)
                d[i] = s[i];
        }
        return length;
    }

    private static int CaseCompare(uint* a, uint* b, nuint n, bool utf8)
    {
        for (nuint i = 0; i < n; i++)
        {
            var x = Wctype.Wctype.Lower(a[i], utf8);
            var y = Wctype.Wctype.Lower(b[i], utf8);
            if (x != y)
                return Order(x, y);
            if (x == 0)
                return 0;
        }
        return 0;
    }

    /// <summary>wcscasecmp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcscasecmp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcscasecmp")]
    public static int WcsCaseCmp(uint* a, uint* b) => CaseCompare(a, b, nuint.MaxValue, Locales.Utf8);

    /// <summary>wcsncasecmp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcsncasecmp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcsncasecmp")]
    public static int WcsNCaseCmp(uint* a, uint* b, nuint n) => CaseCompare(a, b, n, Locales.Utf8);

    /// <summary>wcscasecmp_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcscasecmp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcscasecmp_l")]
    public static int WcsCaseCmpL(uint* a, uint* b, void* locale) => CaseCompare(a, b, nuint.MaxValue, Locales.IsUtf8(locale));

    /// <summary>wcsncasecmp_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcsncasecmp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcsncasecmp_l")]
    public static int WcsNCaseCmpL(uint* a, uint* b, nuint n, void* locale) => CaseCompare(a, b, n, Locales.IsUtf8(locale));

    /// <summary>wcschr — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcschr.html (the terminator can be found)</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcschr")]
    public static uint* WcsChr(uint* s, uint c)
    {
        for (; ; s++)
        {
            if (*s == c)
                return s;
            if (*s == 0)
                return null;
        }
    }

    /// <summary>wcsrchr — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcsrchr.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcsrchr")]
    public static uint* WcsRChr(uint* s, uint c)
    {
        uint* last = null;
        for (; ; s++)
        {
            if (*s == c)
                last = s;
            if (*s == 0)
                return last;
        }
    }

    private static bool In(uint c, uint* set)
    {
        for (; *set != 0; set++)
        {
            if (*set == c)
                return true;
        }
        return false;
    }

    private static nuint Span(uint* s, uint* set, bool accept)
    {
        nuint n = 0;
        while (s[n] != 0 && In(s[n], set) == accept)
            n++;
        return n;
    }

    /// <summary>wcsspn — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcsspn.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcsspn")]
    public static nuint WcsSpn(uint* s, uint* set) => Span(s, set, true);

    /// <summary>wcscspn — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcscspn.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcscspn")]
    public static nuint WcsCSpn(uint* s, uint* set) => Span(s, set, false);

    /// <summary>wcspbrk — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcspbrk.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcspbrk")]
    public static uint* WcsPBrk(uint* s, uint* set)
    {
        s += Span(s, set, false);
        return *s != 0 ? s : null;
    }

    private static uint* Find(uint* haystack, uint* needle)
    {
        var n = Length(needle);
        if (n == 0)
            return haystack;
        for (; *haystack != 0; haystack++)
        {
            if (*haystack == needle[0] && Compare(haystack, needle, n) == 0)
                return haystack;
        }
        return null;
    }

    /// <summary>wcsstr — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcsstr.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcsstr")]
    public static uint* WcsStr(uint* haystack, uint* needle) => Find(haystack, needle);

    /// <summary>wcswcs — XSI's older name of wcsstr (https://pubs.opengroup.org/onlinepubs/7908799/xsh/wcswcs.html)</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcswcs")]
    public static uint* WcsWcs(uint* haystack, uint* needle) => Find(haystack, needle);

    /// <summary>wcstok — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcstok.html (C17's three-argument form)</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcstok")]
    public static uint* WcsTok(uint* s, uint* delimiters, uint** saved)
    {
        if (s == null)
            s = *saved;
        if (s == null)
            return null;
        s += Span(s, delimiters, true);
        if (*s == 0)
        {
            *saved = null;
            return null;
        }
        var end = s + Span(s, delimiters, false);
        if (*end != 0)
        {
            *end = 0;
            *saved = end + 1;
        }
        else
            *saved = null;
        return s;
    }

    /// <summary>wcsdup — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcsdup.html (ENOMEM: null)</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcsdup")]
    public static uint* WcsDup(uint* s)
    {
        var n = Length(s) + 1;
        var copy = (uint*)Malloc.Allocate(n * 4, 16);
        if (copy == null)
        {
            Errno.Errno.Set(Errno.E.NOMEM);
            return null;
        }
        for (nuint i = 0; i < n; i++)
            copy[i] = s[i];
        return copy;
    }

    /// <summary>wmemchr — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wmemchr.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wmemchr")]
    public static uint* WMemChr(uint* s, uint c, nuint n)
    {
        for (nuint i = 0; i < n; i++)
        {
            if (s[i] == c)
                return s + i;
        }
        return null;
    }

    /// <summary>wmemcmp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wmemcmp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wmemcmp")]
    public static int WMemCmp(uint* a, uint* b, nuint n)
    {
        for (nuint i = 0; i < n; i++)
        {
            if (a[i] != b[i])
                return Order(a[i], b[i]);
        }
        return 0;
    }

    /// <summary>wmemcpy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wmemcpy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wmemcpy")]
    public static uint* WMemCpy(uint* d, uint* s, nuint n)
    {
        String.Str.Copy((byte*)d, (byte*)s, n * 4);
        return d;
    }

    /// <summary>wmemmove — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wmemmove.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wmemmove")]
    public static uint* WMemMove(uint* d, uint* s, nuint n)
    {
        String.Str.Copy((byte*)d, (byte*)s, n * 4);
        return d;
    }

    /// <summary>wmemset — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wmemset.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wmemset")]
    public static uint* WMemSet(uint* d, uint c, nuint n)
    {
        for (nuint i = 0; i < n; i++)
            d[i] = c;
        return d;
    }

    /// <summary>
    /// The number at the start of a wide string, by the narrow function <paramref name="kind"/> selects (0 strtol, 1
    /// strtoul, 2 strtod, 3 strtof): leading white space is skipped by iswspace, then the ASCII characters that follow
    /// (at most 1,024; a number has no other characters) are copied to bytes and converted; *end maps back.
    /// </summary>
    internal static ulong Number(uint* s, uint** end, int radix, int kind)
    {
        var start = s;
        while (Wctype.Wctype.Is(*s, 512, Locales.Utf8) != 0)
            s++;
        var bytes = stackalloc byte[1025];
        var n = 0;
        while (n < 1024 && s[n] != 0 && s[n] < 0x80)
        {
            bytes[n] = (byte)s[n];
            n++;
        }
        bytes[n] = 0;
        byte* stop;
        ulong r = kind switch
        {
            0 => (ulong)Convert.Signed(bytes, &stop, radix, long.MinValue, long.MaxValue),
            1 => Convert.Unsigned(bytes, &stop, radix),
            2 => Strtod.Parse(bytes, &stop, 52, 1023),
            _ => Strtod.Parse(bytes, &stop, 23, 127),
        };
        if (end != null)
            *end = stop == bytes ? start : s + (stop - bytes);
        return r;
    }

    /// <summary>wcstol — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcstol.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcstol")]
    public static long WcsToL(uint* s, uint** end, int radix) => (long)Number(s, end, radix, 0);

    /// <summary>wcstoll — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcstoll.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcstoll")]
    public static long WcsToLL(uint* s, uint** end, int radix) => (long)Number(s, end, radix, 0);

    /// <summary>wcstoul — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcstoul.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcstoul")]
    public static ulong WcsToUL(uint* s, uint** end, int radix) => Number(s, end, radix, 1);

    /// <summary>wcstoull — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcstoull.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcstoull")]
    public static ulong WcsToULL(uint* s, uint** end, int radix) => Number(s, end, radix, 1);

    /// <summary>wcstod — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcstod.html (exact, as strtod)</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcstod")]
    public static double WcsToD(uint* s, uint** end)
    {
        var bits = Number(s, end, 10, 2);
        return *(double*)&bits;
    }

    /// <summary>wcstof — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcstof.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcstof")]
    public static float WcsToF(uint* s, uint** end)
    {
        var bits = (uint)Number(s, end, 10, 3);
        return *(float*)&bits;
    }
}
