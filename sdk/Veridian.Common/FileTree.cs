namespace Veridian.Common;

/// <summary>Folder trees.</summary>
public static class FileTree
{
    /// <summary>
    /// Copies every folder and file under <paramref name="from"/> into <paramref name="to"/> (created when missing),
    /// keeping each file's permission bits; a file already at a destination is replaced. Symbolic links are copied as
    /// the files they point to.
    /// </summary>
    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            File.Copy(file, target, overwrite: true);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
    }
}
