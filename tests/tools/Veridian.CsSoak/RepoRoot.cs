namespace Veridian.CsSoak;

/// <summary>The repository (the folder holding Veridian.slnx) the tool works in: found upward from the current directory.</summary>
public static class RepoRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Veridian.slnx")))
                return dir.FullName;
        throw new InvalidOperationException("run cs-soak inside the repository (no Veridian.slnx above " + Directory.GetCurrentDirectory() + ")");
    }
}
