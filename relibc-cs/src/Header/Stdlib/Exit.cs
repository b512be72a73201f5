using System.Runtime.InteropServices;
using Relibc.Header.Stdio;
using Relibc.Platform;

namespace Relibc.Header.Stdlib;

/// <summary>Process termination: exit, _Exit, atexit, abort, quick_exit, at_quick_exit (C17 7.22.4).</summary>
public static unsafe class Exit
{
    private const int MaxHandlers = 32; // C17 7.22.4.2: at least 32 must be registrable
    private static int s_count;
    private static HandlerTable s_handlers;

    private struct HandlerTable
    {
        public fixed ulong Entries[MaxHandlers];
    }

    /// <summary>atexit — https://pubs.opengroup.org/onlinepubs/9699919799/functions/atexit.html (C17 7.22.4.2).</summary>
    [UnmanagedCallersOnly(EntryPoint = "atexit")]
    public static int AtExit(delegate* unmanaged<void> handler)
    {
        if (s_count == MaxHandlers)
            return -1;
        s_handlers.Entries[s_count++] = (ulong)handler;
        return 0;
    }

    /// <summary>exit — https://pubs.opengroup.org/onlinepubs/9699919799/functions/exit.html (C17 7.22.4.4): handlers in reverse order, then streams flushed.</summary>
    [UnmanagedCallersOnly(EntryPoint = "exit")]
    public static void ExitExport(int status) => Run(status);

    private static delegate* unmanaged<void>* s_finiStart, s_finiEnd;

    /// <summary>The program's <c>.fini_array</c> (from crt1.o, through process start): run by exit after the atexit handlers.</summary>
    public static void SetDestructors(delegate* unmanaged<void>* start, delegate* unmanaged<void>* end)
    {
        s_finiStart = start;
        s_finiEnd = end;
    }

    /// <summary>
    /// The body of exit(3), also the end of process start: the atexit handlers in reverse order of registration, then
    /// the destructors (<c>.fini_array</c>, last entry first: the reverse of the constructors' order, as glibc), then
    /// every stream flushed.
    /// </summary>
    public static void Run(int status)
    {
        while (s_count > 0)
            ((delegate* unmanaged<void>)s_handlers.Entries[--s_count])();
        // Each destructor runs once, even if one calls exit.
        while (s_finiEnd > s_finiStart)
            (*--s_finiEnd)();
        Streams.FlushAll();
        Pal.Exit(status);
    }

    /// <summary>_Exit — https://pubs.opengroup.org/onlinepubs/9699919799/functions/_Exit.html (C17 7.22.4.5): no handlers, no flushing.</summary>
    [UnmanagedCallersOnly(EntryPoint = "_Exit")]
    public static void QuickExit(int status) => Pal.Exit(status);

    /// <summary>abort — https://pubs.opengroup.org/onlinepubs/9699919799/functions/abort.html (C17 7.22.4.1): SIGABRT, and if that returns, exit 127.</summary>
    [UnmanagedCallersOnly(EntryPoint = "abort")]
    public static void Abort()
    {
        const int SigAbrt = 6;
        Pal.RaiseSignal(SigAbrt);
        // A handler returned (or SIGABRT was ignored or blocked): abort ends the process all the same, by SIGABRT.
        Pal.SignalAction(SigAbrt, true, 0, 0, 0, out _, out _, out _);
        ulong unblock = 1UL << (SigAbrt - 1);
        Pal.SignalMask(1, &unblock, null);
        Pal.RaiseSignal(SigAbrt);
        Pal.Exit(127);
    }

    private static int s_quickCount;
    private static HandlerTable s_quickHandlers;

    /// <summary>at_quick_exit — C17 7.22.4.3 (at least 32 handlers).</summary>
    [UnmanagedCallersOnly(EntryPoint = "at_quick_exit")]
    public static int AtQuickExit(delegate* unmanaged<void> handler)
    {
        if (s_quickCount == MaxHandlers)
            return -1;
        s_quickHandlers.Entries[s_quickCount++] = (ulong)handler;
        return 0;
    }

    /// <summary>quick_exit — C17 7.22.4.7: the at_quick_exit handlers in reverse order, then _Exit (no atexit handlers, no flushing).</summary>
    [UnmanagedCallersOnly(EntryPoint = "quick_exit")]
    public static void QuickExitExport(int status)
    {
        while (s_quickCount > 0)
            ((delegate* unmanaged<void>)s_quickHandlers.Entries[--s_quickCount])();
        Pal.Exit(status);
    }
}
