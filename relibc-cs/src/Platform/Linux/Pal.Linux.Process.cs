namespace Relibc.Platform;

/// <summary>The Linux backend's process calls (each returns its result or a negated errno).</summary>
internal static unsafe partial class Pal
{
    /// <summary>The program headers and their count, from the auxiliary vector (AT_PHDR 3, AT_PHNUM 5) the kernel puts after envp.</summary>
    public static byte* ProgramHeaders(nuint* auxv, nuint* count)
    {
        byte* phdr = null;
        *count = 0;
        for (var a = auxv; a[0] != 0; a += 2)
        {
            if (a[0] == 3)
                phdr = (byte*)a[1];
            else if (a[0] == 5)
                *count = a[1];
        }
        return phdr;
    }

    /// <summary>fork: clone with SIGCHLD as the exit signal and nothing shared. The child's only thread keeps its thread pointer and TLS (a copy).</summary>
    public static nint Fork() => Syscall.Call(Nr.Clone, 17 /* SIGCHLD */, 0, 0, 0, 0);

    /// <summary>setresgid(-1, gid, -1) and setresuid(-1, uid, -1): the effective ids become the real ones (POSIX_SPAWN_RESETIDS).</summary>
    public static nint ResetEffectiveIds()
    {
        var r = Syscall.Call(Nr.Setresgid, -1, Syscall.Call(Nr.Getgid), -1);
        return r < 0 ? r : Syscall.Call(Nr.Setresuid, -1, Syscall.Call(Nr.Getuid), -1);
    }

    /// <summary>sched_setscheduler(pid, policy, &amp;priority) (struct sched_param is one int).</summary>
    public static nint SetScheduler(int pid, int policy, int* priority) => Syscall.Call(Nr.SchedSetscheduler, pid, policy, (nint)priority);

    public static nint Scheduler(int pid) => Syscall.Call(Nr.SchedGetscheduler, pid);

    public static nint SetSchedulerPriority(int pid, int* priority) => Syscall.Call(Nr.SchedSetparam, pid, (nint)priority);

    public static nint SchedulerPriority(int pid, int* priority) => Syscall.Call(Nr.SchedGetparam, pid, (nint)priority);

    /// <summary>sched_get_priority_max (or min) of <paramref name="policy"/>.</summary>
    public static nint PriorityLimit(int policy, bool max) => Syscall.Call(max ? Nr.SchedGetPriorityMax : Nr.SchedGetPriorityMin, policy);

    public static nint RoundRobinInterval(int pid, Relibc.Header.Time.TimeSpec* interval) => Syscall.Call(Nr.SchedRrGetInterval, pid, (nint)interval);

    public static nint Execute(byte* path, byte** argv, byte** envp) => Syscall.Call(Nr.Execve, (nint)path, (nint)argv, (nint)envp);

    /// <summary>wait4 without the resource usage: the pid reaped (0 with WNOHANG and none ready), its status in <c>*status</c>.</summary>
    public static nint Wait(int pid, int* status, int options) => Syscall.Call(Nr.Wait4, pid, (nint)status, options, 0);

    public static nint ParentProcessId() => Syscall.Call(Nr.Getppid);

    /// <summary>The real (or <paramref name="effective"/>) user id.</summary>
    public static nint UserId(bool effective) => Syscall.Call(effective ? Nr.Geteuid : Nr.Getuid);

    /// <summary>The real (or <paramref name="effective"/>) group id.</summary>
    public static nint GroupId(bool effective) => Syscall.Call(effective ? Nr.Getegid : Nr.Getgid);

    public static nint ProcessGroup(int pid) => Syscall.Call(Nr.Getpgid, pid);

    public static nint SetProcessGroup(int pid, int group) => Syscall.Call(Nr.Setpgid, pid, group);

    public static nint Session(int pid) => Syscall.Call(Nr.Getsid, pid);

    public static nint NewSession() => Syscall.Call(Nr.Setsid);

    /// <summary>Sends <paramref name="signal"/> to a process (kill(2)).</summary>
    public static nint Signal(int pid, int signal) => Syscall.Call(Nr.Kill, pid, signal);

    /// <summary>uname(2) into six 65-byte fields (sysname, nodename, release, version, machine, domainname), as struct utsname is.</summary>
    public static nint SystemName(byte* utsname) => Syscall.Call(Nr.Uname, (nint)utsname);

