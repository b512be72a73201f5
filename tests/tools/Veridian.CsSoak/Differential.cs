using System.Collections.Concurrent;
using Veridian.Compiler;

namespace Veridian.CsSoak;

/// <summary>How our build of a program compared with CoreCLR's run in one configuration.</summary>
public enum Verdict { Match, Mismatch, Rejected, BuildFailed }

public sealed record ConfigOutcome(Config Config, Verdict Verdict, RunResult? Actual, string Detail)
{
    public bool Failed => Verdict != Verdict.Match;
}

/// <summary>CoreCLR's run of a program, or why there is none (the program is not valid, or throws: a generator bug).</summary>
public sealed record OracleOutcome(RunResult? Result, string? Problem);

/// <summary>One program against the oracle and against our compiler in each configuration.</summary>
public sealed class Differential(string repoRoot)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public string RepoRoot { get; } = repoRoot;
    public string ShimPath => Path.Combine(RepoRoot, "tests", "csharp", "shim", "Out.cs");
    private readonly Lazy<string> _shim = new(() => File.ReadAllText(Path.Combine(repoRoot, "tests", "csharp", "shim", "Out.cs")));
    private readonly ConcurrentDictionary<string, byte[]> _images = new(StringComparer.Ordinal);

    public IReadOnlyList<(string Path, string Text)> Sources(string program) => [("prog.cs", program), ("Out.cs", _shim.Value)];

    /// <summary>True when the program compiles against the real BCL (the reducer's cheap filter; the image is kept for the run).</summary>
    public bool CompilesUnderCoreClr(string program)
    {
        if (_images.ContainsKey(program))
            return true;
        var (image, _) = Timings.Measure("roslyn+bcl", () => CoreClrOracle.Compile(Sources(program)));
        if (image is null)
            return false;
        if (_images.Count > 64)
            _images.Clear();
        _images[program] = image;
        return true;
    }

    /// <summary>CoreCLR's behaviour. A clean run exits with 0..100 (what generated Mains return) and writes nothing to stderr.</summary>
    public OracleOutcome Oracle(string program, string workDir, TimeSpan timeout)
    {
        if (!_images.TryRemove(program, out var image))
        {
            var (compiled, errors) = Timings.Measure("roslyn+bcl", () => CoreClrOracle.Compile(Sources(program)));
            if (compiled is null)
                return new OracleOutcome(null, "does not compile against the .NET BCL (a generator bug):\n" + errors);
            image = compiled;
        }
        var run = Timings.Measure("coreclr run", () => CoreClrOracle.Run(image, workDir, timeout));
        if (run.TimedOut)
            return new OracleOutcome(run, $"CoreCLR did not finish in {timeout.TotalSeconds:0} s (a generator bug)");
        if (run.ExitCode is < 0 or > 100 || run.StdErr.Length > 0)
            return new OracleOutcome(run, $"CoreCLR exited with {run.ExitCode} (a generator bug: the program throws?)\n{run.StdErr}");
        return new OracleOutcome(run, null);
    }

    /// <summary>Our compiler in each configuration (one translation per triple), compared with <paramref name="expected"/>.</summary>
    public List<ConfigOutcome> Ours(string program, IReadOnlyList<Config> configs, RunResult expected, string workDir, TimeSpan timeout)
    {
        var sources = Sources(program).Select(s => new SourceFile(s.Path, s.Text)).ToList();
        var outcomes = new List<ConfigOutcome>();
        foreach (var triple in configs.Select(c => c.Triple).Distinct())
        {
            var (ir, error) = Timings.Measure("translate", () => VeridianPipeline.Translate(sources, triple));
            foreach (var config in configs.Where(c => c.Triple == triple))
            {
                if (ir is null)
                {
                    outcomes.Add(new ConfigOutcome(config, Verdict.Rejected, null, error));
                    continue;
                }
                var exe = Path.Combine(workDir, "prog-" + config.Dir);
                if (Timings.Measure("codegen+link", () => VeridianPipeline.Build(ir, config, exe)) is { } buildError)
                {
                    outcomes.Add(new ConfigOutcome(config, Verdict.BuildFailed, null, buildError));
                    continue;
                }
                var run = Timings.Measure("run", () => VeridianPipeline.Run(triple, exe, workDir, timeout));
                File.Delete(exe);
                outcomes.Add(run.Observable == expected.Observable
                    ? new ConfigOutcome(config, Verdict.Match, run, "")
                    : new ConfigOutcome(config, Verdict.Mismatch, run, run.StdErr));
            }
        }
        return outcomes;
    }

    /// <summary>
    /// The reducer's test for a failure seen in <paramref name="config"/>: CoreCLR still runs the candidate cleanly and
    /// our compiler still fails in the same way (same verdict; for a rejection, the same diagnostic code).
    /// </summary>
    public bool StillFails(string candidate, Config config, ConfigOutcome original, string workDir, TimeSpan timeout)
    {
        var oracle = Oracle(candidate, workDir, timeout);
        if (oracle.Problem is not null)
            return false;
        var outcome = Ours(candidate, [config], oracle.Result!, workDir, timeout)[0];
        return outcome.Verdict == original.Verdict && (outcome.Verdict != Verdict.Rejected || FirstCode(outcome.Detail) == FirstCode(original.Detail));
    }

    /// <summary>The first diagnostic code (VDN4100, …) in an error text, or the text's first line.</summary>
    public static string FirstCode(string detail)
    {
        var m = System.Text.RegularExpressions.Regex.Match(detail, @"VDN\d{4}");
        return m.Success ? m.Value : detail.Split('\n')[0];
    }
}
