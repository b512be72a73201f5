using Veridian.Tests;
using Veridian.Triples;

namespace Veridian.Runner.Tests;

/// <summary>
/// Differential random testing: csmith programs (fixed seeds, so the same programs every run) compiled by the SDK's
/// pipeline at -O0 and -O2 for each Linux triple and run under qemu-user must print the checksum host <c>gcc -O0</c>'s
/// build prints. scripts/csmith-soak runs more seeds and keeps reproducers.
/// </summary>
public class CsmithTests
{
    private const string CsmithInclude = "/usr/include/csmith";

    // Seeds whose programs finish in milliseconds natively (checked when chosen); the batch is 6 programs per target and level.
    private static readonly int[] s_seeds = [1, 2, 3, 4, 5, 6];
    private static readonly int[] s_levels = [0, 2];

    [Fact]
    public void Csmith_checksums_from_our_pipeline_equal_host_gcc_O0_on_every_linux_target_at_O0_and_O2()
    {
        using var temp = new TempDir();
        var oracles = new Dictionary<int, string>();
        foreach (var seed in s_seeds)
        {
            var program = temp.Combine($"s{seed}.c");
            var generated = Repo.Run("csmith", ["--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--output", program], workingDirectory: temp.Path);
            Assert.True(generated.ExitCode == 0, generated.ToString());
            var gcc = Repo.Run("gcc", ["-O0", "-w", $"-I{CsmithInclude}", program, "-o", temp.Combine($"s{seed}-gcc")]);
            Assert.True(gcc.ExitCode == 0, gcc.ToString());
            var oracle = Repo.Run(temp.Combine($"s{seed}-gcc"), [], timeoutMs: 20_000);
            Assert.True(oracle.ExitCode == 0 && oracle.StdOut.StartsWith("checksum = ", StringComparison.Ordinal), oracle.ToString());
            oracles[seed] = oracle.StdOut;
        }

        var cases = from seed in s_seeds from triple in CCorpusTests.LinuxTargets from level in s_levels select (seed, triple, level);
        var failures = Samples.Failures(cases, c =>
        {
            var target = TargetDatabase.Resolve(c.triple);
            var stem = $"s{c.seed}-{c.triple}-O{c.level}";
            EngineBuild.Program(target, temp.Path, $"s{c.seed}.c", c.level, stem, temp.Path, flags: ["-w", $"-I{CsmithInclude}"]);
            var result = ArtifactRunner.Run(new RunRequest { Target = target, Artifact = temp.Combine(stem), Timeout = TimeSpan.FromSeconds(60) });
            return result.ExitCode == 0 && result.Output == oracles[c.seed]
                ? null
                : $"csmith seed {c.seed} on {c.triple} -O{c.level}: exit {result.ExitCode}, '{result.Output.Trim()}' but gcc -O0 printed '{oracles[c.seed].Trim()}'" +
                  " (reproduce and reduce: scripts/csmith-soak 1 " + c.seed + ")";
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
