using System.Runtime.InteropServices;
using System.Threading;
using Relibc.Header.Errno;
using Relibc.Platform;

namespace Relibc.Header.Pthread;

/// <summary>
/// Threads (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/pthread.h.html; docs/relibc.md, "Threads"). A
/// thread is one mapping: a guard page, its stack, and at the top its TLS area with its <see cref="ThreadControl"/>.
/// Join waits on the tid word the kernel clears at the thread's exit, then unmaps; a detached thread unmaps itself as
/// its last act (thread.S). pthread functions return the error number and leave errno alone.
/// </summary>
public static unsafe class Threads
{
    private const nuint DefaultStack = 2 * 1024 * 1024, MinimumStack = 16 * 1024, Guard = 4096;

    /// <summary>Threads that have not exited; when the last one calls pthread_exit, the process exits with status 0 (as exit(0)).</summary>
    private static int s_live = 1;

    /// <summary>pthread_create — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_create.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_create")]
    public static int Create(ThreadControl** thread, ThreadAttributes* attributes, delegate* unmanaged<void*, void*> start, void* argument)
    {
        var stack = attributes != null && attributes->StackSize != 0 ? attributes->StackSize : DefaultStack;
        stack = (stack + 4095) & ~(nuint)4095;
        var areaSize = (ThreadArea.Size + 4095) & ~(nuint)4095;
        var size = Guard + stack + areaSize;
        var map = Pal.Map(null, size, 3, 0x22 | 0x20000, -1, 0); // PROT_READ|WRITE, MAP_PRIVATE|ANONYMOUS|STACK
        if (map < 0)
            return E.AGAIN;
        var basePointer = (byte*)map;
        Pal.Protect(basePointer, Guard, 0);
        var tc = ThreadArea.Init(basePointer + Guard + stack);
        tc->Start = start;
        tc->Argument = argument;
        tc->MapBase = basePointer;
        tc->MapSize = size;
        tc->State = attributes != null && attributes->Detached != 0 ? ThreadControl.Detached : ThreadControl.Joinable;
        Interlocked.Increment(ref s_live);
        // The stack ends where the area begins; thread.S aligns it.
        var r = Pal.SpawnThread(basePointer + Guard + stack, ThreadArea.ThreadPointerOf(tc), &tc->Tid, &Entry, tc);
        if (r < 0)
        {
            Interlocked.Decrement(ref s_live);
            Pal.Unmap(basePointer, size);
            return E.AGAIN;
        }
        *thread = tc;
        return 0;
    }

    /// <summary>In the child of fork: its one thread is the caller's, under a new tid.</summary>
    public static void AfterFork()
    {
        ThreadArea.Current()->Tid = (int)Pal.ThreadId();
        s_live = 1;
    }

    /// <summary>Where a new thread starts (from thread.S, with its thread pointer set by clone).</summary>
    [UnmanagedCallersOnly]
    private static void Entry(void* control)
    {
        var tc = (ThreadControl*)control;
        Finish(tc, tc->Start(tc->Argument));
    }

    /// <summary>pthread_exit — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_exit.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_exit")]
    public static void Exit(void* result) => Finish(ThreadArea.Current(), result);

    private static void Finish(ThreadControl* tc, void* result)
    {
        Keys.RunDestructors(tc);
        tc->Result = result;
        if (Interlocked.Decrement(ref s_live) == 0)
            Stdlib.Exit.Run(0);
        if (tc->MapBase == null)
            Pal.ExitThread(); // the main thread: its area is static; the process lives on while others run
        if (Interlocked.CompareExchange(ref tc->State, ThreadControl.Exited, ThreadControl.Joinable) == ThreadControl.Joinable)
            Pal.ExitThread(); // the joiner unmaps, once the kernel has cleared Tid
        Pal.UnmapAndExitThread(tc->MapBase, tc->MapSize);
    }

    /// <summary>pthread_join — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_join.html (EDEADLK for oneself, EINVAL if detached).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_join")]
    public static int Join(ThreadControl* thread, void** result)
    {
        if (thread == ThreadArea.Current())
            return E.DEADLK;
        if (Volatile.Read(ref thread->State) == ThreadControl.Detached || thread->MapBase == null)
            return E.INVAL;
        Reap(thread, result);
        return 0;
    }

    /// <summary>Waits until the kernel has cleared the thread's tid (it has exited and no longer uses its stack), then frees it.</summary>
    private static void Reap(ThreadControl* thread, void** result)
    {
        int tid;
        while ((tid = Volatile.Read(ref thread->Tid)) != 0)
            Pal.FutexWait(&thread->Tid, tid, true, 0, null);
        if (result != null)
            *result = thread->Result;
        Pal.Unmap(thread->MapBase, thread->MapSize);
    }

    /// <summary>pthread_detach — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_detach.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_detach")]
    public static int Detach(ThreadControl* thread)
    {
        if (thread->MapBase == null)
            return E.INVAL;
        var was = Interlocked.CompareExchange(ref thread->State, ThreadControl.Detached, ThreadControl.Joinable);
        if (was == ThreadControl.Detached)
            return E.INVAL;
        if (was == ThreadControl.Exited)
            Reap(thread, null); // it exited before anyone detached or joined it: free it now
        return 0;
    }

    /// <summary>pthread_self — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_self.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_self")]
    public static ThreadControl* Self() => ThreadArea.Current();

    /// <summary>pthread_equal — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_equal.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_equal")]
    public static int Equal(ThreadControl* a, ThreadControl* b) => a == b ? 1 : 0;

    /// <summary>pthread_attr_init — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_attr_init.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_attr_init")]
    public static int AttrInit(ThreadAttributes* a)
    {
        *a = default;
        a->Initialized = 1;
        a->StackSize = DefaultStack;
        return 0;
    }

    /// <summary>pthread_attr_destroy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_attr_destroy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_attr_destroy")]
    public static int AttrDestroy(ThreadAttributes* a)
    {
        a->Initialized = 0;
        return 0;
    }

    /// <summary>pthread_attr_setdetachstate — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_attr_setdetachstate.html (PTHREAD_CREATE_JOINABLE 0, PTHREAD_CREATE_DETACHED 1; else EINVAL).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_attr_setdetachstate")]
    public static int AttrSetDetachState(ThreadAttributes* a, int state)
    {
        if (state is not (0 or 1))
            return E.INVAL;
        a->Detached = state;
        return 0;
    }

    /// <summary>pthread_attr_getdetachstate — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_attr_getdetachstate.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_attr_getdetachstate")]
    public static int AttrGetDetachState(ThreadAttributes* a, int* state)
    {
        *state = a->Detached;
        return 0;
    }

    /// <summary>pthread_attr_setstacksize — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_attr_setstacksize.html (EINVAL below PTHREAD_STACK_MIN, 16 KiB).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_attr_setstacksize")]
    public static int AttrSetStackSize(ThreadAttributes* a, nuint size)
    {
        if (size < MinimumStack)
            return E.INVAL;
        a->StackSize = size;
        return 0;
    }

    /// <summary>pthread_attr_getstacksize — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_attr_getstacksize.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_attr_getstacksize")]
    public static int AttrGetStackSize(ThreadAttributes* a, nuint* size)
    {
        *size = a->StackSize != 0 ? a->StackSize : DefaultStack;
        return 0;
    }
}
