namespace Veridian.Kernel;

/// <summary>
/// Time from each architecture's counter (<see cref="Machine.Counter"/> at <see cref="Machine.CounterHz"/>: x86_64
/// the HPET's main counter — or, without an HPET, the TSC measured against the PIT at boot —, aarch64 CNTVCT_EL0 at CNTFRQ_EL0, riscv64 rdtime at the device tree's
/// timebase): clock_gettime(clock, &amp;timespec) 160 and nanosleep(&amp;request, &amp;remaining) 162 (docs/abi.md).
/// CLOCK_MONOTONIC (1) counts from the kernel's start; CLOCK_REALTIME (0) is the machine's real-time clock read at
/// boot (<see cref="Machine.BootEpochSeconds"/>: CMOS RTC, PL031, Goldfish RTC) plus the monotonic time.
/// </summary>
static unsafe class Clock
{
    public const ulong Realtime = 0, Monotonic_ = 1, NsPerSecond = 1_000_000_000;
    private static ulong s_start, s_epoch;

    /// <summary>Called once the timer runs: the monotonic clock's zero and the real-time clock's reading.</summary>
    public static void Start()
    {
        s_start = Machine.Counter();
        s_epoch = Machine.BootEpochSeconds();
    }

    /// <summary>Nanoseconds since <see cref="Start"/>.</summary>
    public static ulong Monotonic()
    {
        ulong ticks = Machine.Counter() - s_start, hz = Machine.CounterHz();
        return ticks / hz * NsPerSecond + ticks % hz * NsPerSecond / hz;
    }

    public static long GetTime(ulong clock, ulong pointer)
    {
        if (clock != Realtime && clock != Monotonic_)
            return -Errno.EINVAL;
        ulong now = Monotonic();
        ulong* ts = stackalloc ulong[2];
        ts[0] = now / NsPerSecond + (clock == Realtime ? s_epoch : 0);
        ts[1] = now % NsPerSecond;
        return UserMemory.CopyOut(Process.Root, pointer, (byte*)ts, 16) ? 0 : -Errno.EFAULT;
    }

    /// <summary>A user timespec as nanoseconds: 0, -EFAULT, or -EINVAL (negative seconds, nanoseconds ≥ 10^9).</summary>
    public static long ReadDuration(ulong pointer, out ulong ns)
    {
        ns = 0;
        long* ts = stackalloc long[2];
        if (!UserMemory.CopyIn((byte*)ts, pointer, 16))
            return -Errno.EFAULT;
        if (ts[0] < 0 || ts[1] < 0 || ts[1] >= (long)NsPerSecond || ts[0] > 1L << 32)
            return -Errno.EINVAL;
        ns = (ulong)ts[0] * NsPerSecond + (ulong)ts[1];
        return 0;
    }

    /// <summary>nanosleep: the thread blocks (the CPU runs others or idles) until the first tick after the time; the remainder, if asked, is 0.</summary>
    public static void Sleep(byte* frame, ulong request, ulong remaining)
    {
        long error = ReadDuration(request, out ulong ns);
        if (error == 0 && remaining != 0)
        {
            ulong* zero = stackalloc ulong[2];
            zero[0] = zero[1] = 0;
            if (!UserMemory.CopyOut(Process.Root, remaining, (byte*)zero, 16))
                error = -Errno.EFAULT;
        }
        Machine.SetSyscallResult(frame, error);
        if (error != 0)
            return;
        Threads.Current->WakeAt = Monotonic() + ns;
        Scheduler.Block(frame, ThreadState.Sleeping);
    }

    /// <summary>Seconds since 1970-01-01 of a civil date and time (proleptic Gregorian; H. Hinnant's days_from_civil).</summary>
    public static ulong EpochSeconds(ulong year, ulong month, ulong day, ulong hour, ulong minute, ulong second)
    {
        if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1970)
            return 0;
        long y = (long)year - (month <= 2 ? 1 : 0);
        long era = y / 400;
        long yoe = y - era * 400;
        long mp = ((long)month + 9) % 12;
        long doy = (153 * mp + 2) / 5 + (long)day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        long days = era * 146097 + doe - 719468;
        return (ulong)days * 86400 + hour * 3600 + minute * 60 + second;
    }
}
