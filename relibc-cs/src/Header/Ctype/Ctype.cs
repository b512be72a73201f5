using System.Runtime.InteropServices;

namespace Relibc.Header.Ctype;

/// <summary>ctype.h in the C/POSIX locale (C17 7.4; https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/ctype.h.html). Arguments are EOF or an unsigned char value.</summary>
public static unsafe class Ctype
{
    [UnmanagedCallersOnly(EntryPoint = "isdigit")] public static int IsDigit(int c) => (uint)(c - '0') < 10 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "isalpha")] public static int IsAlpha(int c) => Alpha(c) ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "isalnum")] public static int IsAlnum(int c) => Alpha(c) || (uint)(c - '0') < 10 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "isupper")] public static int IsUpper(int c) => (uint)(c - 'A') < 26 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "islower")] public static int IsLower(int c) => (uint)(c - 'a') < 26 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "isspace")] public static int IsSpace(int c) => Space(c) ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "isblank")] public static int IsBlank(int c) => c == ' ' || c == '\t' ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "isxdigit")] public static int IsXDigit(int c) => (uint)(c - '0') < 10 || (uint)((c | 32) - 'a') < 6 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "iscntrl")] public static int IsCntrl(int c) => (uint)c < 32 || c == 127 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "isprint")] public static int IsPrint(int c) => (uint)(c - 32) < 95 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "isgraph")] public static int IsGraph(int c) => (uint)(c - 33) < 94 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "ispunct")] public static int IsPunct(int c) => (uint)(c - 33) < 94 && !Alpha(c) && (uint)(c - '0') >= 10 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "toupper")] public static int ToUpper(int c) => (uint)(c - 'a') < 26 ? c - 32 : c;
    [UnmanagedCallersOnly(EntryPoint = "tolower")] public static int ToLower(int c) => (uint)(c - 'A') < 26 ? c + 32 : c;

    // The _l forms (POSIX.1-2008): the same answers in both locales relibc-cs has — in C.UTF-8 a byte from 0x80 on is
    // no character, so it has no class, as in glibc.
    [UnmanagedCallersOnly(EntryPoint = "isdigit_l")] public static int IsDigitL(int c, void* locale) => (uint)(c - '0') < 10 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "isalpha_l")] public static int IsAlphaL(int c, void* locale) => Alpha(c) ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "isalnum_l")] public static int IsAlnumL(int c, void* locale) => Alpha(c) || (uint)(c - '0') < 10 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "isupper_l")] public static int IsUpperL(int c, void* locale) => (uint)(c - 'A') < 26 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "islower_l")] public static int IsLowerL(int c, void* locale) => (uint)(c - 'a') < 26 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "isspace_l")] public static int IsSpaceL(int c, void* locale) => Space(c) ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "isblank_l")] public static int IsBlankL(int c, void* locale) => c == ' ' || c == '\t' ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "isxdigit_l")] public static int IsXDigitL(int c, void* locale) => (uint)(c - '0') < 10 || (uint)((c | 32) - 'a') < 6 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "iscntrl_l")] public static int IsCntrlL(int c, void* locale) => (uint)c < 32 || c == 127 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "isprint_l")] public static int IsPrintL(int c, void* locale) => (uint)(c - 32) < 95 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "isgraph_l")] public static int IsGraphL(int c, void* locale) => (uint)(c - 33) < 94 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "ispunct_l")] public static int IsPunctL(int c, void* locale) => (uint)(c - 33) < 94 && !Alpha(c) && (uint)(c - '0') >= 10 ? 1 : 0;
    [UnmanagedCallersOnly(EntryPoint = "toupper_l")] public static int ToUpperL(int c, void* locale) => (uint)(c - 'a') < 26 ? c - 32 : c;
    [UnmanagedCallersOnly(EntryPoint = "tolower_l")] public static int ToLowerL(int c, void* locale) => (uint)(c - 'A') < 26 ? c + 32 : c;

    /// <summary>isascii — XSI (https://pubs.opengroup.org/onlinepubs/9699919799/functions/isascii.html)</summary>
    [UnmanagedCallersOnly(EntryPoint = "isascii")] public static int IsAscii(int c) => (uint)c < 128 ? 1 : 0;

    /// <summary>toascii — XSI (https://pubs.opengroup.org/onlinepubs/9699919799/functions/toascii.html): the low seven bits</summary>
    [UnmanagedCallersOnly(EntryPoint = "toascii")] public static int ToAscii(int c) => c & 0x7F;


    private static bool Alpha(int c) => (uint)((c | 32) - 'a') < 26;

    /// <summary>isspace in the C locale: space, \t \n \v \f \r (what strtol and strtod skip, C17 7.22.1.4p2).</summary>
    public static bool Space(int c) => c == ' ' || (uint)(c - '\t') < 5;
}
