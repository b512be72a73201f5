using System.Diagnostics;
using Veridian.Diagnostics;

namespace Veridian.Pkg.Install;

/// <summary>
/// The sysroot's exclusive lock: an open of the lock file with no sharing, which .NET implements with
/// <c>flock(LOCK_EX|LOCK_NB)</c> on Unix, so it excludes other processes and other opens in this one,
/// and the kernel releases it when the process dies.
/// </summary>
public sealed class SysrootLock : IDisposable
{
    private readonly FileStream _stream;

    private SysrootLock(FileStream stream) => _stream = stream;

    public static SysrootLock Acquire(Sysroot sysroot, TimeSpan timeout, Action<string>? onWait)
    {
        var path = sysroot.Full(Sysroot.LockFile);
        var clock = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            try
            {
                return new SysrootLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(path))
            {
                if (clock.Elapsed >= timeout)
                    throw DiagnosticException.Error(PkgCodes.LockTimeout, $"timed out after {timeout.TotalSeconds:0.#} s waiting for the lock of '{sysroot.Root}'",
                        hint: "another 'veridian pkg' command is installing or removing; wait for it or raise --lock-timeout");
                if (!told)
                {
                    onWait?.Invoke($"waiting for another package operation on '{sysroot.Root}' to finish (lock {Sysroot.LockFile})");
                    told = true;
                }
                Thread.Sleep(50);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
