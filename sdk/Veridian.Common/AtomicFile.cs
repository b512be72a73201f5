using System.Text;

namespace Veridian.Common;

/// <summary>
/// Writes a file completely or not at all: the content goes to a temp file with a unique name in the target's
/// folder, then one rename puts it in place; on failure the temp file is removed. Whether the content is also
/// flushed to disk is the caller's explicit <see cref="Durability"/> choice. The folder is created when missing.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Every temp name starts with this, so that whoever owns a folder can sweep what a killed process left
    /// (the build engine's output folders, the build cache, a sysroot's state folder).
    /// </summary>
    public const string TempPrefix = ".vtmp-";

    /// <summary>
    /// A fresh temp path beside <paramref name="target"/> (its folder is created): <c>.vtmp-&lt;name&gt;-&lt;guid&gt;.tmp</c>,
    /// unique across processes and threads.
    /// </summary>
    public static string TempBeside(string target)
    {
        var full = Path.GetFullPath(target);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, $"{TempPrefix}{Path.GetFileName(full)}-{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, replacing any old file.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="bytes">Its new content.</param>
    /// <param name="durability">Whether the content is on disk when the call returns.</param>
    /// <param name="mode">The file's exact permission bits (the umask does not apply); null: the default of a new file.</param>
    public static void Write(string path, ReadOnlySpan<byte> bytes, Durability durability, UnixFileMode? mode = null) =>
        Put(path, bytes, durability, mode, overwrite: true);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark; see <see cref="Write(string, ReadOnlySpan{byte}, Durability, UnixFileMode?)"/>.</summary>
    public static void Write(string path, string text, Durability durability, UnixFileMode? mode = null) =>
        Write(path, new UTF8Encoding(false).GetBytes(text), durability, mode);

    /// <summary>
    /// Calls <paramref name="writeTemp"/> with a temp path for a writer that makes the file itself (LLVM, a linker,
    /// a stream of ours), then renames it to <paramref name="path"/>. If <paramref name="writeTemp"/> throws, the
    /// temp file is removed and <paramref name="path"/> is untouched.
    /// </summary>
    public static void Write(string path, Action<string> writeTemp, Durability durability)
    {
        var target = Path.GetFullPath(path);
        var temp = TempBeside(target);
        try
        {
            writeTemp(temp);
            Commit(temp, target, durability, overwrite: true, flushTemp: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>
    /// Creates <paramref name="path"/>, which must not exist: the content appears complete or not at all, and an
    /// existing file is never replaced (an <see cref="IOException"/> says so).
    /// </summary>
    public static void CreateNew(string path, ReadOnlySpan<byte> bytes, Durability durability, UnixFileMode? mode = null) =>
        // File.Move without overwrite is link + unlink on Unix: it fails when the target exists.
        Put(path, bytes, durability, mode, overwrite: false);

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> through a temp file.</summary>
    public static void Copy(string source, string target, Durability durability)
    {
        var full = Path.GetFullPath(target);
        var temp = TempBeside(full);
        try
        {
            File.Copy(source, temp, overwrite: true);
            Commit(temp, full, durability);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Renames the finished <paramref name="temp"/> (from <see cref="TempBeside"/>) over <paramref name="target"/>.</summary>
    public static void Commit(string temp, string target, Durability durability) =>
        Commit(temp, Path.GetFullPath(target), durability, overwrite: true, flushTemp: true);

    /// <summary>Deletes a file if it can; a file that is gone or busy is left to the next sweep.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void Put(string path, ReadOnlySpan<byte> bytes, Durability durability, UnixFileMode? mode, bool overwrite)
    {
        var target = Path.GetFullPath(path);
        var temp = TempBeside(target);
        try
        {
            WriteTemp(temp, bytes, durability, mode);
            Commit(temp, target, durability, overwrite, flushTemp: false);
        }
        finally
        {
            // Gone after a successful rename; removed after a failure.
            TryDelete(temp);
        }
    }

    private static void WriteTemp(string temp, ReadOnlySpan<byte> bytes, Durability durability, UnixFileMode? mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (mode is { } m && !OperatingSystem.IsWindows())
            options.UnixCreateMode = m;
        using (var fs = new FileStream(temp, options))
        {
            fs.Write(bytes);
            if (durability == Durability.Flush)
                fs.Flush(flushToDisk: true);
        }
        if (mode is { } exact && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(temp, exact);
    }

    private static void Commit(string temp, string target, Durability durability, bool overwrite, bool flushTemp)
    {
        var dir = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(dir);
        if (durability == Durability.Flush && flushTemp)
            FileSync.Flush(temp);
        File.Move(temp, target, overwrite);
        if (durability == Durability.Flush)
            FileSync.Flush(dir);
    }
}
