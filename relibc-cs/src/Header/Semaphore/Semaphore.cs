using System.Runtime.InteropServices;
using System.Threading;
using Relibc.Header.Errno;
using Relibc.Platform;

namespace Relibc.Header.Semaphore;

/// <summary><c>sem_t</c>: the count (a futex word), the number of sleepers (so a post without them makes no system call), and whether it is process-shared.</summary>
[StructLayout(LayoutKind.Sequential, Size = 32)]
public struct CountingSemaphore
{
    public int Value;
    public int Waiters;
    public int Shared;
}

/// <summary>
/// Unnamed semaphores (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/semaphore.h.html) on a futex; a
/// process-shared one (pshared ≠ 0, in shared memory) uses the futex without the private flag. Named semaphores
/// (sem_open) are not yet.
/// </summary>
public static unsafe class Semaphores
{
    private const int Max = int.MaxValue;

    /// <summary>sem_init — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sem_init.html (EINVAL above SEM_VALUE_MAX).</summary>
    [UnmanagedCallersOnly(EntryPoint = "sem_init")]
    public static int Init(CountingSemaphore* s, int shared, uint value)
    {
        if (value > Max)
            return Fail(E.INVAL);
        *s = default;
        s->Value = (int)value;
        s->Shared = shared != 0 ? 1 : 0;
        return 0;
    }

    /// <summary>sem_destroy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sem_destroy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sem_destroy")]
    public static int Destroy(CountingSemaphore* s) => 0;

    /// <summary>sem_post — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sem_post.html (EOVERFLOW at SEM_VALUE_MAX).</summary>
    [UnmanagedCallersOnly(EntryPoint = "sem_post")]
    public static int Post(CountingSemaphore* s)
    {
        int v;
        do
        {
            v = Volatile.Read(ref s->Value);
            if (v == Max)
                return Fail(E.OVERFLOW);
        } while (Interlocked.CompareExchange(ref s->Value, v + 1, v) != v);
        if (Volatile.Read(ref s->Waiters) > 0)
            Pal.FutexWake(&s->Value, 1, s->Shared != 0);
        return 0;
    }

    private static bool TryTake(CountingSemaphore* s)
    {
        int v;
        while ((v = Volatile.Read(ref s->Value)) > 0)
        {
            if (Interlocked.CompareExchange(ref s->Value, v - 1, v) == v)
                return true;
        }
        return false;
    }

    private static int WaitUntil(CountingSemaphore* s, Time.TimeSpec* deadline)
    {
        while (!TryTake(s))
        {
            Interlocked.Increment(ref s->Waiters);
            var r = Pal.FutexWait(&s->Value, 0, s->Shared != 0, 0, deadline);
            Interlocked.Decrement(ref s->Waiters);
            if (r == -E.TIMEDOUT)
                return Fail(E.TIMEDOUT);
            if (r == -E.INTR)
                return Fail(E.INTR);
        }
        return 0;
    }

    /// <summary>sem_wait — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sem_wait.html (EINTR when a signal interrupts it).</summary>
    [UnmanagedCallersOnly(EntryPoint = "sem_wait")]
    public static int Wait(CountingSemaphore* s) => WaitUntil(s, null);

    /// <summary>sem_trywait — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sem_trywait.html (EAGAIN at zero).</summary>
    [UnmanagedCallersOnly(EntryPoint = "sem_trywait")]
    public static int TryWait(CountingSemaphore* s) => TryTake(s) ? 0 : Fail(E.AGAIN);

    /// <summary>sem_timedwait — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sem_timedwait.html (a CLOCK_REALTIME deadline; ETIMEDOUT; EINVAL for a bad timespec when it would have to wait).</summary>
    [UnmanagedCallersOnly(EntryPoint = "sem_timedwait")]
    public static int TimedWait(CountingSemaphore* s, Time.TimeSpec* deadline)
    {
        if (TryTake(s))
            return 0;
        if (deadline->Nanoseconds < 0 || deadline->Nanoseconds >= 1_000_000_000)
            return Fail(E.INVAL);
        return WaitUntil(s, deadline);
    }

    /// <summary>sem_getvalue — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sem_getvalue.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sem_getvalue")]
    public static int GetValue(CountingSemaphore* s, int* value)
    {
        *value = Volatile.Read(ref s->Value);
        return 0;
    }

    private static int Fail(int code)
    {
        Errno.Errno.Set(code);
        return -1;
    }
}
