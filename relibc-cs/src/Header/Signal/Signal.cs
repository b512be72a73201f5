using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Platform;

namespace Relibc.Header.Signal;

/// <summary><c>sigset_t</c>: signals 1–64 as bits 0–63 (the kernel's size).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct SignalSet
{
    public ulong Bits;
}

/// <summary><c>struct sigaction</c>: one layout on every target; the backend converts to its kernel's.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct SignalAction
{
    public nint Handler;
    public SignalSet Mask;
    public int Flags;
    public int Padding;
    public nint Restorer;
}

/// <summary>
/// signal.h (C17 7.14; https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/signal.h.html): the Linux signal
/// numbers (the same on the three targets), sigaction with SA_SIGINFO, masks, sending and waiting. Handlers run on the
/// interrupted thread's stack (no sigaltstack yet).
/// </summary>
public static unsafe class Signals
{
    private const int Max = 64;
    private const int SaRestart = 0x10000000;

    private static bool Valid(int signal) => signal >= 1 && signal <= Max;

    /// <summary>sigaction — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sigaction.html (EINVAL for a bad number, or for SIGKILL/SIGSTOP with an action).</summary>
    [UnmanagedCallersOnly(EntryPoint = "sigaction")]
    public static int SigAction(int signal, SignalAction* action, SignalAction* old) => Install(signal, action, old);

    internal static int Install(int signal, SignalAction* action, SignalAction* old)
    {
        if (!Valid(signal) || (action != null && (signal == 9 || signal == 19)))
        {
            Errno.Errno.Set(E.INVAL);
            return -1;
        }
        var r = Pal.SignalAction(signal, action != null, action != null ? action->Handler : 0, action != null ? (ulong)(uint)action->Flags : 0,
            action != null ? action->Mask.Bits : 0, out var oldHandler, out var oldFlags, out var oldMask);
        if (Errno.Errno.Result(r) < 0)
            return -1;
        if (old != null)
        {
            old->Handler = oldHandler;
            old->Flags = (int)oldFlags;
            old->Mask.Bits = oldMask;
            old->Padding = 0;
            old->Restorer = 0;
        }
        return 0;
    }

    /// <summary>signal — C17 7.14.1.1 (BSD semantics, as glibc: the handler stays installed and SA_RESTART restarts system calls); SIG_ERR (-1) on error.</summary>
    [UnmanagedCallersOnly(EntryPoint = "signal")]
    public static nint SignalExport(int signal, nint handler)
    {
        var action = new SignalAction { Handler = handler, Flags = SaRestart };
        SignalAction old;
        return Install(signal, &action, &old) < 0 ? -1 : old.Handler;
    }

    /// <summary>raise — C17 7.14.2.1 (to the calling thread).</summary>
    [UnmanagedCallersOnly(EntryPoint = "raise")]
    public static int Raise(int signal) => (int)Errno.Errno.Result(Pal.RaiseSignal(signal));

    /// <summary>kill — https://pubs.opengroup.org/onlinepubs/9699919799/functions/kill.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "kill")]
    public static int Kill(int pid, int signal) => (int)Errno.Errno.Result(Pal.Signal(pid, signal));

    /// <summary>killpg — https://pubs.opengroup.org/onlinepubs/9699919799/functions/killpg.html (EINVAL for a group below 2... as POSIX: negative).</summary>
    [UnmanagedCallersOnly(EntryPoint = "killpg")]
    public static int KillPg(int group, int signal)
    {
        if (group < 0)
        {
            Errno.Errno.Set(E.INVAL);
            return -1;
        }
        return (int)Errno.Errno.Result(Pal.Signal(-group, signal));
    }

    /// <summary>pthread_kill — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_kill.html (returns the error; signal 0 only checks).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_kill")]
    public static int PthreadKill(Pthread.ThreadControl* thread, int signal)
    {
        var r = Pal.SignalThread(thread->Tid, signal);
        return r < 0 ? (int)-r : 0;
    }

