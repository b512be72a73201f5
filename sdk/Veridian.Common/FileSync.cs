using System.Runtime.InteropServices;

namespace Veridian.Common;

/// <summary>The flushes .NET lacks: <c>fsync</c> of any path (a directory too) and <c>syncfs</c> of a whole file system.</summary>
public static partial class FileSync
{
    private const int ORdOnly = 0;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int SyncFs(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    /// <summary>
    /// fsync(2) of <paramref name="path"/>: a file's content, or a directory's entries (renames, creations).
    /// Opened read-only, which POSIX allows for fsync, so a read-only file can be flushed too.
    /// </summary>
    public static void Flush(string path) => WithDescriptor(path, Fsync, "fsync");

    /// <summary>
    /// syncfs(2): flushes every written file and directory of the file system holding <paramref name="path"/>
    /// in one call — what a transaction needs before its renames, at the cost of one flush instead of one per file.
    /// </summary>
    public static void FlushFileSystem(string path) => WithDescriptor(path, SyncFs, "syncfs");

    private static void WithDescriptor(string path, Func<int, int> call, string name)
    {
        if (OperatingSystem.IsWindows())
            return;
        var fd = Open(path, ORdOnly);
        if (fd < 0)
            throw new IOException($"cannot open '{path}': errno {Marshal.GetLastPInvokeError()}");
        try
        {
            if (call(fd) != 0)
                throw new IOException($"cannot {name} '{path}': errno {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            Close(fd);
        }
    }
}
