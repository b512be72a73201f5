using System.Runtime.InteropServices;
using System.Threading;
using Relibc.Header.Errno;
using Relibc.Platform;

namespace Relibc.Header.Pthread;

/// <summary>
/// Condition variables (https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_cond_wait.html): a waiter
/// reads the sequence number, unlocks the mutex and sleeps while the number is unchanged; signal and broadcast change
/// it and wake one or all. A wake-up may be spurious, as POSIX allows; callers loop on their predicate.
/// </summary>
public static unsafe class Conditions
{
    private const int ClockRealtime = 0, ClockMonotonic = 1;

    /// <summary>pthread_cond_init — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_cond_init.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_cond_init")]
    public static int Init(Condition* c, ConditionAttributes* a)
    {
        *c = default;
        c->Clock = a != null ? a->Clock : ClockRealtime;
        return 0;
    }

    /// <summary>pthread_cond_destroy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_cond_destroy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_cond_destroy")]
    public static int Destroy(Condition* c) => 0;

    /// <summary>pthread_cond_wait — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_cond_wait.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_cond_wait")]
    public static int Wait(Condition* c, Mutex* m) => WaitUntil(c, m, null);

    /// <summary>pthread_cond_timedwait — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_cond_timedwait.html (the deadline on the condition's clock; ETIMEDOUT, EINVAL for a bad timespec).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_cond_timedwait")]
    public static int TimedWait(Condition* c, Mutex* m, Time.TimeSpec* deadline)
    {
        if (deadline->Nanoseconds < 0 || deadline->Nanoseconds >= 1_000_000_000)
            return E.INVAL;
        return WaitUntil(c, m, deadline);
    }

    private static int WaitUntil(Condition* c, Mutex* m, Time.TimeSpec* deadline)
    {
        if (m->Type != Mutexes.Normal && m->Owner != ThreadArea.Current()->Tid)
            return E.PERM;
        var sequence = Volatile.Read(ref c->Sequence);
        var depth = m->Depth;
        m->Depth = 1; // a recursive mutex is released completely while waiting, and restored after
        Mutexes.Release(m);
        var r = Pal.FutexWait(&c->Sequence, sequence, false, c->Clock, deadline);
        Mutexes.Acquire(m);
        m->Depth = depth;
        return r == -E.TIMEDOUT ? E.TIMEDOUT : 0;
    }

    /// <summary>pthread_cond_signal — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_cond_signal.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_cond_signal")]
    public static int Signal(Condition* c)
    {
        Interlocked.Increment(ref c->Sequence);
        Pal.FutexWake(&c->Sequence, 1, false);
        return 0;
    }

    /// <summary>pthread_cond_broadcast — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_cond_broadcast.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_cond_broadcast")]
    public static int Broadcast(Condition* c)
    {
        Interlocked.Increment(ref c->Sequence);
        Pal.FutexWake(&c->Sequence, int.MaxValue, false);
        return 0;
    }

    /// <summary>pthread_condattr_init — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_condattr_init.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_condattr_init")]
    public static int AttrInit(ConditionAttributes* a)
    {
        *a = default;
        return 0;
    }

    /// <summary>pthread_condattr_destroy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_condattr_destroy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_condattr_destroy")]
    public static int AttrDestroy(ConditionAttributes* a) => 0;

    /// <summary>pthread_condattr_setclock — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_condattr_setclock.html (CLOCK_REALTIME or CLOCK_MONOTONIC; else EINVAL).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_condattr_setclock")]
    public static int AttrSetClock(ConditionAttributes* a, int clock)
    {
        if (clock is not (ClockRealtime or ClockMonotonic))
            return E.INVAL;
        a->Clock = clock;
        return 0;
    }

    /// <summary>pthread_condattr_getclock — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_condattr_getclock.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_condattr_getclock")]
    public static int AttrGetClock(ConditionAttributes* a, int* clock)
    {
        *clock = a->Clock;
        return 0;
    }
}
