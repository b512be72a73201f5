using System.Runtime.InteropServices;
using Relibc.Platform;

namespace Relibc.Header.Time;

/// <summary>C's <c>struct timespec</c> (POSIX: time_t tv_sec; long tv_nsec — both 64-bit here).</summary>
public struct TimeSpec
{
    public long Seconds;
    public long Nanoseconds;
}

/// <summary>time.h, the clock functions so far (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/time.h.html).</summary>
public static unsafe class Time
{
    /// <summary>clock_gettime — https://pubs.opengroup.org/onlinepubs/9699919799/functions/clock_gettime.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "clock_gettime")]
    public static int ClockGetTime(int clock, TimeSpec* result) => (int)Errno.Errno.Result(Pal.ClockTime(clock, result));

    /// <summary>time — https://pubs.opengroup.org/onlinepubs/9699919799/functions/time.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "time")]
    public static long TimeExport(long* result)
    {
        TimeSpec now;
        if (Errno.Errno.Result(Pal.ClockTime(0, &now)) < 0)
            return -1;
        if (result != null)
            *result = now.Seconds;
        return now.Seconds;
    }
}
