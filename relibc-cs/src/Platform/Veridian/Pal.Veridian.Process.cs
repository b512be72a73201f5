namespace Relibc.Platform;

/// <summary>
/// The VeridianOS backend's process calls (fork 12, exec 13, wait 14, getpid 15, getppid 16, uname 204, nanosleep 162).
/// There are no users, groups, sessions, resource limits or random numbers in the kernel yet: ids are 0 (one user, root),
/// the rest ENOSYS.
/// </summary>
internal static unsafe partial class Pal
{
    public static nint Fork() => Syscall.Call(Nr.Fork);

    public static nint ResetEffectiveIds() => 0;

    /// <summary>The kernel has no scheduling policies or priorities to set or report.</summary>
    public static nint SetScheduler(int pid, int policy, int* priority) => -ENOSYS;

    public static nint Scheduler(int pid) => -ENOSYS;

    public static nint SetSchedulerPriority(int pid, int* priority) => -ENOSYS;

    public static nint SchedulerPriority(int pid, int* priority) => -ENOSYS;

    public static nint PriorityLimit(int policy, bool max) => -ENOSYS;

    public static nint RoundRobinInterval(int pid, Relibc.Header.Time.TimeSpec* interval) => -ENOSYS;

    /// <summary>exec(path, argv, envp) of a boot-module file: the kernel copies both vectors to the new image's stack (E2BIG beyond a page of strings).</summary>
    public static nint Execute(byte* path, byte** argv, byte** envp) => Syscall.Call(Nr.Exec, (nint)path, (nint)argv, (nint)envp);

    /// <summary>
    /// wait(pid, &amp;status): the kernel's status is the exit status, which is Linux's wait encoding shifted by 8 (a
    /// process the kernel killed exits 139 = 128 + SIGSEGV, so WIFEXITED holds for it). No options (WNOHANG: ENOSYS).
    /// </summary>
    public static nint Wait(int pid, int* status, int options)
    {
        if (options != 0)
            return -ENOSYS;
        int s;
        var r = Syscall.Call(Nr.Wait, pid, (nint)(&s));
        if (r >= 0 && status != null)
            *status = (s & 0xFF) << 8;
        return r;
    }

    public static nint ParentProcessId() => Syscall.Call(Nr.GetPpid);

    public static nint UserId(bool effective) => 0;

    public static nint GroupId(bool effective) => 0;

    public static nint ProcessGroup(int pid) => -ENOSYS;

    public static nint SetProcessGroup(int pid, int group) => -ENOSYS;

    public static nint Session(int pid) => -ENOSYS;

    public static nint NewSession() => -ENOSYS;

    /// <summary>kill(2): only to the calling process itself (raise's default action); the kernel has no signals.</summary>
    public static nint Signal(int pid, int signal)
    {
        if (pid == 0 || pid == ProcessId())
            return signal == 0 ? 0 : RaiseSignal(signal);
        return -ENOSYS;
    }

    public static nint SystemName(byte* utsname) => Syscall.Call(Nr.Uname, (nint)utsname);

    /// <summary>nanosleep (relative); an absolute sleep is the difference to the clock's time now.</summary>
    public static nint Sleep(int clock, bool absolute, Relibc.Header.Time.TimeSpec* request, Relibc.Header.Time.TimeSpec* remaining)
    {
        if (!absolute)
        {
            var k = KernelClock(clock);
            return k < 0 ? k : Syscall.Call(Nr.NanoSleep, (nint)request, (nint)remaining);
        }
        Relibc.Header.Time.TimeSpec now, relative;
        var r = ClockTime(clock, &now);
        if (r < 0)
            return r;
        relative.Seconds = request->Seconds - now.Seconds;
        relative.Nanoseconds = request->Nanoseconds - now.Nanoseconds;
        if (relative.Nanoseconds < 0)
        {
            relative.Nanoseconds += 1000000000;
            relative.Seconds--;
        }
        if (relative.Seconds < 0)
            return 0;
        return Syscall.Call(Nr.NanoSleep, (nint)(&relative), 0);
    }

    public static nint ClockResolution(int clock, Relibc.Header.Time.TimeSpec* result) => -ENOSYS;

    public static nint SyncMemory(void* address, nuint length, int flags) => -ENOSYS;

    public static nint AdviseMemory(void* address, nuint length, int advice) => -ENOSYS;

    /// <summary>One processor: the kernel runs on the boot CPU only.</summary>
    public static long ProcessorCount() => 1;

    public static nint RandomBytes(byte* buffer, nuint length) => -ENOSYS;

    /// <summary>readv as one read per buffer (stops at a short read).</summary>
    public static nint ReadVector(int fd, void* iov, int count) => EachBuffer(fd, iov, count, false);

    /// <summary>writev as one write per buffer (stops at a short write).</summary>
    public static nint WriteVector(int fd, void* iov, int count) => EachBuffer(fd, iov, count, true);

    private static nint EachBuffer(int fd, void* iov, int count, bool write)
    {
        nint total = 0;
        var v = (nint*)iov;
        for (var i = 0; i < count; i++)
        {
            var r = write ? Write(fd, (byte*)v[2 * i], (nuint)v[2 * i + 1]) : Read(fd, (byte*)v[2 * i], (nuint)v[2 * i + 1]);
            if (r < 0)
                return total > 0 ? total : r;
            total += r;
            if (r < v[2 * i + 1])
                break;
        }
        return total;
    }

    public static nint ResourceLimit(int resource, ulong* limit) => -ENOSYS;

    public static nint SetResourceLimit(int resource, ulong* limit) => -ENOSYS;

    public static nint ResourceUsage(int who, void* usage) => -ENOSYS;

    public static nint Priority(int which, int who) => -ENOSYS;

    public static nint SetPriority(int which, int who, int nice) => -ENOSYS;

    public static nint Poll(void* fds, nuint count, int timeoutMs) => -ENOSYS;

    public static nint IntervalTimer(int which, void* value) => -ENOSYS;

    public static nint SetIntervalTimer(int which, void* value, void* old) => -ENOSYS;

    public static nint Select(int count, void* read, void* write, void* except, Relibc.Header.Time.TimeSpec* timeout) => -ENOSYS;
}
