namespace Veridian.Common;

/// <summary>A program to run with <see cref="ProcessRunner"/>: never through a shell, each argument passed as it is.</summary>
/// <param name="FileName">The program: a path, or a name looked up on PATH by the OS.</param>
/// <param name="Arguments">Its arguments.</param>
public sealed record ProcessRequest(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Where it runs; null: our current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables to set (a null value removes one); the rest of our environment is inherited.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>
    /// Its stdin: null shares ours (it may read the terminal); <c>""</c> gives it end-of-file at once; any other
    /// text is written to it, then end-of-file.
    /// </summary>
    public string? Stdin { get; init; }

    /// <summary>Its stdout: captured (the default) or shared with ours.</summary>
    public OutputMode Stdout { get; init; } = OutputMode.Capture;

    /// <summary>Its stderr: captured (the default) or shared with ours.</summary>
    public OutputMode Stderr { get; init; } = OutputMode.Capture;

    /// <summary>Captured stdout is also written here as it arrives, decoded as UTF-8 and flushed per read (a console has no line discipline).</summary>
    public TextWriter? StdoutEcho { get; init; }

    /// <summary>Captured stderr is also written here as it arrives.</summary>
    public TextWriter? StderrEcho { get; init; }

    /// <summary>How long it may run; when it is up the process tree is killed and the outcome says <see cref="ProcessOutcome.TimedOut"/>.</summary>
    public TimeSpan Timeout { get; init; } = System.Threading.Timeout.InfiniteTimeSpan;
}
