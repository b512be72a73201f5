using System.Runtime.InteropServices;

namespace Relibc.Header.Strings;

/// <summary>strings.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/strings.h.html), in the POSIX locale.</summary>
public static unsafe class Strings
{
    private static int Lower(int c) => (uint)(c - 'A') < 26 ? c + 32 : c;

    /// <summary>ffs — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ffs.html (1 + the index of the lowest set bit; 0 for 0).</summary>
    [UnmanagedCallersOnly(EntryPoint = "ffs")]
    public static int Ffs(int i)
    {
        if (i == 0)
            return 0;
        var n = 1;
        for (var v = (uint)i; (v & 1) == 0; v >>= 1)
            n++;
        return n;
    }

    /// <summary>strcasecmp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strcasecmp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strcasecmp")]
    public static int StrCaseCmp(byte* a, byte* b) => Compare(a, b, nuint.MaxValue);

    /// <summary>strncasecmp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strncasecmp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strncasecmp")]
    public static int StrNCaseCmp(byte* a, byte* b, nuint n) => Compare(a, b, n);

    private static int Compare(byte* a, byte* b, nuint n)
    {
        for (nuint i = 0; i < n; i++)
        {
            int x = Lower(a[i]), y = Lower(b[i]);
            if (x != y || x == 0)
                return x - y;
        }
        return 0;
    }
}
