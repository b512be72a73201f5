using System.Diagnostics;
using System.Globalization;
using Veridian.CsSoak.Generator;

namespace Veridian.CsSoak;

/// <summary>What one soak run does.</summary>
public sealed record SoakOptions
{
    public required int Count { get; init; }
    public required ulong FirstSeed { get; init; }
    public int Workers { get; init; } = 2;
    public IReadOnlyList<Config> Configs { get; init; } = Config.All;
    public required string OutDir { get; init; }
    /// <summary>How many failures to reduce after the run (they are reduced one after the other).</summary>
    public int ReduceLimit { get; init; } = 10;
    public GeneratorOptions Generator { get; init; } = GeneratorOptions.Default;
}

/// <summary>A failure the soak kept.</summary>
public sealed record SoakFailure(ulong Seed, string Dir, ConfigOutcome? Outcome);

/// <summary>
/// The soak: seeds FirstSeed .. FirstSeed+Count-1, each generated, run under CoreCLR and built by us for every
/// configuration, in one process with at most <see cref="SoakOptions.Workers"/> seeds at a time.
/// </summary>
public sealed class Soak(Differential differential, TextWriter log)
{
    private readonly Lock _lock = new();

    public (int Runs, List<SoakFailure> Failures) Run(SoakOptions o)
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<SoakFailure>();
        int runs = 0, done = 0;
        var seeds = Enumerable.Range(0, o.Count).Select(i => o.FirstSeed + (ulong)i);
        Parallel.ForEach(seeds, new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(o.Workers, 1, 2) }, seed =>
        {
            var (n, found) = One(seed, o);
            lock (_lock)
            {
                runs += n;
                done++;
                failures.AddRange(found);
                var status = found.Count == 0 ? $"{n}/{n} match" : string.Join("; ", found.Select(f => $"{(f.Outcome is null ? "GENERATOR" : f.Outcome.Verdict.ToString().ToUpperInvariant())} {f.Outcome?.Config.Triple} {f.Outcome?.Config.LevelFlag} → {Path.GetRelativePath(differential.RepoRoot, f.Dir)}"));
                log.WriteLine($"[{done}/{o.Count} {clock.Elapsed:hh\\:mm\\:ss}] seed {seed}: {status}");
            }
        });
        failures.Sort((a, b) => a.Seed.CompareTo(b.Seed));
        log.WriteLine($"cs-soak: {o.Count} programs, {runs} runs, {failures.Count(f => f.Outcome is not null)} failures ({failures.Count(f => f.Outcome?.Verdict == Verdict.Mismatch)} mismatches, " +
            $"{failures.Count(f => f.Outcome?.Verdict == Verdict.Rejected)} rejections, {failures.Count(f => f.Outcome?.Verdict == Verdict.BuildFailed)} build failures), " +
            $"{failures.Count(f => f.Outcome is null)} generator failures, wall time {clock.Elapsed:hh\\:mm\\:ss}");
        log.WriteLine("time: " + Timings.Summary());
        int reduced = 0;
        foreach (var f in failures.Where(f => f.Outcome is not null).DistinctBy(f => f.Seed))
        {
            if (reduced++ >= o.ReduceLimit)
            {
                log.WriteLine($"not reducing further failures (limit {o.ReduceLimit}); reduce one with: scripts/cs-soak reduce <dir>");
                break;
            }
            ReduceKept(differential, f.Dir, log);
        }
        return (runs, failures);
    }

    private (int Runs, List<SoakFailure> Failures) One(ulong seed, SoakOptions o)
    {
        var work = Directory.CreateTempSubdirectory("cs-soak-");
        try
        {
            var program = ProgramGenerator.Generate(seed, o.Generator);
            var oracle = differential.Oracle(program, work.FullName, Differential.DefaultTimeout);
            if (oracle.Problem is not null)
                return (0, [new SoakFailure(seed, Artifacts.Keep(o.OutDir, seed, program, oracle, null, differential.RepoRoot), null)]);
            var outcomes = differential.Ours(program, o.Configs, oracle.Result!, work.FullName, Differential.DefaultTimeout);
            var failures = outcomes.Where(x => x.Failed)
                .Select(x => new SoakFailure(seed, Artifacts.Keep(o.OutDir, seed, program, oracle, x, differential.RepoRoot), x)).ToList();
            return (outcomes.Count, failures);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Reduces the program of a kept failure in place: reduced.cs (and its outputs) beside prog.cs.</summary>
    public static string? ReduceKept(Differential differential, string dir, TextWriter log, TimeSpan? budget = null)
    {
        var (config, original) = Artifacts.Load(dir);
        var program = File.ReadAllText(Path.Combine(dir, Artifacts.Program));
        var work = Directory.CreateTempSubdirectory("cs-soak-reduce-");
        using var cancel = new CancellationTokenSource(budget ?? TimeSpan.FromMinutes(30));
        try
        {
            var timeout = TimeSpan.FromSeconds(5);
            log.WriteLine($"reducing {Path.GetRelativePath(differential.RepoRoot, dir)} ({original.Verdict} on {config.Triple} {config.LevelFlag}, {program.Count(c => c == '\n')} lines)");
            var reducer = new Reducer(
                candidate => differential.StillFails(candidate, config, original, work.FullName, timeout),
                differential.CompilesUnderCoreClr,
                line => log.WriteLine("  " + line),
                cancel.Token);
            var reduced = reducer.Reduce(program);
            File.WriteAllText(Path.Combine(dir, Artifacts.Reduced), reduced);
            var oracle = differential.Oracle(reduced, work.FullName, timeout);
            if (oracle.Result is { } r)
            {
                File.WriteAllText(Path.Combine(dir, "reduced-expected.out"), r.Observable);
                var ours = differential.Ours(reduced, [config], r, work.FullName, timeout)[0];
                File.WriteAllText(Path.Combine(dir, "reduced-actual.out"), ours.Actual?.Observable ?? ours.Detail + "\n");
            }
            var rel = Path.GetRelativePath(differential.RepoRoot, dir);
            File.AppendAllText(Path.Combine(dir, "README.md"),
                $"\nReduced ({reducer.Tests} tests): `{Artifacts.Reduced}` ({reduced.Count(c => c == '\n')} lines); check it with\n`scripts/cs-soak check {rel}/{Artifacts.Reduced} --target {config.Triple} {config.LevelFlag}`.\n");
            log.WriteLine($"  reduced to {reduced.Count(c => c == '\n')} lines: {rel}/{Artifacts.Reduced}");
            return reduced;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
