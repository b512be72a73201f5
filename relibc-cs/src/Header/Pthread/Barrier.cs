using System.Runtime.InteropServices;
using System.Threading;
using Relibc.Header.Errno;
using Relibc.Platform;

namespace Relibc.Header.Pthread;

/// <summary>
/// pthread.h's barriers, spin locks, contention scope and concurrency level. A barrier's waiters sleep on its round
/// number, which the last arrival advances before it wakes them all (so a barrier can be reused at once, and a
/// spurious wake-up just sleeps again); a spin lock is an int that is 0 or 1, taken by compare-and-swap.
/// </summary>
public static unsafe class Barriers
{
    public const int SerialThread = -1, ProcessPrivate = 0, ProcessShared = 1, ScopeSystem = 0, ScopeProcess = 1;

    /// <summary>pthread_barrier_init — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_barrier_init.html (EINVAL for a count of 0)</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_barrier_init")]
    public static int BarrierInit(Barrier* b, BarrierAttributes* a, uint count)
    {
        if (count == 0 || count > int.MaxValue)
            return E.INVAL;
        b->Count = (int)count;
        b->Waiting = 0;
        b->Round = 0;
        b->Lock = 0;
        b->Shared = a != null ? a->Shared : 0;
        return 0;
    }

    /// <summary>pthread_barrier_destroy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_barrier_destroy.html (EBUSY while threads wait)</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_barrier_destroy")]
    public static int BarrierDestroy(Barrier* b)
    {
        Lock.Acquire(&b->Lock);
        var busy = b->Waiting != 0;
        Lock.Release(&b->Lock);
        return busy ? E.BUSY : 0;
    }

    /// <summary>pthread_barrier_wait — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_barrier_wait.html (PTHREAD_BARRIER_SERIAL_THREAD for the last arrival, 0 for the others)</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_barrier_wait")]
    public static int BarrierWait(Barrier* b)
    {
        var shared = b->Shared != 0;
        Lock.Acquire(&b->Lock);
        if (++b->Waiting == b->Count)
        {
            b->Waiting = 0;
            Interlocked.Increment(ref b->Round);
            Lock.Release(&b->Lock);
            Pal.FutexWake(&b->Round, int.MaxValue, shared);
            return SerialThread;
        }
        var round = b->Round;
        Lock.Release(&b->Lock);
        while (Volatile.Read(ref b->Round) == round)
            Pal.FutexWait(&b->Round, round, shared, 0, null);
        return 0;
    }

    /// <summary>pthread_barrierattr_init — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_barrierattr_init.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_barrierattr_init")]
    public static int BarrierAttrInit(BarrierAttributes* a)
    {
        a->Shared = ProcessPrivate;
        return 0;
    }

    /// <summary>pthread_barrierattr_destroy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_barrierattr_destroy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_barrierattr_destroy")]
    public static int BarrierAttrDestroy(BarrierAttributes* a) => 0;

    /// <summary>pthread_barrierattr_getpshared — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_barrierattr_getpshared.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_barrierattr_getpshared")]
    public static int BarrierAttrGetPShared(BarrierAttributes* a, int* shared)
    {
        *shared = a->Shared;
        return 0;
    }

    /// <summary>pthread_barrierattr_setpshared — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_barrierattr_setpshared.html (a shared barrier sleeps on the shared futex)</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_barrierattr_setpshared")]
    public static int BarrierAttrSetPShared(BarrierAttributes* a, int shared)
    {
        if (shared != ProcessPrivate && shared != ProcessShared)
            return E.INVAL;
        a->Shared = shared;
        return 0;
    }

    /// <summary>pthread_spin_init — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_spin_init.html (no system call is involved, so shared and private are the same)</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_spin_init")]
    public static int SpinInit(int* lock_, int shared)
    {
        *lock_ = 0;
        return 0;
    }

    /// <summary>pthread_spin_destroy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_spin_destroy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_spin_destroy")]
    public static int SpinDestroy(int* lock_) => 0;

    /// <summary>pthread_spin_lock — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_spin_lock.html (spins on plain reads, then tries the swap)</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_spin_lock")]
    public static int SpinLock(int* lock_)
    {
        while (Interlocked.CompareExchange(ref *lock_, 1, 0) != 0)
        {
            while (Volatile.Read(ref *lock_) != 0)
            {
            }
        }
        return 0;
    }

    /// <summary>pthread_spin_trylock — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_spin_trylock.html (EBUSY when held)</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_spin_trylock")]
    public static int SpinTryLock(int* lock_) => Interlocked.CompareExchange(ref *lock_, 1, 0) == 0 ? 0 : E.BUSY;

    /// <summary>pthread_spin_unlock — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_spin_unlock.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_spin_unlock")]
    public static int SpinUnlock(int* lock_)
    {
        Volatile.Write(ref *lock_, 0);
        return 0;
    }

    /// <summary>pthread_attr_getscope — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_attr_getscope.html (every thread is a kernel thread: PTHREAD_SCOPE_SYSTEM)</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_attr_getscope")]
    public static int AttrGetScope(ThreadAttributes* a, int* scope)
    {
        *scope = ScopeSystem;
        return 0;
    }

    /// <summary>pthread_attr_setscope — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_attr_setscope.html (PTHREAD_SCOPE_PROCESS: ENOTSUP, which is EOPNOTSUPP on Linux, as glibc; others EINVAL)</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_attr_setscope")]
    public static int AttrSetScope(ThreadAttributes* a, int scope) => scope == ScopeSystem ? 0 : scope == ScopeProcess ? E.OPNOTSUPP : E.INVAL;

    private static int s_concurrency;

    /// <summary>pthread_getconcurrency — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_getconcurrency.html (the level last set: threads are kernel threads, so it is only a hint)</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_getconcurrency")]
    public static int GetConcurrency() => Volatile.Read(ref s_concurrency);

    /// <summary>pthread_setconcurrency — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_setconcurrency.html (EINVAL for a negative level)</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_setconcurrency")]
    public static int SetConcurrency(int level)
    {
        if (level < 0)
            return E.INVAL;
        Volatile.Write(ref s_concurrency, level);
        return 0;
    }
}
