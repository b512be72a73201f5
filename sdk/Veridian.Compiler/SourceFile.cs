namespace Veridian.Compiler;

/// <summary>One C# source: the path it is reported under and its text.</summary>
public sealed record SourceFile(string Path, string Text)
{
    /// <summary>Reads a file from disk (reported by the path as given).</summary>
    public static SourceFile Read(string path) => new(path, File.ReadAllText(path));
}
