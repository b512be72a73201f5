using System.Runtime.InteropServices;

namespace Relibc.Header.Pthread;

// The pthread.h types (docs/relibc.md, "Threads"): the same sizes on all three targets, with room to grow; the header
// declares each as an opaque union of the size given here (tests/Veridian.Relibc.Tests/HeaderTests.cs compares them).
// An all-zero object is the static initializer (PTHREAD_MUTEX_INITIALIZER, …): a normal mutex, a condition variable on
// CLOCK_REALTIME, a free rwlock.

/// <summary><c>pthread_attr_t</c>.</summary>
[StructLayout(LayoutKind.Sequential, Size = 32)]
public struct ThreadAttributes
{
    public int Detached;
    public int Initialized;
    public nuint StackSize;
}

/// <summary><c>pthread_mutex_t</c>: the futex word (<see cref="Lock"/>), the type, and for recursive and error-checking mutexes the owner's tid and the depth.</summary>
[StructLayout(LayoutKind.Sequential, Size = 32)]
public struct Mutex
{
    public int Word;
    public int Type;
    public int Owner;
    public int Depth;
}

/// <summary><c>pthread_mutexattr_t</c>.</summary>
[StructLayout(LayoutKind.Sequential, Size = 8)]
public struct MutexAttributes
{
    public int Type;
}

/// <summary><c>pthread_cond_t</c>: a sequence number waiters sleep on (each signal or broadcast changes it) and the clock of timed waits.</summary>
[StructLayout(LayoutKind.Sequential, Size = 16)]
public struct Condition
{
    public int Sequence;
    public int Clock;
}

/// <summary><c>pthread_condattr_t</c>.</summary>
[StructLayout(LayoutKind.Sequential, Size = 8)]
public struct ConditionAttributes
{
    public int Clock;
}

/// <summary><c>pthread_rwlock_t</c>: the number of readers holding it, or -1 while a writer holds it.</summary>
[StructLayout(LayoutKind.Sequential, Size = 16)]
public struct ReadWriteLock
{
    public int State;
    public int Owner;
}

/// <summary><c>pthread_rwlockattr_t</c>.</summary>
[StructLayout(LayoutKind.Sequential, Size = 8)]
public struct ReadWriteLockAttributes
{
    public int Shared;
}

/// <summary><c>pthread_barrier_t</c>: the count, the threads waiting, the round they wait on (a futex word), a lock, and whether it is process-shared.</summary>
[StructLayout(LayoutKind.Sequential, Size = 32)]
public struct Barrier
{
    public int Count;
    public int Waiting;
    public int Round;
    public int Lock;
    public int Shared;
}

/// <summary><c>pthread_barrierattr_t</c>.</summary>
[StructLayout(LayoutKind.Sequential, Size = 8)]
public struct BarrierAttributes
{
    public int Shared;
}
