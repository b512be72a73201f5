namespace Veridian.Runner;

/// <summary>The outcome of <see cref="ArtifactRunner.Run"/>.</summary>
/// <param name="ExitCode">The guest's exit status (0 = success), recovered through the target's exit method.</param>
/// <param name="HostStatus">The emulator's (or native program's) own exit status.</param>
/// <param name="Output">Everything the guest wrote to its console (stdout), as received.</param>
/// <param name="ErrorOutput">What the emulator or program wrote to stderr.</param>
/// <param name="CommandLine">The command that ran, program first.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
public sealed record RunResult(int ExitCode, int HostStatus, string Output, string ErrorOutput, IReadOnlyList<string> CommandLine, TimeSpan Elapsed);
