namespace Relibc.Platform;

/// <summary>
/// The VeridianOS backend's signal calls: the kernel has no signals yet (upstream's sigaction 120 … sigreturn 123 are
/// -ENOSYS in our kernel), so every call is ENOSYS; <see cref="RaiseSignal"/> carries out the default action itself.
/// </summary>
internal static unsafe partial class Pal
{
    public static nint SignalAction(int signal, bool install, nint handler, ulong flags, ulong mask, out nint oldHandler, out ulong oldFlags, out ulong oldMask)
    {
        oldHandler = 0;
        oldFlags = 0;
        oldMask = 0;
        return -ENOSYS;
    }

    public static nint SignalMask(int how, ulong* set, ulong* old) => -ENOSYS;

    public static nint PendingSignals(ulong* set) => -ENOSYS;

    public static nint SuspendSignals(ulong* mask) => -ENOSYS;

    public static nint WaitSignal(ulong* set, void* info) => -ENOSYS;

    /// <summary>pthread_kill: to the calling thread, the default action (<see cref="RaiseSignal"/>); another thread: ENOSYS.</summary>
    public static nint SignalThread(int tid, int signal) =>
        tid == ThreadId() ? (signal == 0 ? 0 : RaiseSignal(signal)) : -ENOSYS;

    public static nint Alarm(uint seconds) => -ENOSYS;
}
