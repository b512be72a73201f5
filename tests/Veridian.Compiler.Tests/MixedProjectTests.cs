using Veridian.Build;
using Veridian.Build.Cache;
using Veridian.Build.Graph;
using Veridian.Tests;
using Veridian.Triples;

namespace Veridian.Compiler.Tests;

/// <summary>
/// <c>veridian build</c> compiles a veridian.toml project mixing C and C# (tests/csharp-mixed): C# calls C, C
/// calls an exported C# function; the programs run on the three Linux triples.
/// </summary>
public sealed class MixedProjectTests
{
    [Fact]
    public void Build_engine_compiles_a_project_mixing_C_and_CSharp_for_three_targets()
    {
        var dir = Directory.CreateTempSubdirectory("vdn-cs-mixed-");
        try
        {
            foreach (var f in Directory.GetFiles(Repo.PathOf("tests", "csharp-mixed")))
                File.Copy(f, Path.Combine(dir.FullName, Path.GetFileName(f)));
            var engine = new BuildEngine(cache: new ActionCache(Path.Combine(dir.FullName, "cache"), 1L << 30));
            var result = engine.Build(new BuildRequest(dir.FullName, [], true, "release"));
            Assert.True(result.Succeeded, string.Join("\n", result.Graph.Actions.Select(a => a.Label + ": " + result.Outcome(a).ToolOutput)));
            foreach (var arch in new[] { "x86_64", "aarch64", "riscv64" })
            {
                var exe = Path.Combine(dir.FullName, "out", $"{arch}-linux-gnu", "release", "mixed");
                var run = arch == "x86_64" ? Repo.Run(exe, []) : Repo.Run($"qemu-{arch}", ["-L", $"/usr/{arch}-linux-gnu", exe]);
                Assert.True(run.ExitCode == 0, $"{arch}: exit {run.ExitCode} {run.StdErr}");
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
