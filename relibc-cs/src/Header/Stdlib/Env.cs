using System.Runtime.InteropServices;
using Veridian.Interop;

namespace Relibc.Header.Stdlib;

/// <summary>The environment: <c>environ</c> and getenv (POSIX, C17 7.22.4.6).</summary>
public static unsafe class Env
{
    /// <summary>environ — https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/V1_chap08.html (set at process start).</summary>
    [CSymbol("environ")]
    public static byte** Variables;

    /// <summary>getenv — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getenv.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "getenv")]
    public static byte* GetEnv(byte* name) => Find(name);

    /// <summary>getenv's work, for relibc-cs's own callers (execvp's PATH).</summary>
    public static byte* Find(byte* name)
    {
        if (Variables == null || name == null)
            return null;
        var length = String.Str.Length(name);
        if (length == 0)
            return null;
        for (var e = Variables; *e != null; e++)
        {
            if (String.Str.Compare(*e, name, length) == 0 && (*e)[length] == (byte)'=')
                return *e + length + 1;
        }
        return null;
    }
}
