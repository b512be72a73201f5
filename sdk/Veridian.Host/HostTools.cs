using Veridian.Common;
using Veridian.Diagnostics;

namespace Veridian.Host;

/// <summary>
/// Runs the host's tools (clang-19, ld.lld-19, llvm-ar-19) through <see cref="ProcessRunner"/>, never through a shell.
/// A tool that cannot be started (present but not executable, a broken binary) is VDN1002, exit 2, like one that is missing.
/// </summary>
public static class HostTools
{
    /// <summary>
    /// Starts the tool now and returns a task for its outcome (see <see cref="ProcessRunner.RunAsync"/>); cancelling
    /// <paramref name="cancel"/> kills the tool (and its children) and faults the task with <see cref="OperationCanceledException"/>.
    /// </summary>
    public static Task<ProcessOutcome> StartAsync(ProcessRequest request, CancellationToken cancel = default)
    {
        try
        {
            return ProcessRunner.RunAsync(request, cancel);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw DiagnosticException.Error(CliCodes.HostComponentMissing, $"cannot run '{request.FileName}': {e.Message}",
                hint: "run scripts/bootstrap-host to install the host tools", exitCode: ExitCodes.HostMissing);
        }
    }

    /// <summary>Runs the tool to completion, or kills it when <paramref name="cancel"/> is cancelled (then throws <see cref="OperationCanceledException"/>).</summary>
    public static ProcessOutcome Run(ProcessRequest request, CancellationToken cancel = default) => StartAsync(request, cancel).GetAwaiter().GetResult();

    /// <summary>Runs <paramref name="command"/> (program first) on our terminal: our stdin, stdout and stderr. Returns its exit code.</summary>
    public static int RunAttached(IReadOnlyList<string> command) =>
        Run(new ProcessRequest(command[0], command.Skip(1).ToList()) { Stdout = OutputMode.Inherit, Stderr = OutputMode.Inherit }).ExitCode;

    /// <summary>A command line for display (<c>-v</c>, <c>-###</c>): each argument quoted as clang does.</summary>
    public static string Format(IEnumerable<string> command) => string.Join(' ', command.Select(a => "\"" + a.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""));
}