    /// <summary>sigprocmask — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sigprocmask.html (SIG_BLOCK 0, SIG_UNBLOCK 1, SIG_SETMASK 2).</summary>
    [UnmanagedCallersOnly(EntryPoint = "sigprocmask")]
    public static int SigProcMask(int how, SignalSet* set, SignalSet* old)
    {
        if (set != null && (uint)how > 2)
        {
            Errno.Errno.Set(E.INVAL);
            return -1;
        }
        return (int)Errno.Errno.Result(Pal.SignalMask(how, (ulong*)set, (ulong*)old));
    }

    /// <summary>pthread_sigmask — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pthread_sigmask.html (returns the error).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pthread_sigmask")]
    public static int PthreadSigMask(int how, SignalSet* set, SignalSet* old)
    {
        if (set != null && (uint)how > 2)
            return E.INVAL;
        var r = Pal.SignalMask(how, (ulong*)set, (ulong*)old);
        return r < 0 ? (int)-r : 0;
    }

    /// <summary>sigpending — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sigpending.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sigpending")]
    public static int SigPending(SignalSet* set) => (int)Errno.Errno.Result(Pal.PendingSignals((ulong*)set));

    /// <summary>sigsuspend — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sigsuspend.html (always -1 with EINTR).</summary>
    [UnmanagedCallersOnly(EntryPoint = "sigsuspend")]
    public static int SigSuspend(SignalSet* mask) => (int)Errno.Errno.Result(Pal.SuspendSignals((ulong*)mask));

    /// <summary>sigwait — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sigwait.html (returns the error; the signal in *signal).</summary>
    [UnmanagedCallersOnly(EntryPoint = "sigwait")]
    public static int SigWait(SignalSet* set, int* signal)
    {
        nint r;
        do
            r = Pal.WaitSignal((ulong*)set, null);
        while (r == -E.INTR);
        if (r < 0)
            return (int)-r;
        *signal = (int)r;
        return 0;
    }

    /// <summary>sigemptyset — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sigemptyset.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sigemptyset")]
    public static int SigEmptySet(SignalSet* set)
    {
        set->Bits = 0;
        return 0;
    }

    /// <summary>sigfillset — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sigfillset.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sigfillset")]
    public static int SigFillSet(SignalSet* set)
    {
        set->Bits = ~0UL;
        return 0;
    }

    /// <summary>sigaddset — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sigaddset.html (EINVAL for a bad number).</summary>
    [UnmanagedCallersOnly(EntryPoint = "sigaddset")]
    public static int SigAddSet(SignalSet* set, int signal)
    {
        if (!Valid(signal))
            return Invalid();
        set->Bits |= 1UL << (signal - 1);
        return 0;
    }

    /// <summary>sigdelset — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sigdelset.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sigdelset")]
    public static int SigDelSet(SignalSet* set, int signal)
    {
        if (!Valid(signal))
            return Invalid();
        set->Bits &= ~(1UL << (signal - 1));
        return 0;
    }

    /// <summary>sigismember — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sigismember.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "sigismember")]
    public static int SigIsMember(SignalSet* set, int signal)
    {
        if (!Valid(signal))
            return Invalid();
        return (set->Bits & (1UL << (signal - 1))) != 0 ? 1 : 0;
    }

    private static int Invalid()
    {
        Errno.Errno.Set(E.INVAL);
        return -1;
    }

    /// <summary>alarm — https://pubs.opengroup.org/onlinepubs/9699919799/functions/alarm.html (the seconds left of the previous alarm).</summary>
    [UnmanagedCallersOnly(EntryPoint = "alarm")]
    public static uint Alarm(uint seconds) => (uint)Pal.Alarm(seconds);

    /// <summary>pause — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pause.html (waits with the current mask; always -1 with EINTR).</summary>
    [UnmanagedCallersOnly(EntryPoint = "pause")]
    public static int Pause()
    {
        ulong mask;
        Pal.SignalMask(0, null, &mask);
        return (int)Errno.Errno.Result(Pal.SuspendSignals(&mask));
    }
}
