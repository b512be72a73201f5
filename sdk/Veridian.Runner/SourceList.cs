using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Runner;

/// <summary>
/// The sources of a sample folder for one target (docs/run.md, "samples"):
/// <list type="bullet">
/// <item>a file named <c>sources</c> in the folder lists them, one path per line relative to the folder, <c>#</c>
/// comments, <c>{arch}</c> replaced by the architecture (x86_64, aarch64, riscv64); or else</item>
/// <item>every <c>.c</c>, <c>.cpp</c>, <c>.cc</c>, <c>.S</c> and <c>.s</c> file in the folder, then in its
/// <c>&lt;arch&gt;/</c> subfolder (not recursive), each group in ordinal order.</item>
/// </list>
/// Paths come back relative to the folder, with '/' separators, so builds do not depend on where the folder is.
/// </summary>
public static class SourceList
{
    /// <summary>The name of the optional list file.</summary>
    public const string FileName = "sources";

    private static readonly string[] s_extensions = [".c", ".cpp", ".cc", ".cxx", ".S", ".s"];

    /// <summary>The sources for <paramref name="target"/>, relative to <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> For(string directory, TargetInfo target)
    {
        var arch = target.Arch.Name();
        var listFile = Path.Combine(directory, FileName);
        List<string> sources;
        if (File.Exists(listFile))
        {
            sources = [];
            var lineNumber = 0;
            foreach (var raw in File.ReadAllLines(listFile))
            {
                lineNumber++;
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                    continue;
                var path = line.Replace("{arch}", arch, StringComparison.Ordinal);
                if (!File.Exists(Path.Combine(directory, path)))
                {
                    throw DiagnosticException.Error(RunnerCodes.SourceNotFound, $"'{path}' does not exist",
                        new SourceLocation(listFile, lineNumber, 1), hint: "paths in a sources list are relative to its folder");
                }
                sources.Add(path);
            }
        }
        else
        {
            sources = [.. SourcesIn(directory, "")];
            if (Directory.Exists(Path.Combine(directory, arch)))
                sources.AddRange(SourcesIn(directory, arch));
        }
        if (sources.Count == 0)
        {
            throw DiagnosticException.Error(RunnerCodes.NoSources, $"'{directory}' has no sources for {target.Canonical}",
                hint: $"put .c/.cpp/.S files in the folder (and {arch}/ for architecture-specific ones), or list them in a '{FileName}' file");
        }
        return sources;
    }

    private static IEnumerable<string> SourcesIn(string directory, string sub) =>
        Directory.EnumerateFiles(Path.Combine(directory, sub))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => s_extensions.Contains(Path.GetExtension(name), StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => sub.Length == 0 ? name : $"{sub}/{name}");

    /// <summary>Whether a source is C++ (by extension).</summary>
    public static bool IsCxx(string path) => Path.GetExtension(path) is ".cpp" or ".cc" or ".cxx";
}
