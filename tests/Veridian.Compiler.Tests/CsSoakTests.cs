using System.Security.Cryptography;
using System.Text;
using Veridian.CsSoak;
using Veridian.CsSoak.Generator;
using Veridian.Tests;
using Xunit.Abstractions;

namespace Veridian.Compiler.Tests;

/// <summary>
/// The random-program differential tester (tests/tools/Veridian.CsSoak, docs/cs-soak.md) on a fixed batch of seeds,
/// plus its own contracts: a seed always means the same program, and the reducer shrinks a failure.
/// scripts/cs-soak runs more seeds and keeps reproducers.
/// </summary>
public sealed class CsSoakTests(ITestOutputHelper output)
{
    public static TheoryData<ulong> Seeds() => new(1UL, 2UL, 3UL, 4UL, 5UL, 6UL, 7UL, 8UL);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_program_prints_the_same_under_CoreCLR_and_our_compiler_on_three_targets_at_O0_and_O2(ulong seed)
    {
        var differential = new Differential(Repo.Root);
        var program = ProgramGenerator.Generate(seed);
        var dir = Directory.CreateTempSubdirectory("vdn-cs-soak-");
        try
        {
            var oracle = differential.Oracle(program, dir.FullName, Differential.DefaultTimeout);
            Assert.True(oracle.Problem is null, $"seed {seed}: {oracle.Problem} (scripts/cs-soak 1 {seed})");
            Assert.Contains("end ", oracle.Result!.StdOut, StringComparison.Ordinal);
            var failures = differential.Ours(program, Config.All, oracle.Result, dir.FullName, Differential.DefaultTimeout).Where(o => o.Failed).ToList();
            Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f =>
                $"seed {seed} {f.Config.Triple} {f.Config.LevelFlag}: {f.Verdict}\n--- CoreCLR\n{oracle.Result.Observable}--- ours\n{f.Actual?.Observable}{f.Detail}")) +
                $"\nreproduce and reduce: scripts/cs-soak 1 {seed}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_program_text_and_other_seeds_other_programs()
    {
        var a = ProgramGenerator.Generate(42);
        Assert.Equal(a, ProgramGenerator.Generate(42));
        Assert.NotEqual(a, ProgramGenerator.Generate(43));
        Assert.StartsWith($"// cs-soak program: seed 42, generator v{ProgramGenerator.Version} ", a, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_means_the_same_program_until_the_generator_version_changes()
    {
        // A reported seed must stay reproducible: change this hash only together with ProgramGenerator.Version.
        var text = ProgramGenerator.Generate(1);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        Assert.True(ProgramGenerator.Version == 4 && hash == "AF27CBDF10897AEC",
            $"generator v{ProgramGenerator.Version} gives seed 1 the hash {hash}: if the change was meant, bump ProgramGenerator.Version and record the new hash here");
    }

    [Fact]
    public void SplitMix64_gives_the_reference_sequence()
    {
        // Reference values of SplitMix64 from state 0 (Vigna's splitmix64.c).
        var rng = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, rng.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, rng.Next());
        Assert.Equal(0x06C45D188009454FUL, rng.Next());
    }

    [Fact]
    public void Reducer_shrinks_a_planted_failure_to_the_code_that_shows_it()
    {
        // The planted "miscompile": a program fails while it still hashes 17UL % 5UL. The reducer must keep that
        // statement, keep the program valid C# (it checks against the real BCL), and drop nearly everything else.
        const string plant = "Chk.H(unchecked((ulong)(17UL % 5UL)));";
        var program = ProgramGenerator.Generate(3, GeneratorOptions.Small);
        var at = program.LastIndexOf("Chk.Print(\"end\"u8);", StringComparison.Ordinal);
        program = program[..at] + plant + "\n        " + program[at..];
        var differential = new Differential(Repo.Root);
        Assert.True(differential.CompilesUnderCoreClr(program));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var reducer = new Reducer(candidate => candidate.Contains("17UL % 5UL", StringComparison.Ordinal), differential.CompilesUnderCoreClr, output.WriteLine);
        var reduced = reducer.Reduce(program);
        output.WriteLine($"{reducer.Tests} tests, {reducer.Candidates} candidates in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Contains("17UL % 5UL", reduced, StringComparison.Ordinal);
        Assert.True(differential.CompilesUnderCoreClr(reduced));
        int before = program.Count(c => c == '\n'), after = reduced.Count(c => c == '\n');
        Assert.True(after * 3 < before, $"{before} → {after} lines:\n{reduced}");
        Assert.DoesNotContain(" F0(", reduced, StringComparison.Ordinal);
    }
}
