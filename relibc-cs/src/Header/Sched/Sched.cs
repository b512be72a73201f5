using System.Runtime.InteropServices;
using Relibc.Platform;

namespace Relibc.Header.Sched;

/// <summary>sched.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/sched.h.html): Linux's policies (SCHED_OTHER 0, FIFO 1, RR 2, BATCH 3, IDLE 5); <c>struct sched_param</c> is one int, the priority.</summary>
public static unsafe class Sched
{
    /// <summary>sched_yield — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sched_yield.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sched_yield")]
    public static int Yield() => (int)Errno.Errno.Result(Pal.Yield());

    /// <summary>sched_get_priority_max — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sched_get_priority_max.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sched_get_priority_max")]
    public static int PriorityMax(int policy) => (int)Errno.Errno.Result(Pal.PriorityLimit(policy, true));

    /// <summary>sched_get_priority_min — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sched_get_priority_min.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sched_get_priority_min")]
    public static int PriorityMin(int policy) => (int)Errno.Errno.Result(Pal.PriorityLimit(policy, false));

    /// <summary>sched_getparam — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sched_getparam.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sched_getparam")]
    public static int GetParam(int pid, int* param) => (int)Errno.Errno.Result(Pal.SchedulerPriority(pid, param));

    /// <summary>sched_setparam — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sched_setparam.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sched_setparam")]
    public static int SetParam(int pid, int* param) => (int)Errno.Errno.Result(Pal.SetSchedulerPriority(pid, param));

    /// <summary>sched_getscheduler — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sched_getscheduler.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sched_getscheduler")]
    public static int GetScheduler(int pid) => (int)Errno.Errno.Result(Pal.Scheduler(pid));

    /// <summary>sched_setscheduler — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sched_setscheduler.html (Linux returns 0, not the old policy, as glibc passes on).</summary>
    [UnmanagedCallersOnly(EntryPoint = "sched_setscheduler")]
    public static int SetScheduler(int pid, int policy, int* param) => (int)Errno.Errno.Result(Pal.SetScheduler(pid, policy, param));

    /// <summary>sched_rr_get_interval — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sched_rr_get_interval.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sched_rr_get_interval")]
    public static int RoundRobinInterval(int pid, Time.TimeSpec* interval) => (int)Errno.Errno.Result(Pal.RoundRobinInterval(pid, interval));
}
