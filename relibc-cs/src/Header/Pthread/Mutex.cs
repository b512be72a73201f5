using System.Runtime.InteropServices;
using Relibc.Header.Errno;

namespace Relibc.Header.Pthread;

/// <summary>
/// Mutexes (https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_mutex_lock.html): a futex
/// <see cref="Lock"/>; PTHREAD_MUTEX_NORMAL (0, the default) deadlocks when relocked by its owner, RECURSIVE (1)
/// counts, ERRORCHECK (2) returns EDEADLK, and both of the latter return EPERM to a thread unlocking a mutex it does
/// not hold.
/// </summary>
public static unsafe class Mutexes
{
    public const int Normal = 0, Recursive = 1, ErrorCheck = 2;

    /// <summary>pthread_mutex_init — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_mutex_init.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_mutex_init")]
    public static int Init(Mutex* m, MutexAttributes* a)
    {
        *m = default;
        m->Type = a != null ? a->Type : Normal;
        return 0;
    }

    /// <summary>pthread_mutex_destroy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_mutex_destroy.html (EBUSY while held).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_mutex_destroy")]
    public static int Destroy(Mutex* m) => m->Word != 0 ? E.BUSY : 0;

    /// <summary>pthread_mutex_lock — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_mutex_lock.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_mutex_lock")]
    public static int LockExport(Mutex* m) => Acquire(m);

    public static int Acquire(Mutex* m)
    {
        if (m->Type != Normal)
        {
            var self = ThreadArea.Current()->Tid;
            if (m->Owner == self)
                return Relock(m);
            Lock.Acquire(&m->Word);
            m->Owner = self;
            m->Depth = 1;
            return 0;
        }
        Lock.Acquire(&m->Word);
        return 0;
    }

    /// <summary>The owner locks again: a recursive mutex counts (EAGAIN at the limit), an error-checking one says EDEADLK.</summary>
    private static int Relock(Mutex* m)
    {
        if (m->Type == ErrorCheck)
            return E.DEADLK;
        if (m->Depth == int.MaxValue)
            return E.AGAIN;
        m->Depth++;
        return 0;
    }

    /// <summary>pthread_mutex_trylock — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_mutex_trylock.html (EBUSY when held).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_mutex_trylock")]
    public static int TryLock(Mutex* m)
    {
        if (m->Type != Normal)
        {
            var self = ThreadArea.Current()->Tid;
            if (m->Owner == self)
                return m->Type == Recursive ? Relock(m) : E.BUSY;
            if (!Lock.TryAcquire(&m->Word))
                return E.BUSY;
            m->Owner = self;
            m->Depth = 1;
            return 0;
        }
        return Lock.TryAcquire(&m->Word) ? 0 : E.BUSY;
    }

    /// <summary>pthread_mutex_timedlock — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_mutex_timedlock.html (CLOCK_REALTIME deadline; ETIMEDOUT, EINVAL for a bad timespec).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_mutex_timedlock")]
    public static int TimedLock(Mutex* m, Time.TimeSpec* deadline)
    {
        if (deadline->Nanoseconds < 0 || deadline->Nanoseconds >= 1_000_000_000)
            return E.INVAL;
        var self = m->Type != Normal ? ThreadArea.Current()->Tid : 0;
        if (m->Type != Normal && m->Owner == self)
            return Relock(m);
        if (!Lock.AcquireBy(&m->Word, 0, deadline))
            return E.TIMEDOUT;
        if (m->Type != Normal)
        {
            m->Owner = self;
            m->Depth = 1;
        }
        return 0;
    }

    /// <summary>pthread_mutex_unlock — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_mutex_unlock.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_mutex_unlock")]
    public static int UnlockExport(Mutex* m) => Release(m);

    public static int Release(Mutex* m)
    {
        if (m->Type != Normal)
        {
            if (m->Owner != ThreadArea.Current()->Tid)
                return E.PERM;
            if (--m->Depth > 0)
                return 0;
            m->Owner = 0;
        }
        Lock.Release(&m->Word);
        return 0;
    }

    /// <summary>pthread_mutexattr_init — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_mutexattr_init.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_mutexattr_init")]
    public static int AttrInit(MutexAttributes* a)
    {
        *a = default;
        return 0;
    }

    /// <summary>pthread_mutexattr_destroy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_mutexattr_destroy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_mutexattr_destroy")]
    public static int AttrDestroy(MutexAttributes* a) => 0;

    /// <summary>pthread_mutexattr_settype — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_mutexattr_settype.html (EINVAL for an unknown type).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_mutexattr_settype")]
    public static int AttrSetType(MutexAttributes* a, int type)
    {
        if (type is not (Normal or Recursive or ErrorCheck))
            return E.INVAL;
        a->Type = type;
        return 0;
    }

    /// <summary>pthread_mutexattr_gettype — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_mutexattr_gettype.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_mutexattr_gettype")]
    public static int AttrGetType(MutexAttributes* a, int* type)
    {
        *type = a->Type;
        return 0;
    }
}
