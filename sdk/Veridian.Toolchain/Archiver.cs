using Veridian.Diagnostics;
using Veridian.Host;

namespace Veridian.Toolchain;

/// <summary>
/// Deterministic static archives through llvm-ar-19 with the <c>D</c> modifier (zero timestamps, uids, gids and
/// modes 644), GNU format with a symbol table, so the same members give the same bytes.
/// </summary>
public static class Archiver
{
    /// <summary>
    /// Creates <paramref name="archive"/> from <paramref name="members"/> (replacing any old file; temp file + rename).
    /// Cancelling <paramref name="cancel"/> kills llvm-ar-19 and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static void Create(string archive, IReadOnlyList<string> members, string? workingDirectory = null, CancellationToken cancel = default)
    {
        var cwd = workingDirectory ?? Directory.GetCurrentDirectory();
        foreach (var m in members)
        {
            if (!File.Exists(Path.GetFullPath(m, cwd)))
                throw DiagnosticException.Error(ToolchainCodes.ArchiveFailed, $"archive member '{m}' does not exist");
        }
        var output = Path.GetFullPath(archive, cwd);
        var command = new List<string> { HostProbe.RequireTool("llvm-ar"), "--format=gnu", "rcsD", output };
        command.AddRange(members);
        var result = CompilePipeline.AtomicRun(command, output, cwd, inheritStderr: false, cancel);
        if (result.ExitCode != 0)
            throw DiagnosticException.Error(ToolchainCodes.ArchiveFailed, $"creating {archive} failed: {result.StdErr.Trim()}");
    }

    /// <summary>
    /// The llvm-ar-19 arguments for an ar-style command line, made deterministic: the operation word gets <c>D</c>
    /// (unless the user asked for <c>U</c>); everything else is passed as given.
    /// </summary>
    public static IReadOnlyList<string> DeterministicArgs(IReadOnlyList<string> args)
    {
        var result = new List<string>(args);
        for (var i = 0; i < result.Count; i++)
        {
            var a = result[i];
            if (a.StartsWith('@') || (a.StartsWith("--", StringComparison.Ordinal)))
                continue;
            var op = a.TrimStart('-');
            if (op.Length > 0 && op.All(c => "dmpqrstxabcDiLNoOPsSTuUvV".Contains(c)) && op.Any(c => "dmpqrstx".Contains(c)))
            {
                if (!op.Contains('U') && !op.Contains('D'))
                    result[i] = a + "D";
                break;
            }
        }
        return result;
    }

    /// <summary>Runs llvm-ar-19 with <paramref name="args"/> made deterministic; returns its exit code (its output goes to ours).</summary>
    public static int RunAr(IReadOnlyList<string> args)
    {
        return HostTools.RunAttached([HostProbe.RequireTool("llvm-ar"), .. DeterministicArgs(args)]);
    }
}
