using System.Runtime.InteropServices;
using System.Threading;
using Relibc.Platform;

namespace Relibc.Header.Pthread;

/// <summary>
/// pthread_once (https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_once.html): the control word is 0
/// (not run), 1 (running: others sleep on it) or 2 (done).
/// </summary>
public static unsafe class Once
{
    [UnmanagedCallersOnly(EntryPoint = "pthread_once")]
    public static int Run(int* control, delegate* unmanaged<void> routine)
    {
        if (Volatile.Read(ref *control) == 2)
            return 0;
        if (Interlocked.CompareExchange(ref *control, 1, 0) == 0)
        {
            routine();
            Volatile.Write(ref *control, 2);
            Pal.FutexWake(control, int.MaxValue, false);
            return 0;
        }
        int s;
        while ((s = Volatile.Read(ref *control)) == 1)
            Pal.FutexWait(control, 1, false, 0, null);
        return 0;
    }
}
