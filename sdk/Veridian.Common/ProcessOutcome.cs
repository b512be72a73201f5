using System.Text;

namespace Veridian.Common;

/// <summary>What a <see cref="ProcessRunner"/> run gives back. Streams that were inherited are empty here.</summary>
/// <param name="ExitCode">The exit status (after a kill on timeout, the status the kill left, e.g. 137).</param>
/// <param name="StdOutBytes">Everything it wrote to stdout, as bytes (a compiler may write bitcode there).</param>
/// <param name="StdErr">Everything it wrote to stderr, decoded as UTF-8.</param>
/// <param name="TimedOut">True when <see cref="ProcessRequest.Timeout"/> ran out and the process tree was killed; the output is what it wrote until then.</param>
/// <param name="Elapsed">From start to exit.</param>
public sealed record ProcessOutcome(int ExitCode, byte[] StdOutBytes, string StdErr, bool TimedOut, TimeSpan Elapsed)
{
    /// <summary>Stdout decoded as UTF-8.</summary>
    public string StdOut => Encoding.UTF8.GetString(StdOutBytes);
}
