using Veridian.Common;

namespace Veridian.Tests;

/// <summary>Paths in the repository and a way to run processes, for every test project.</summary>
public static class Repo
{
    private static readonly Lazy<string> s_root = new(() =>
        SdkLayout.Checkout ?? throw new InvalidOperationException($"{SdkLayout.SolutionFile} not found above {AppContext.BaseDirectory}"));

    /// <summary>The repository root (the folder holding Veridian.slnx).</summary>
    public static string Root => s_root.Value;

    /// <summary>A path under the repository root.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Runs a program to completion and returns its exit code, stdout and stderr.</summary>
    public static ProcessResult Run(string file, IEnumerable<string> args, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, int timeoutMs = 300_000, string? stdin = null)
    {
        var arguments = args.ToList();
        var run = ProcessRunner.Run(new ProcessRequest(file, arguments)
        {
            WorkingDirectory = workingDirectory ?? Root,
            Environment = environment,
            Stdin = stdin,
            Timeout = TimeSpan.FromMilliseconds(timeoutMs),
        });
        if (run.TimedOut)
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in {timeoutMs} ms");
        return new ProcessResult(run.ExitCode, run.StdOut, run.StdErr, run.Elapsed);
    }
}

/// <summary>The outcome of <see cref="Repo.Run"/>.</summary>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr, TimeSpan Elapsed)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
}
