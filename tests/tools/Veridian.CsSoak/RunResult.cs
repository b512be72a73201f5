using Veridian.Common;

namespace Veridian.CsSoak;

/// <summary>What a program did: exit code and standard output (null exit code: killed after the timeout).</summary>
public sealed record RunResult(int? ExitCode, string StdOut, string StdErr)
{
    public bool TimedOut => ExitCode is null;

    /// <summary>Exit code and output, as compared and as written to expected.out / actual.out.</summary>
    public string Observable => StdOut + $"[exit {(ExitCode is { } c ? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : "timeout")}]\n";

    /// <summary>Runs <paramref name="file"/> with <see cref="ProcessRunner"/>, both streams captured; killed after <paramref name="timeout"/>.</summary>
    public static RunResult Of(string file, IEnumerable<string> args, string workDir, TimeSpan timeout)
    {
        var run = ProcessRunner.Run(new ProcessRequest(file, args.ToList()) { WorkingDirectory = workDir, Timeout = timeout });
        return new RunResult(run.TimedOut ? null : run.ExitCode, run.StdOut, run.StdErr);
    }
}
