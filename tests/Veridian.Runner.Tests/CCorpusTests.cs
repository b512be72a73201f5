using Veridian.Build;
using Veridian.Build.Sysroot;
using Veridian.Common;
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

/// <summary>
/// The same tests/c programs as VeridianOS programs (issue 16): compiled against relibc-cs for
/// <c>&lt;arch&gt;-veridian-user-relibc</c> at -O0 and -O2 and run in one boot per architecture — the kernel built from
/// kernel/, /init the corpus launcher (tests/c/veridian-init/init.c), which forks and execs each /bin/&lt;program&gt;
/// and frames its output — each program's stdout must equal what the file states, and its status 0. Quarantine lines
/// name the VeridianOS target (tests/c/quarantine.txt).
/// </summary>
public class VeridianCCorpusTests
{
    [Theory]
    [InlineData("x86_64")]
    [InlineData("aarch64")]
    [InlineData("riscv64")]
    public void Every_program_prints_its_stated_output_on_VeridianOS_at_O0_and_O2(string arch)
    {
        var target = TargetDatabase.Resolve($"{arch}-veridian-user-relibc");
        SysrootBuilder.Ensure(target, SdkLayout.DefaultSysroot);
        var quarantine = QuarantineEntry.Load(Repo.PathOf("tests", "c", "quarantine.txt"));
        using var temp = new TempDir();
        var bin = Path.Combine(temp.Path, "tree", "bin");
        Directory.CreateDirectory(bin);
        var programs = new List<(CorpusCase Program, int Level, string Name)>();
        var compileErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Repo.PathOf("tests", "c"), "*.c").Order(StringComparer.Ordinal))
        {
            var program = CorpusCase.Load(file);
            foreach (var level in new[] { 0, 2 })
            {
                var name = $"{Path.GetFileNameWithoutExtension(file)}-O{level}";
                programs.Add((program, level, name));
                try
                {
                    EngineBuild.Program(target, Path.GetDirectoryName(file)!, Path.GetFileName(file), level, Path.Combine(bin, name), temp.Path, libraries: ["m", "pthread"]);
                }
                catch (Veridian.Diagnostics.DiagnosticException e)
                {
                    compileErrors[name] = e.Message;
                }
            }
        }
        var init = EngineBuild.Program(target, Path.GetDirectoryName(CorpusLauncher.SourcePath)!, Path.GetFileName(CorpusLauncher.SourcePath), 2, Path.Combine(temp.Path, "init"), temp.Path);
        var kernel = new BuildEngine().BuildFolder(Repo.PathOf("kernel"), UserProgramRunner.KernelTargetFor(target)).Output;
        var result = UserProgramRunner.Run(new RunRequest
        {
            Target = target,
            Artifact = init,
            ProgramArgs = programs.Select(p => p.Name).Where(n => !compileErrors.ContainsKey(n)).ToList(),
            ImageTrees = [Path.Combine(temp.Path, "tree")],
            Timeout = TimeSpan.FromSeconds(240),
        }, kernel);
        Assert.True(result.ExitCode == 0, $"the launcher exited {result.ExitCode}\n{result.Output}");

        var runs = CorpusLauncher.Runs(result.Output);
        var failures = new List<string>();
        foreach (var (program, level, name) in programs)
        {
            var quarantined = quarantine.Any(q => q.Covers(program.Name, target.Canonical, $"O{level}"));
            var passed = runs.TryGetValue(name, out var run) && run.Status == 0 && run.Output == program.ExpectedOutput;
            if (passed && quarantined)
                failures.Add($"{program.Name} {target.Canonical} -O{level} passes: remove it from tests/c/quarantine.txt");
            else if (!passed && !quarantined)
                failures.Add(compileErrors.TryGetValue(name, out var error) ? $"{name} does not compile for {target.Canonical}: {error}"
                    : run.Output is null ? $"{name}: no output framed by the launcher"
                    : $"{program.Name} on {target.Canonical} at -O{level}: exit {run.Status}\n--- expected\n{program.ExpectedOutput}--- actual\n{run.Output}");
        }
        Assert.True(failures.Count == 0, string.Join("\n---\n", failures));
    }
}
