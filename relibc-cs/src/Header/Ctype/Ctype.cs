using System.Runtime.InteropServices;

namespace Relibc.Header.Ctype;

/// <summary>ctype.h in the C/POSIX locale (C17 7.4; https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/ctype.h.html). Arguments are EOF or an unsigned char value.</summary>
public static class Ctype
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

    private static bool Alpha(int c) => (uint)((c | 32) - 'a') < 26;

    /// <summary>isspace in the C locale: space, \t \n \v \f \r (what strtol and strtod skip, C17 7.22.1.4p2).</summary>
    public static bool Space(int c) => c == ' ' || (uint)(c - '\t') < 5;
}
