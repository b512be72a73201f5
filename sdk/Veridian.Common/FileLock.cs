using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Veridian.Common;

/// <summary>
/// An exclusive lock on a lock file: an open with no sharing, which .NET implements with
/// <c>flock(LOCK_EX|LOCK_NB)</c> on Unix, so it excludes other processes and other opens in this one, and
/// the kernel releases it when the process dies, even by SIGKILL. The lock file's folder must exist.
/// A <c>flock</c> belongs to the open file, not to the process: a lock taken with <c>inheritedByChildren</c> is
/// shared by every child process started while it is held, so when this process dies without letting go (killed,
/// even by SIGKILL) the lock stays held until the last of those children has exited. <see cref="Dispose"/> lets go
/// for all of them (.NET unlocks before it closes).
/// </summary>
public sealed partial class FileLock : IDisposable
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(50);
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>The lock file.</summary>
    public string Path => _stream.Name;

    /// <summary>Takes the lock at once, or returns null when another holder has it.</summary>
    /// <param name="path">The lock file (created when missing).</param>
    /// <param name="inheritedByChildren">
    /// Clear close-on-exec on the lock's descriptor (.NET sets it on every file it opens), so that every process
    /// started while the lock is held inherits it and, if we are killed, keeps the lock held until it exits too.
    /// </param>
    public static FileLock? TryAcquire(string path, bool inheritedByChildren = false)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
        try
        {
            if (inheritedByChildren)
                InheritedByChildren(stream);
            return new FileLock(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Takes the lock, waiting up to <paramref name="timeout"/> for another holder to let go. <paramref name="onWait"/>
    /// is called once, when the lock is first found held and there is time left to wait (so a caller can say
    /// "waiting for …"). Throws <see cref="TimeoutException"/> when the time is up; the caller turns that into
    /// its own diagnostic. <paramref name="inheritedByChildren"/>: see <see cref="TryAcquire"/>.
    /// </summary>
    public static FileLock Acquire(string path, TimeSpan timeout, Action? onWait = null, bool inheritedByChildren = false)
    {
        var clock = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            if (TryAcquire(path, inheritedByChildren) is { } held)
                return held;
            if (clock.Elapsed >= timeout)
                throw new TimeoutException($"'{path}' stayed locked for {timeout.TotalSeconds:0.#} s");
            if (!told)
            {
                onWait?.Invoke();
                told = true;
            }
            Thread.Sleep(s_poll);
        }
    }

    /// <summary>
    /// Releases the lock, for children that inherited it too (an explicit unlock, then the close).
    /// </summary>
    public void Dispose() => _stream.Dispose();

    /// <summary>Clears close-on-exec on the lock's descriptor.</summary>
    private static void InheritedByChildren(FileStream stream)
    {
        if (OperatingSystem.IsWindows())
            return;
        const int F_SETFD = 2;
        var fd = (int)stream.SafeFileHandle.DangerousGetHandle();
        if (Fcntl(fd, F_SETFD, 0) != 0)
            throw new IOException($"fcntl(F_SETFD) on '{stream.Name}' failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int cmd, int arg);
}
