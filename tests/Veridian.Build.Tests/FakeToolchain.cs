using System.Collections.Concurrent;
using Veridian.Build.Toolchain;

namespace Veridian.Build.Tests;

/// <summary>
/// A toolchain without clang: each step writes an output derived from its inputs' bytes (so a changed input changes
/// the output), logs what it did, and can be told to fail a source, to take time, or to wait for cancellation.
/// Scheduling, keys, up-to-date checks and the cache are tested with it in milliseconds.
/// </summary>
internal sealed class FakeToolchain : IBuildToolchain
{
    private readonly ConcurrentQueue<string> _log = new();
    private int _running;
    private int _maxRunning;

    /// <summary>Sources whose compile fails with a clang-like message.</summary>
    public HashSet<string> Failing { get; } = new(StringComparer.Ordinal);

    /// <summary>How long each step takes.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Set when a step starts; a step with <see cref="WaitForCancel"/> then blocks until the build is cancelled.</summary>
    public ManualResetEventSlim Started { get; } = new();

    public bool WaitForCancel { get; init; }

    public string Identity { get; init; } = "fake-toolchain 1";

    /// <summary>What ran, in order: <c>compile src/a.c</c>, <c>link out/…/k</c>.</summary>
    public IReadOnlyList<string> Log => [.. _log];

    /// <summary>The most steps that ran at the same time.</summary>
    public int MaxRunning => _maxRunning;

    public IReadOnlyList<string> FrontEndCommand(CompileJob job, string objectPath) => ["fake-cc", "-c", job.Source, "-o", objectPath];

    public StepResult Compile(CompileJob job, string objectPath, string depfilePath, CancellationToken cancel) => Step($"compile {job.Source}", cancel, () =>
    {
        if (Failing.Contains(job.Source))
            return new StepResult(false, $"{job.Source}:1:1: error: planted failure");
        File.WriteAllText(Path.Combine(job.WorkingDirectory, depfilePath), $"obj: {job.Source}\n");
        Write(job.WorkingDirectory, objectPath, "object of " + string.Join(',', job.Arguments), job.Sources);
        return new StepResult(true, "");
    });

    public StepResult Codegen(CompileJob job, string objectPath, CancellationToken cancel) => Step($"codegen {string.Join(' ', job.Sources)}", cancel, () =>
    {
        Write(job.WorkingDirectory, objectPath, "codegen", job.Sources);
        return new StepResult(true, "");
    });

    public StepResult Archive(LinkJob job, string outputPath, CancellationToken cancel) => Step($"archive {outputPath}", cancel, () =>
    {
        Write(job.WorkingDirectory, outputPath, "archive", job.Inputs);
        return new StepResult(true, "");
    });

    public StepResult Link(LinkJob job, string outputPath, CancellationToken cancel) => Step($"link {string.Join(' ', job.Inputs)}", cancel, () =>
    {
        Write(job.WorkingDirectory, outputPath, "image " + string.Join(',', job.Arguments), job.Inputs);
        return new StepResult(true, "");
    });

    private StepResult Step(string what, CancellationToken cancel, Func<StepResult> body)
    {
        var now = Interlocked.Increment(ref _running);
        int seen;
        while ((seen = _maxRunning) < now && Interlocked.CompareExchange(ref _maxRunning, now, seen) != seen)
        {
        }
        try
        {
            _log.Enqueue(what);
            Started.Set();
            if (WaitForCancel)
                cancel.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            cancel.ThrowIfCancellationRequested();
            if (Delay > TimeSpan.Zero)
                Thread.Sleep(Delay);
            return body();
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static void Write(string dir, string output, string header, IEnumerable<string> inputs)
    {
        var text = header + "\n" + string.Concat(inputs.Select(i => $"--- {i}\n{File.ReadAllText(Path.Combine(dir, i))}\n"));
        File.WriteAllText(Path.Combine(dir, output), text);
    }
}
