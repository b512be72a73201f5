using System.Runtime.InteropServices;
using Relibc.Platform;

namespace Relibc.Header.Sys_Utsname;

/// <summary>sys/utsname.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/sys_utsname.h.html): six 65-byte fields.</summary>
public static unsafe class Utsname
{
    /// <summary>uname — https://pubs.opengroup.org/onlinepubs/9699919799/functions/uname.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "uname")]
    public static int Uname(byte* name) => (int)Errno.Errno.Result(Pal.SystemName(name));
}
