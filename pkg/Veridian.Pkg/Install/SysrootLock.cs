using Veridian.Common;
using Veridian.Diagnostics;

namespace Veridian.Pkg.Install;

/// <summary>The sysroot's exclusive lock: a <see cref="FileLock"/> on <see cref="Sysroot.LockFile"/>, which the kernel releases when the process dies.</summary>
public static class SysrootLock
{
    /// <summary>Takes the lock, telling <paramref name="onWait"/> once when it has to wait; <see cref="PkgCodes.LockTimeout"/> (VDN6023) after <paramref name="timeout"/>.</summary>
    public static FileLock Acquire(Sysroot sysroot, TimeSpan timeout, Action<string>? onWait)
    {
        try
        {
            return FileLock.Acquire(sysroot.Full(Sysroot.LockFile), timeout,
                onWait is null ? null : () => onWait($"waiting for another package operation on '{sysroot.Root}' to finish (lock {Sysroot.LockFile})"));
        }
        catch (TimeoutException)
        {
            throw DiagnosticException.Error(PkgCodes.LockTimeout, $"timed out after {timeout.TotalSeconds:0.#} s waiting for the lock of '{sysroot.Root}'",
                hint: "another 'veridian pkg' command is installing or removing; wait for it or raise --lock-timeout");
        }
    }
}