    /// <summary>Sleeps for <c>*request</c> on <paramref name="clock"/> (absolute when <paramref name="absolute"/>); the time left in <c>*remaining</c> when interrupted. Returns 0 or a negated errno.</summary>
    public static nint Sleep(int clock, bool absolute, Relibc.Header.Time.TimeSpec* request, Relibc.Header.Time.TimeSpec* remaining) =>
        Syscall.Call(Nr.ClockNanosleep, clock, absolute ? 1 : 0, (nint)request, (nint)remaining);

    public static nint ClockResolution(int clock, Relibc.Header.Time.TimeSpec* result) => Syscall.Call(Nr.ClockGetres, clock, (nint)result);

    public static nint SyncMemory(void* address, nuint length, int flags) => Syscall.Call(Nr.Msync, (nint)address, (nint)length, flags);

    public static nint AdviseMemory(void* address, nuint length, int advice) => Syscall.Call(Nr.Madvise, (nint)address, (nint)length, advice);

    /// <summary>The processors this process may run on (sched_getaffinity's mask, counted); 1 if it cannot say.</summary>
    public static long ProcessorCount()
    {
        var mask = stackalloc ulong[16];
        var r = Syscall.Call(Nr.SchedGetaffinity, 0, 128, (nint)mask);
        if (r <= 0)
            return 1;
        long count = 0;
        for (var i = 0; i < (int)r / 8; i++)
        {
            for (var m = mask[i]; m != 0; m &= m - 1)
                count++;
        }
        return count > 0 ? count : 1;
    }

    /// <summary>Fills <paramref name="buffer"/> with random bytes from the kernel (getrandom(2)).</summary>
    public static nint RandomBytes(byte* buffer, nuint length) => Syscall.Call(Nr.Getrandom, (nint)buffer, (nint)length, 0);

    public static nint ReadVector(int fd, void* iov, int count) => Syscall.Call(Nr.Readv, fd, (nint)iov, count);

    public static nint WriteVector(int fd, void* iov, int count) => Syscall.Call(Nr.Writev, fd, (nint)iov, count);

    /// <summary>getrlimit (RLIMIT_ numbers: Linux's, the same on the three targets), into { cur, max }.</summary>
    public static nint ResourceLimit(int resource, ulong* limit) => Syscall.Call(Nr.Getrlimit, resource, (nint)limit);

    public static nint SetResourceLimit(int resource, ulong* limit) => Syscall.Call(Nr.Setrlimit, resource, (nint)limit);

    /// <summary>getrusage into Linux's struct rusage (which relibc-cs's header declares as it is: 18 longs).</summary>
    public static nint ResourceUsage(int who, void* usage) => Syscall.Call(Nr.Getrusage, who, (nint)usage);

    /// <summary>getpriority: 20 - the nice value (1–40, never negative, as the kernel returns it), or a negated errno.</summary>
    public static nint Priority(int which, int who) => Syscall.Call(Nr.Getpriority, which, who);

    public static nint SetPriority(int which, int who, int nice) => Syscall.Call(Nr.Setpriority, which, who, nice);

    /// <summary>poll(2) with a timeout in milliseconds (negative: none); ppoll on the asm-generic architectures.</summary>
    public static nint Poll(void* fds, nuint count, int timeoutMs)
    {
#if VERIDIAN_X86_64
        return Syscall.Call(Nr.Poll, (nint)fds, (nint)count, timeoutMs);
#else
        if (timeoutMs < 0)
            return Syscall.Call(Nr.Ppoll, (nint)fds, (nint)count, 0, 0, 8);
        var t = stackalloc long[2];
        t[0] = timeoutMs / 1000;
        t[1] = timeoutMs % 1000 * 1000000L;
        return Syscall.Call(Nr.Ppoll, (nint)fds, (nint)count, (nint)t, 0, 8);
#endif
    }

    /// <summary>getitimer/setitimer on Linux's struct itimerval (two timevals, as relibc-cs's header declares it).</summary>
    public static nint IntervalTimer(int which, void* value) => Syscall.Call(Nr.Getitimer, which, (nint)value);

    public static nint SetIntervalTimer(int which, void* value, void* old) => Syscall.Call(Nr.Setitimer, which, (nint)value, (nint)old);

    /// <summary>pselect6 with a timespec timeout (null: none) that the kernel updates, and no signal mask.</summary>
    public static nint Select(int count, void* read, void* write, void* except, Relibc.Header.Time.TimeSpec* timeout) =>
        Syscall.Call(Nr.Pselect6, count, (nint)read, (nint)write, (nint)except, (nint)timeout, 0);
}
