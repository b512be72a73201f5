using System.Runtime.InteropServices;

namespace Relibc.Header.String;

/// <summary>
/// string.h (C17 7.24; https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/string.h.html). The byte loops are
/// written word-at-a-time where it matters; LLVM does not turn them back into calls to themselves (it never forms
/// memcpy/memset idioms inside functions of those names).
/// </summary>
public static unsafe class Str
{
    /// <summary>memcpy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/memcpy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "memcpy")]
    public static void* MemCpy(void* destination, void* source, nuint count)
    {
        Copy((byte*)destination, (byte*)source, count);
        return destination;
    }

    /// <summary>memmove — https://pubs.opengroup.org/onlinepubs/9699919799/functions/memmove.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "memmove")]
    public static void* MemMove(void* destination, void* source, nuint count)
    {
        var d = (byte*)destination;
        var s = (byte*)source;
        if (d <= s || d >= s + count)
        {
            Copy(d, s, count);
        }
        else
        {
            while (count >= 8)
            {
                count -= 8;
                *(ulong*)(d + count) = *(ulong*)(s + count);
            }
            while (count > 0)
            {
                count--;
                d[count] = s[count];
            }
        }
        return destination;
    }

    /// <summary>memset — https://pubs.opengroup.org/onlinepubs/9699919799/functions/memset.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "memset")]
    public static void* MemSet(void* destination, int value, nuint count)
    {
        Fill((byte*)destination, (byte)value, count);
        return destination;
    }

    /// <summary>memcmp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/memcmp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "memcmp")]
    public static int MemCmp(void* left, void* right, nuint count)
    {
        var a = (byte*)left;
        var b = (byte*)right;
        nuint i = 0;
        while (i + 8 <= count && *(ulong*)(a + i) == *(ulong*)(b + i))
            i += 8;
        for (; i < count; i++)
        {
            if (a[i] != b[i])
                return a[i] - b[i];
        }
        return 0;
    }

    /// <summary>memchr — https://pubs.opengroup.org/onlinepubs/9699919799/functions/memchr.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "memchr")]
    public static void* MemChr(void* source, int value, nuint count) => Find((byte*)source, (byte)value, count);

    /// <summary>strlen — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strlen.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strlen")]
    public static nuint StrLen(byte* s) => Length(s);

    /// <summary>strnlen — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strnlen.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strnlen")]
    public static nuint StrNLen(byte* s, nuint max)
    {
        nuint n = 0;
        while (n < max && s[n] != 0)
            n++;
        return n;
    }

    /// <summary>strcmp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strcmp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strcmp")]
    public static int StrCmp(byte* a, byte* b) => Compare(a, b, nuint.MaxValue);

    /// <summary>strncmp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strncmp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strncmp")]
    public static int StrNCmp(byte* a, byte* b, nuint n) => Compare(a, b, n);

    /// <summary>strchr — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strchr.html (the terminator is part of the string).</summary>
    [UnmanagedCallersOnly(EntryPoint = "strchr")]
    public static byte* StrChr(byte* s, int c)
    {
        for (; ; s++)
        {
            if (*s == (byte)c)
                return s;
            if (*s == 0)
                return null;
        }
    }

    /// <summary>strrchr — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strrchr.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strrchr")]
    public static byte* StrRChr(byte* s, int c)
    {
        byte* last = null;
        for (; ; s++)
        {
            if (*s == (byte)c)
                last = s;
            if (*s == 0)
                return last;
        }
    }

    /// <summary>strcpy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strcpy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strcpy")]
    public static byte* StrCpy(byte* destination, byte* source)
    {
        Copy(destination, source, Length(source) + 1);
        return destination;
    }

    /// <summary>strncpy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strncpy.html (pads with NULs to n).</summary>
    [UnmanagedCallersOnly(EntryPoint = "strncpy")]
    public static byte* StrNCpy(byte* destination, byte* source, nuint n)
    {
        nuint i = 0;
        for (; i < n && source[i] != 0; i++)
            destination[i] = source[i];
        Fill(destination + i, 0, n - i);
        return destination;
    }

    /// <summary>strcat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strcat.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strcat")]
    public static byte* StrCat(byte* destination, byte* source)
    {
        Copy(destination + Length(destination), source, Length(source) + 1);
        return destination;
    }

    /// <summary>strncat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strncat.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strncat")]
    public static byte* StrNCat(byte* destination, byte* source, nuint n)
    {
        var d = destination + Length(destination);
        nuint i = 0;
        for (; i < n && source[i] != 0; i++)
            d[i] = source[i];
        d[i] = 0;
        return destination;
    }

    /// <summary>strstr — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strstr.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strstr")]
    public static byte* StrStr(byte* haystack, byte* needle)
    {
        var n = Length(needle);
        if (n == 0)
            return haystack;
        for (; *haystack != 0; haystack++)
        {
            if (*haystack == *needle && Compare(haystack, needle, n) == 0)
                return haystack;
        }
        return null;
    }

    /// <summary>strspn — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strspn.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strspn")]
    public static nuint StrSpn(byte* s, byte* accept) => Span(s, accept, true);

    /// <summary>strcspn — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strcspn.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strcspn")]
    public static nuint StrCSpn(byte* s, byte* reject) => Span(s, reject, false);

    /// <summary>The first <paramref name="value"/> in <paramref name="count"/> bytes, or null (memchr's body).</summary>
    public static byte* Find(byte* s, byte value, nuint count)
    {
        for (nuint i = 0; i < count; i++)
        {
            if (s[i] == value)
                return s + i;
        }
        return null;
    }

    public static nuint Length(byte* s)
    {
        var p = s;
        while (((nuint)p & 7) != 0)
        {
            if (*p == 0)
                return (nuint)(p - s);
            p++;
        }
        // Aligned words never cross a page, so reading past the terminator within one is safe.
        const ulong Ones = 0x0101010101010101, Highs = 0x8080808080808080;
        while (((*(ulong*)p - Ones) & ~*(ulong*)p & Highs) == 0)
            p += 8;
        while (*p != 0)
            p++;
        return (nuint)(p - s);
    }

    public static int Compare(byte* a, byte* b, nuint n)
    {
        for (nuint i = 0; i < n; i++)
        {
            if (a[i] != b[i])
                return a[i] - b[i];
            if (a[i] == 0)
                return 0;
        }
        return 0;
    }

    public static void Copy(byte* d, byte* s, nuint count)
    {
        while (count >= 32)
        {
            *(ulong*)d = *(ulong*)s;
            *(ulong*)(d + 8) = *(ulong*)(s + 8);
            *(ulong*)(d + 16) = *(ulong*)(s + 16);
            *(ulong*)(d + 24) = *(ulong*)(s + 24);
            d += 32;
            s += 32;
            count -= 32;
        }
        while (count >= 8)
        {
            *(ulong*)d = *(ulong*)s;
            d += 8;
            s += 8;
            count -= 8;
        }
        while (count > 0)
        {
            *d++ = *s++;
            count--;
        }
    }

    public static void Fill(byte* d, byte value, nuint count)
    {
        var word = value * 0x0101010101010101UL;
        while (count >= 8)
        {
            *(ulong*)d = word;
            d += 8;
            count -= 8;
        }
        while (count > 0)
        {
            *d++ = value;
            count--;
        }
    }

    private static nuint Span(byte* s, byte* set, bool inSet)
    {
        nuint n = 0;
        for (; s[n] != 0; n++)
        {
            var found = false;
            for (var c = set; *c != 0; c++)
            {
                if (*c == s[n])
                {
                    found = true;
                    break;
                }
            }
            if (found != inSet)
                break;
        }
        return n;
    }
}
