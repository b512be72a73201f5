using Veridian.Tests;
using Veridian.Triples;

namespace Veridian.Runner.Tests;

/// <summary>
/// Every tests/c program, compiled by the SDK's pipeline for the three Linux triples at -O0 and -O2, linked against
/// Debian's cross glibc, run under qemu-user (natively on x86_64): its stdout must equal what the file states.
/// </summary>
public class CCorpusTests
{
    public static readonly string[] LinuxTargets = ["x86_64-linux-gnu", "aarch64-linux-gnu", "riscv64-linux-gnu"];
    private static readonly int[] s_levels = [0, 2];

    public static TheoryData<string> Programs() => new(ProgramNames());

    private static IEnumerable<string> ProgramNames() =>
        Directory.EnumerateFiles(Repo.PathOf("tests", "c"), "*.c").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    [Fact]
    public void The_corpus_covers_every_topic_the_issue_names()
    {
        var names = ProgramNames().ToHashSet(StringComparer.Ordinal);
        foreach (var topic in new[] { "varargs.c", "struct_abi.c", "bitfields.c", "floats.c", "int128.c", "atomics.c", "switch.c", "tls.c", "ctors.c", "inline_asm.c" })
            Assert.Contains(topic, names);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_prints_its_stated_output_on_every_linux_target_at_O0_and_O2(string file)
    {
        var program = CorpusCase.Load(Repo.PathOf("tests", "c", file));
        var quarantine = QuarantineEntry.Load(Repo.PathOf("tests", "c", "quarantine.txt"));
        using var temp = new TempDir();
        var cases = from triple in LinuxTargets from level in s_levels select (triple, level);
        var failures = Samples.Failures(cases, c =>
        {
            var quarantined = quarantine.Any(q => q.Covers(file, c.triple, $"O{c.level}"));
            var problem = Check(program, TargetDatabase.Resolve(c.triple), c.level, temp.Path);
            return (problem, quarantined) switch
            {
                (null, false) => null,
                (null, true) => $"{file} {c.triple} -O{c.level} passes: remove it from tests/c/quarantine.txt",
                (_, true) => null,
                (_, false) => problem,
            };
        });
        Assert.True(failures.Count == 0, string.Join("\n---\n", failures));
    }

    /// <summary>Builds and runs one configuration; null when the output is the expected one.</summary>
    internal static string? Check(CorpusCase program, TargetInfo target, int level, string workDir)
    {
        var stem = $"{Path.GetFileNameWithoutExtension(program.Name)}-{target.Canonical}-O{level}";
        EngineBuild.Program(target, Path.GetDirectoryName(program.Path)!, Path.GetFileName(program.Path), level, stem, workDir, libraries: ["m", "pthread"]);
        var result = ArtifactRunner.Run(new RunRequest { Target = target, Artifact = Path.Combine(workDir, stem), Timeout = TimeSpan.FromSeconds(60) });
        if (result.ExitCode == 0 && result.Output == program.ExpectedOutput)
            return null;
        return $"{program.Name} on {target.Canonical} at -O{level}: exit {result.ExitCode}\n--- expected\n{program.ExpectedOutput}--- actual\n{result.Output}--- stderr\n{result.ErrorOutput}";
    }
}
