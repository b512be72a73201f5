using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Relibc.Header.String;

/// <summary>
/// string.h (C17 7.24; https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/string.h.html): the exports. The
/// kernels they share are in Str.Memory.cs and Str.Strings.cs (16-byte vectors where the target has them, 8-byte
/// words where it does not); -fno-builtin keeps LLVM from turning their loops back into calls to memcpy/memset.
/// </summary>
public static unsafe partial class Str
{
    /// <summary>memcpy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/memcpy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "memcpy")]
    public static void* MemCpy(void* destination, void* source, nuint count) => Move((byte*)destination, (byte*)source, count);

    /// <summary>memmove — https://pubs.opengroup.org/onlinepubs/9699919799/functions/memmove.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "memmove")]
    public static void* MemMove(void* destination, void* source, nuint count) => Move((byte*)destination, (byte*)source, count);

    /// <summary>
    /// memcpy's and memmove's body (one function: every path is right for overlapping regions): up to 64 bytes inline,
    /// the rest a tail call.
    /// </summary>
    private static byte* Move(byte* d, byte* s, nuint count)
    {
        if (count <= 16)
        {
            CopySmall(d, s, count);
            return d;
        }
        if (count <= 64 && Vector128.IsHardwareAccelerated)
        {
            CopyMedium(d, s, count);
            return d;
        }
        return CopyLarge(d, s, count);
    }

    /// <summary>memset — https://pubs.opengroup.org/onlinepubs/9699919799/functions/memset.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "memset")]
    public static void* MemSet(void* destination, int value, nuint count)
    {
        var d = (byte*)destination;
        if (count <= 64 && Vector128.IsHardwareAccelerated)
        {
            FillSmall(d, (byte)value, count);
            return d;
        }
        return FillLarge(d, (byte)value, count);
    }

    /// <summary>memcmp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/memcmp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "memcmp")]
    public static int MemCmp(void* left, void* right, nuint count) =>
        CompareMemory((byte*)left, (byte*)right, count);

    /// <summary>
    /// bcmp — zero when the bytes are equal (POSIX.1-2001 strings.h, withdrawn in 2008): clang and LLVM turn
    /// <c>memcmp(a, b, n) == 0</c> into a call to it, so a C library must have it.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "bcmp")]
    public static int BCmp(void* left, void* right, nuint count) =>
        CompareMemory((byte*)left, (byte*)right, count);

    /// <summary>memchr — https://pubs.opengroup.org/onlinepubs/9699919799/functions/memchr.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "memchr")]
    public static void* MemChr(void* source, int value, nuint count) => Find((byte*)source, (byte)value, count);

    /// <summary>strlen — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strlen.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strlen")]
    public static nuint StrLen(byte* s) => Length(s);

    /// <summary>strnlen — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strnlen.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strnlen")]
    public static nuint StrNLen(byte* s, nuint max) => LengthBounded(s, max);

    /// <summary>strcmp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strcmp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strcmp")]
    public static int StrCmp(byte* a, byte* b) => Compare(a, b, nuint.MaxValue);

    /// <summary>strncmp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strncmp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strncmp")]
    public static int StrNCmp(byte* a, byte* b, nuint n) => Compare(a, b, n);

    /// <summary>strchr — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strchr.html (the terminator is part of the string).</summary>
    [UnmanagedCallersOnly(EntryPoint = "strchr")]
    public static byte* StrChr(byte* s, int c) => FindInString(s, (byte)c);

    /// <summary>strrchr — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strrchr.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strrchr")]
    public static byte* StrRChr(byte* s, int c) => FindLastInString(s, (byte)c);

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
