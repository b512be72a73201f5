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

    /// <summary>clock_getres — https://pubs.opengroup.org/onlinepubs/9699919799/functions/clock_getres.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "clock_getres")]
    public static int ClockGetRes(int clock, TimeSpec* result) => (int)Errno.Errno.Result(Pal.ClockResolution(clock, result));

    /// <summary>nanosleep — https://pubs.opengroup.org/onlinepubs/9699919799/functions/nanosleep.html (EINVAL for a bad timespec; EINTR with the time left).</summary>
    [UnmanagedCallersOnly(EntryPoint = "nanosleep")]
    public static int NanoSleep(TimeSpec* request, TimeSpec* remaining)
    {
        if (request->Nanoseconds < 0 || request->Nanoseconds >= 1_000_000_000 || request->Seconds < 0)
        {
            Errno.Errno.Set(Errno.E.INVAL);
            return -1;
        }
        return (int)Errno.Errno.Result(Pal.Sleep(1, false, request, remaining));
    }

    /// <summary>clock_nanosleep — https://pubs.opengroup.org/onlinepubs/9699919799/functions/clock_nanosleep.html (TIMER_ABSTIME 1; returns the error number, errno untouched).</summary>
    [UnmanagedCallersOnly(EntryPoint = "clock_nanosleep")]
    public static int ClockNanoSleep(int clock, int flags, TimeSpec* request, TimeSpec* remaining)
    {
        if (request->Nanoseconds < 0 || request->Nanoseconds >= 1_000_000_000)
            return Errno.E.INVAL;
        var r = Pal.Sleep(clock, (flags & 1) != 0, request, remaining);
        return r < 0 ? (int)-r : 0;
    }

    /// <summary>clock — C17 7.27.2.1: the process's CPU time in CLOCKS_PER_SEC (1,000,000) units.</summary>
    [UnmanagedCallersOnly(EntryPoint = "clock")]
    public static long Clock()
    {
        TimeSpec t;
        if (Pal.ClockTime(2 /* CLOCK_PROCESS_CPUTIME_ID */, &t) < 0)
            return -1;
        return t.Seconds * 1_000_000 + t.Nanoseconds / 1000;
    }

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
