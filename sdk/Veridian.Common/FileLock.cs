using System.Diagnostics;

namespace Veridian.Common;

/// <summary>
/// An exclusive lock on a lock file: an open with no sharing, which .NET implements with
/// <c>flock(LOCK_EX|LOCK_NB)</c> on Unix, so it excludes other processes and other opens in this one, and
/// the kernel releases it when the process dies, even by SIGKILL. The lock file's folder must exist.
/// </summary>
public sealed class FileLock : IDisposable
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(50);
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>The lock file.</summary>
    public string Path => _stream.Name;

    /// <summary>Takes the lock at once, or returns null when another holder has it.</summary>
    public static FileLock? TryAcquire(string path)
    {
        try
        {
            return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    /// <summary>
    /// Takes the lock, waiting up to <paramref name="timeout"/> for another holder to let go. <paramref name="onWait"/>
    /// is called once, when the lock is first found held and there is time left to wait (so a caller can say
    /// "waiting for …"). Throws <see cref="TimeoutException"/> when the time is up; the caller turns that into
    /// its own diagnostic.
    /// </summary>
    public static FileLock Acquire(string path, TimeSpan timeout, Action? onWait = null)
    {
        var clock = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            if (TryAcquire(path) is { } held)
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

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _stream.Dispose();
}
