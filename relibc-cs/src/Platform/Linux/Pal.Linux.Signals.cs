using System.Runtime.InteropServices;

namespace Relibc.Platform;

/// <summary>
/// The Linux backend's signal calls. relibc-cs's <c>struct sigaction</c> is one layout everywhere; the kernel's is
/// { handler, flags, restorer, mask } on x86_64 and aarch64 (relibc-cs always passes its own return trampoline, thread
/// .S's neighbour signal.S) and { handler, flags, mask } on riscv64, which returns through the vDSO.
/// </summary>
internal static unsafe partial class Pal
{
    private const ulong SaRestorer = 0x04000000;

#if VERIDIAN_X86_64 || VERIDIAN_AARCH64
    [DllImport("*", EntryPoint = "__relibc_restore_rt")]
    private static extern void RestoreRt();
#endif

    /// <summary>rt_sigaction: installs <paramref name="handler"/> (or SIG_DFL 0 / SIG_IGN 1) with <paramref name="flags"/> and <paramref name="mask"/> when <paramref name="install"/>; the previous ones come back in the out parameters.</summary>
    public static nint SignalAction(int signal, bool install, nint handler, ulong flags, ulong mask, out nint oldHandler, out ulong oldFlags, out ulong oldMask)
    {
        var k = stackalloc ulong[4];
        var old = stackalloc ulong[4];
        k[0] = (ulong)handler;
#if VERIDIAN_RISCV64
        k[1] = flags;
        k[2] = mask;
#else
        k[1] = flags | SaRestorer;
        delegate*<void> restorer = &RestoreRt;
        k[2] = (ulong)restorer;
        k[3] = mask;
#endif
        var r = Syscall.Call(Nr.RtSigaction, signal, install ? (nint)k : 0, (nint)old, 8);
        oldHandler = (nint)old[0];
#if VERIDIAN_RISCV64
        oldFlags = old[1];
        oldMask = old[2];
#else
        oldFlags = old[1] & ~SaRestorer;
        oldMask = old[3];
#endif
        return r;
    }

    /// <summary>rt_sigprocmask(how, set, old): SIG_BLOCK 0, SIG_UNBLOCK 1, SIG_SETMASK 2; either pointer may be null.</summary>
    public static nint SignalMask(int how, ulong* set, ulong* old) => Syscall.Call(Nr.RtSigprocmask, how, (nint)set, (nint)old, 8);

    public static nint PendingSignals(ulong* set) => Syscall.Call(Nr.RtSigpending, (nint)set, 8);

    /// <summary>rt_sigsuspend: waits for a signal with <c>*mask</c> as the mask; always -EINTR.</summary>
    public static nint SuspendSignals(ulong* mask) => Syscall.Call(Nr.RtSigsuspend, (nint)mask, 8);

    /// <summary>rt_sigtimedwait without a time limit: the signal taken from <c>*set</c>, its siginfo in <paramref name="info"/> (128 bytes) if not null.</summary>
    public static nint WaitSignal(ulong* set, void* info) => Syscall.Call(Nr.RtSigtimedwait, (nint)set, (nint)info, 0, 8);

    /// <summary>Sends <paramref name="signal"/> to thread <paramref name="tid"/> of this process (tgkill).</summary>
    public static nint SignalThread(int tid, int signal) => Syscall.Call(Nr.Tgkill, Syscall.Call(Nr.Getpid), tid, signal);

    /// <summary>setitimer(ITIMER_REAL) to <paramref name="seconds"/> (0 cancels); the seconds that were left, rounded up as alarm(2) does.</summary>
    public static nint Alarm(uint seconds)
    {
        var value = stackalloc long[4];
        var old = stackalloc long[4];
        value[0] = 0;
        value[1] = 0;
        value[2] = seconds;
        value[3] = 0;
        var r = Syscall.Call(Nr.Setitimer, 0, (nint)value, (nint)old);
        if (r < 0)
            return r;
        return (nint)(old[2] + (old[3] >= 500000 || (old[2] == 0 && old[3] > 0) ? 1 : 0));
    }
}
