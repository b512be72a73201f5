namespace Veridian.Tests;

/// <summary>A fresh directory under the system temp folder, deleted (with everything in it) on dispose.</summary>
public sealed class TempDir : IDisposable
{
    /// <param name="suffix">Appended to the folder's name (e.g. to test a longer path).</param>
    public TempDir(string? suffix = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vdn-test-" + Guid.NewGuid().ToString("N")[..12] + (suffix ?? ""));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A path below the folder.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>A path below the folder.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Every file name directly in the folder, in ordinal order (temp files start with a dot, so they are listed too).</summary>
    public IReadOnlyList<string> Names => Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    /// <summary>Copies a folder tree (without build outputs, <c>out/</c>) to <paramref name="destination"/>.</summary>
    public static void CopyTree(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, System.IO.Path.Combine(destination, System.IO.Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(source))
        {
            var name = System.IO.Path.GetFileName(dir);
            if (name is "out")
                continue;
            CopyTree(dir, System.IO.Path.Combine(destination, name));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
