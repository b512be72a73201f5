using System.Text.RegularExpressions;
using Veridian.Tests;

namespace Veridian.Triples.Tests;

/// <summary>Runs clang-19, the differential oracle for the database's facts.</summary>
internal static partial class Clang
{
    public const string Path = "/usr/bin/clang-19";

    /// <summary>Compiles C source to textual LLVM IR with the given flags.</summary>
    public static string EmitIr(IEnumerable<string> flags, string source)
    {
        var dir = Directory.CreateTempSubdirectory("vdn-triples-");
        try
        {
            var c = System.IO.Path.Combine(dir.FullName, "t.c");
            File.WriteAllText(c, source);
            var r = Repo.Run(Path, [.. flags, "-O1", "-S", "-emit-llvm", c, "-o", "-"], workingDirectory: dir.FullName, timeoutMs: 60_000);
            Assert.True(r.ExitCode == 0, r.ToString());
            return r.StdOut;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The macros clang predefines with the given flags (<c>-dM -E</c>), name → value.</summary>
    public static IReadOnlyDictionary<string, string> Macros(IEnumerable<string> flags)
    {
        var r = Repo.Run(Path, [.. flags, "-dM", "-E", "-x", "c", "/dev/null"], timeoutMs: 60_000);
        Assert.True(r.ExitCode == 0, r.ToString());
        var macros = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in DefineLine().Matches(r.StdOut))
            macros[m.Groups[1].Value] = m.Groups[2].Value.Trim();
        return macros;
    }

    [GeneratedRegex(@"^#define (\S+)(.*)$", RegexOptions.Multiline)]
    private static partial Regex DefineLine();
}
