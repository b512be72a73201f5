namespace Veridian.Tests;

/// <summary>
/// The one way tests find the <c>veridian</c> executable: the solution build's output,
/// <c>artifacts/bin/Veridian.Cli/release/veridian</c> (./test.sh builds the solution before it tests). Tests of a
/// command that do not need a process call the CLI in-process instead (Veridian.Cli.Tests' CliHarness).
/// </summary>
public static class VeridianCli
{
    public static string Exe => Repo.PathOf("artifacts", "bin", "Veridian.Cli", "release", "veridian");

    /// <summary>Runs <c>veridian args…</c> (in the repository root unless <paramref name="workingDirectory"/> is given).</summary>
    public static ProcessResult Run(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null, int timeoutMs = 300_000, string? stdin = null) =>
        Repo.Run(Exe, args, workingDirectory, environment, timeoutMs, stdin);
}
