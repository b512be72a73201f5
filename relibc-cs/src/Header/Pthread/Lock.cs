using System.Threading;
using Relibc.Platform;

namespace Relibc.Header.Pthread;

/// <summary>
/// The futex lock under relibc-cs's mutexes and its own internal locks (the allocator's): a word that is 0 (free),
/// 1 (held) or 2 (held, and someone may sleep on it), as in Drepper's "Futexes Are Tricky" (mutex 2) — an uncontended
/// lock and unlock are one atomic instruction each, with no system call.
/// </summary>
internal static unsafe class Lock
{
    public static void Acquire(int* word)
    {
        var c = Interlocked.CompareExchange(ref *word, 1, 0);
        if (c == 0)
            return;
        if (c != 2)
            c = Interlocked.Exchange(ref *word, 2);
        while (c != 0)
        {
            Pal.FutexWait(word, 2, false, 0, null);
            c = Interlocked.Exchange(ref *word, 2);
        }
    }

    /// <summary>Acquires unless held; false when held.</summary>
    public static bool TryAcquire(int* word) => Interlocked.CompareExchange(ref *word, 1, 0) == 0;

    /// <summary>Acquires before the absolute <paramref name="deadline"/> on <paramref name="clock"/>; false on time-out.</summary>
    public static bool AcquireBy(int* word, int clock, Time.TimeSpec* deadline)
    {
        var c = Interlocked.CompareExchange(ref *word, 1, 0);
        if (c == 0)
            return true;
        if (c != 2)
            c = Interlocked.Exchange(ref *word, 2);
        while (c != 0)
        {
            if (Pal.FutexWait(word, 2, false, clock, deadline) == -Errno.E.TIMEDOUT)
                return Interlocked.CompareExchange(ref *word, 2, 0) == 0;
            c = Interlocked.Exchange(ref *word, 2);
        }
        return true;
    }

    public static void Release(int* word)
    {
        if (Interlocked.Exchange(ref *word, 0) == 2)
            Pal.FutexWake(word, 1, false);
    }
}
