using System.Runtime.InteropServices;
using Relibc.Platform;

namespace Relibc.Header.Sched;

/// <summary>sched.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/sched.h.html).</summary>
public static class Sched
{
    /// <summary>sched_yield — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sched_yield.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sched_yield")]
    public static int Yield() => (int)Errno.Errno.Result(Pal.Yield());
}
