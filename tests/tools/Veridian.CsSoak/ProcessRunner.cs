using System.Diagnostics;

namespace Veridian.CsSoak;

/// <summary>What a program did: exit code and standard output (null exit code: killed after the timeout).</summary>
public sealed record RunResult(int? ExitCode, string StdOut, string StdErr)
{
    public bool TimedOut => ExitCode is null;

    /// <summary>Exit code and output, as compared and as written to expected.out / actual.out.</summary>
    public string Observable => StdOut + $"[exit {(ExitCode is { } c ? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : "timeout")}]\n";
}

/// <summary>Runs a process with a timeout, capturing both streams.</summary>
public static class ProcessRunner
{
    public static RunResult Run(string file, IEnumerable<string> args, string workDir, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir,
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            p.WaitForExit();
            return new RunResult(null, stdout.Result, stderr.Result);
        }
        p.WaitForExit();
        return new RunResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}
