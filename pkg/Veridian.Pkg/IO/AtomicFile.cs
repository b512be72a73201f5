namespace Veridian.Pkg.IO;

/// <summary>Writes a whole file or nothing: a temporary file beside the target, fsync, rename, fsync the directory.</summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> content, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, "." + Path.GetFileName(full) + ".vpkg-tmp-" + Environment.ProcessId);
        try
        {
            using (var fs = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, UnixCreateMode = mode,
            }))
            {
                fs.Write(content);
                fs.Flush(flushToDisk: true);
            }
            File.SetUnixFileMode(temp, mode);
            File.Move(temp, full, overwrite: true);
            Posix.FsyncDirectory(dir);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Creates a new file that must not exist yet; the content appears complete or not at all.</summary>
    public static void CreateNew(string path, ReadOnlySpan<byte> content, UnixFileMode mode)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, "." + Path.GetFileName(full) + ".vpkg-tmp-" + Environment.ProcessId);
        try
        {
            using (var fs = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, UnixCreateMode = mode,
            }))
            {
                fs.Write(content);
                fs.Flush(flushToDisk: true);
            }
            // File.Move without overwrite fails when the target exists (link + unlink on Unix), so an
            // existing key is never replaced.
            File.Move(temp, full, overwrite: false);
            Posix.FsyncDirectory(dir);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
