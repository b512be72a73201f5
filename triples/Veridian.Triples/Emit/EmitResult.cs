using Veridian.Common;

namespace Veridian.Triples.Emit;

/// <summary>
/// The text of an emitted file and any companion files, whose paths are relative to the main file's folder
/// (e.g. <c>Platform/VeridianOS.cmake</c> beside a CMake toolchain file).
/// </summary>
public sealed record EmitResult(string Main, IReadOnlyList<EmittedFile> Companions)
{
    /// <summary>Writes the main file to <paramref name="path"/> and the companions beside it, each through a temporary file and a rename.</summary>
    public void WriteTo(string path)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        foreach (var c in Companions)
            AtomicFile.Write(Path.Combine(dir, c.RelativePath), c.Content, Durability.None);
        AtomicFile.Write(full, Main, Durability.None);
    }
}

/// <summary>A companion file of an <see cref="EmitResult"/>.</summary>
public sealed record EmittedFile(string RelativePath, string Content);
