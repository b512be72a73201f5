using System.Runtime.InteropServices;
using Relibc.Platform;

namespace Relibc.Header.Sys_Resource;

/// <summary>sys/resource.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/sys_resource.h.html): Linux's RLIMIT_ numbers and struct rusage, the same on the three targets.</summary>
public static unsafe class Resource
{
    /// <summary>getrlimit — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getrlimit.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "getrlimit")]
    public static int GetRLimit(int resource, ulong* limit) => (int)Errno.Errno.Result(Pal.ResourceLimit(resource, limit));

    /// <summary>setrlimit — https://pubs.opengroup.org/onlinepubs/9699919799/functions/setrlimit.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "setrlimit")]
    public static int SetRLimit(int resource, ulong* limit) => (int)Errno.Errno.Result(Pal.SetResourceLimit(resource, limit));

    /// <summary>getrusage — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getrusage.html (RUSAGE_SELF 0, RUSAGE_CHILDREN -1).</summary>
    [UnmanagedCallersOnly(EntryPoint = "getrusage")]
    public static int GetRUsage(int who, void* usage) => (int)Errno.Errno.Result(Pal.ResourceUsage(who, usage));

    /// <summary>getpriority — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getpriority.html (the nice value; -1 can be a value, so errno tells failures).</summary>
    [UnmanagedCallersOnly(EntryPoint = "getpriority")]
    public static int GetPriority(int which, uint who)
    {
        var r = Errno.Errno.Result(Pal.Priority(which, (int)who));
        return r < 0 ? -1 : (int)(20 - r);
    }

    /// <summary>setpriority — https://pubs.opengroup.org/onlinepubs/9699919799/functions/setpriority.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "setpriority")]
    public static int SetPriority(int which, uint who, int nice) => (int)Errno.Errno.Result(Pal.SetPriority(which, (int)who, nice));
}
