using System.Runtime.InteropServices;
using System.Threading;
using Relibc.Header.Errno;
using Relibc.Platform;

namespace Relibc.Header.Pthread;

/// <summary>
/// Read-write locks (https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_rwlock_rdlock.html): the state
/// word counts readers, or is -1 while a writer holds it; waiters sleep on it and every release that can let one in
/// wakes them all. Readers are preferred (a stream of readers can keep a writer waiting), which POSIX permits.
/// </summary>
public static unsafe class ReadWriteLocks
{
    /// <summary>pthread_rwlock_init — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_rwlock_init.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_rwlock_init")]
    public static int Init(ReadWriteLock* l, ReadWriteLockAttributes* a)
    {
        *l = default;
        return 0;
    }

    /// <summary>pthread_rwlock_destroy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_rwlock_destroy.html (EBUSY while held).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_rwlock_destroy")]
    public static int Destroy(ReadWriteLock* l) => l->State != 0 ? E.BUSY : 0;

    /// <summary>pthread_rwlock_rdlock — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_rwlock_rdlock.html (EDEADLK if the caller holds it for writing).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_rwlock_rdlock")]
    public static int ReadLock(ReadWriteLock* l)
    {
        for (;;)
        {
            var s = Volatile.Read(ref l->State);
            if (s >= 0 && s < int.MaxValue)
            {
                if (Interlocked.CompareExchange(ref l->State, s + 1, s) == s)
                    return 0;
                continue;
            }
            if (s == -1 && l->Owner == ThreadArea.Current()->Tid)
                return E.DEADLK;
            Pal.FutexWait(&l->State, s, false, 0, null);
        }
    }

    /// <summary>pthread_rwlock_tryrdlock — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_rwlock_tryrdlock.html (EBUSY while a writer holds it).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_rwlock_tryrdlock")]
    public static int TryReadLock(ReadWriteLock* l)
    {
        for (;;)
        {
            var s = Volatile.Read(ref l->State);
            if (s < 0 || s == int.MaxValue)
                return E.BUSY;
            if (Interlocked.CompareExchange(ref l->State, s + 1, s) == s)
                return 0;
        }
    }

    /// <summary>pthread_rwlock_wrlock — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_rwlock_wrlock.html (EDEADLK if the caller already holds it for writing).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_rwlock_wrlock")]
    public static int WriteLock(ReadWriteLock* l)
    {
        var self = ThreadArea.Current()->Tid;
        for (;;)
        {
            var s = Volatile.Read(ref l->State);
            if (s == 0)
            {
                if (Interlocked.CompareExchange(ref l->State, -1, 0) == 0)
                {
                    l->Owner = self;
                    return 0;
                }
                continue;
            }
            if (s == -1 && l->Owner == self)
                return E.DEADLK;
            Pal.FutexWait(&l->State, s, false, 0, null);
        }
    }

    /// <summary>pthread_rwlock_trywrlock — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_rwlock_trywrlock.html (EBUSY while held).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_rwlock_trywrlock")]
    public static int TryWriteLock(ReadWriteLock* l)
    {
        if (Interlocked.CompareExchange(ref l->State, -1, 0) != 0)
            return E.BUSY;
        l->Owner = ThreadArea.Current()->Tid;
        return 0;
    }

    /// <summary>pthread_rwlock_unlock — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_rwlock_unlock.html (EPERM when not held).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_rwlock_unlock")]
    public static int Unlock(ReadWriteLock* l)
    {
        var s = Volatile.Read(ref l->State);
        if (s == 0)
            return E.PERM;
        if (s == -1)
        {
            l->Owner = 0;
            Volatile.Write(ref l->State, 0);
            Pal.FutexWake(&l->State, int.MaxValue, false);
            return 0;
        }
        if (Interlocked.Decrement(ref l->State) == 0)
            Pal.FutexWake(&l->State, int.MaxValue, false);
        return 0;
    }

    /// <summary>pthread_rwlockattr_init — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_rwlockattr_init.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_rwlockattr_init")]
    public static int AttrInit(ReadWriteLockAttributes* a)
    {
        *a = default;
        return 0;
    }

    /// <summary>pthread_rwlockattr_destroy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_rwlockattr_destroy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_rwlockattr_destroy")]
    public static int AttrDestroy(ReadWriteLockAttributes* a) => 0;
}
