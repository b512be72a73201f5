using System.Runtime.InteropServices;
using Relibc.Platform;

namespace Relibc.Header.Sys_Time;

/// <summary>sys/time.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/sys_time.h.html) and sys/select.h's select.</summary>
public static unsafe class SysTime
{
    /// <summary>gettimeofday — https://pubs.opengroup.org/onlinepubs/9699919799/functions/gettimeofday.html (the time zone argument is ignored, as POSIX allows).</summary>
    [UnmanagedCallersOnly(EntryPoint = "gettimeofday")]
    public static int GetTimeOfDay(long* tv, void* zone)
    {
        if (tv == null)
            return 0;
        Time.TimeSpec now;
        var r = Pal.ClockTime(0, &now);
        if (r < 0)
            return (int)Errno.Errno.Result(r);
        tv[0] = now.Seconds;
        tv[1] = now.Nanoseconds / 1000;
        return 0;
    }

    /// <summary>getitimer — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getitimer.html (ITIMER_REAL 0, VIRTUAL 1, PROF 2).</summary>
    [UnmanagedCallersOnly(EntryPoint = "getitimer")]
    public static int GetITimer(int which, void* value) => (int)Errno.Errno.Result(Pal.IntervalTimer(which, value));

    /// <summary>setitimer — https://pubs.opengroup.org/onlinepubs/9699919799/functions/setitimer.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "setitimer")]
    public static int SetITimer(int which, void* value, void* old) => (int)Errno.Errno.Result(Pal.SetIntervalTimer(which, value, old));

    /// <summary>
    /// select — https://pubs.opengroup.org/onlinepubs/9699919799/functions/select.html (fd_set of FD_SETSIZE 1024 bits;
    /// EINVAL for a negative count or a bad timeval; the timeval is updated with the time left, as Linux does).
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "select")]
    public static int Select(int count, void* read, void* write, void* except, long* timeout)
    {
        if (count < 0 || count > 1024 || (timeout != null && (timeout[0] < 0 || timeout[1] < 0 || timeout[1] >= 1_000_000)))
        {
            Errno.Errno.Set(Errno.E.INVAL);
            return -1;
        }
        var t = new Time.TimeSpec();
        Time.TimeSpec* tp = null;
        if (timeout != null)
        {
            t.Seconds = timeout[0];
            t.Nanoseconds = timeout[1] * 1000;
            tp = &t;
        }
        var r = Pal.Select(count, read, write, except, tp);
        if (timeout != null)
        {
            timeout[0] = t.Seconds;
            timeout[1] = t.Nanoseconds / 1000;
        }
        return (int)Errno.Errno.Result(r);
    }

    /// <summary>pselect — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pselect.html (a non-null signal mask is not yet supported: ENOSYS, since applying it around the call would race).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pselect")]
    public static int PSelect(int count, void* read, void* write, void* except, Time.TimeSpec* timeout, void* mask)
    {
        if (mask != null)
        {
            Errno.Errno.Set(Errno.E.NOSYS);
            return -1;
        }
        if (count < 0 || count > 1024)
        {
            Errno.Errno.Set(Errno.E.INVAL);
            return -1;
        }
        Time.TimeSpec copy;
        Time.TimeSpec* tp = null;
        if (timeout != null)
        {
            copy = *timeout;
            tp = &copy; // pselect does not change its timeout
        }
        return (int)Errno.Errno.Result(Pal.Select(count, read, write, except, tp));
    }
}
