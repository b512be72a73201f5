using System.Runtime.InteropServices;
using Relibc.Header.Errno;

namespace Relibc.Header.Pthread;

/// <summary>
/// Thread-specific data (https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_key_create.html):
/// PTHREAD_KEYS_MAX (128) keys, each a slot in every thread's <see cref="KeyValues"/>; at a thread's exit the
/// destructors of non-null values run, up to PTHREAD_DESTRUCTOR_ITERATIONS (4) rounds.
/// </summary>
public static unsafe class Keys
{
    public const int Max = 128;
    private const int Iterations = 4;

    private static KeyTable s_table;
    private static int s_lock;

    private struct KeyTable
    {
        public fixed ulong Destructor[Max];
        public fixed byte Used[Max];
    }

    /// <summary>pthread_key_create — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_key_create.html (EAGAIN when all keys are taken).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_key_create")]
    public static int Create(uint* key, delegate* unmanaged<void*, void> destructor)
    {
        fixed (int* l = &s_lock)
        {
            Lock.Acquire(l);
            for (var k = 0; k < Max; k++)
            {
                if (s_table.Used[k] != 0)
                    continue;
                s_table.Used[k] = 1;
                s_table.Destructor[k] = (ulong)destructor;
                ThreadArea.Current()->Specific.Value[k] = 0;
                Lock.Release(l);
                *key = (uint)k;
                return 0;
            }
            Lock.Release(l);
        }
        return E.AGAIN;
    }

    /// <summary>pthread_key_delete — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_key_delete.html (EINVAL for a key not in use; no destructor runs).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_key_delete")]
    public static int Delete(uint key)
    {
        if (key >= Max || s_table.Used[key] == 0)
            return E.INVAL;
        s_table.Used[key] = 0;
        s_table.Destructor[key] = 0;
        return 0;
    }

    /// <summary>pthread_getspecific — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_getspecific.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_getspecific")]
    public static void* Get(uint key) => key < Max ? (void*)ThreadArea.Current()->Specific.Value[key] : null;

    /// <summary>pthread_setspecific — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_setspecific.html (EINVAL for a key not in use).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_setspecific")]
    public static int Set(uint key, void* value)
    {
        if (key >= Max || s_table.Used[key] == 0)
            return E.INVAL;
        ThreadArea.Current()->Specific.Value[key] = (ulong)value;
        return 0;
    }

    /// <summary>Runs the exiting thread's destructors: for each key in use with a non-null value, value = null, then destructor(old value).</summary>
    public static void RunDestructors(ThreadControl* tc)
    {
        for (var round = 0; round < Iterations; round++)
        {
            var ran = false;
            for (var k = 0; k < Max; k++)
            {
                var value = (void*)tc->Specific.Value[k];
                var destructor = (delegate* unmanaged<void*, void>)s_table.Destructor[k];
                if (value == null || destructor == null || s_table.Used[k] == 0)
                    continue;
                tc->Specific.Value[k] = 0;
                destructor(value);
                ran = true;
            }
            if (!ran)
                return;
        }
    }
}
