namespace Veridian.Build.Cache;

/// <summary>
/// Writes that a kill cannot leave half-done: a temp file beside the target, then rename. There is no
/// fsync: a killed process loses nothing the kernel already has, and what a power loss could tear is
/// caught on the way back in (cache files are verified against their hash on every restore, a malformed
/// entry is a miss, and outputs are re-hashed by the next build). Measured: the fsyncs cost ~0.9 s of a
/// 6.35 s cold build of 200 files (bench/build.sh: 1.28x -> 1.18x make). Temp names start with <see cref="TempPrefix"/> so
/// that cleaning can find leftovers.
/// </summary>
public static class AtomicFile
{
    public const string TempPrefix = ".vtmp-";

    /// <summary>A fresh temp path in the folder of <paramref name="target"/> (the folder is created).</summary>
    public static string TempBeside(string target)
    {
        var dir = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, $"{TempPrefix}{Path.GetFileName(target)}-{Guid.NewGuid():N}");
    }

    public static void WriteAllBytes(string target, ReadOnlySpan<byte> bytes)
    {
        var temp = TempBeside(target);
        try
        {
            using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                fs.Write(bytes);
            }
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void WriteAllText(string target, string text) => WriteAllBytes(target, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Renames the finished <paramref name="temp"/> over <paramref name="target"/>.</summary>
    public static void Commit(string temp, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(temp, target, overwrite: true);
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> through a temp file.</summary>
    public static void Copy(string source, string target)
    {
        var temp = TempBeside(target);
        try
        {
            File.Copy(source, temp, overwrite: true);
            Commit(temp, target);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

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
}
