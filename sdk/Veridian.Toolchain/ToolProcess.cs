using System.Diagnostics;
using Veridian.Diagnostics;

namespace Veridian.Toolchain;

/// <summary>Runs a host tool (clang-19, ld.lld-19, llvm-ar-19) with an argument list; never through a shell.</summary>
public static class ToolProcess
{
    /// <summary>The outcome of a run: exit code, stdout bytes, stderr text ("" when inherited).</summary>
    public sealed record Result(int ExitCode, byte[] StdOut, string StdErr);

    /// <summary>Starts <paramref name="tool"/>; the returned task completes when it exits.</summary>
    public static Task<Result> StartAsync(string tool, IReadOnlyList<string> args, string? workingDirectory, bool inheritStderr, bool captureStdout = true)
    {
        var psi = new ProcessStartInfo(tool)
        {
            UseShellExecute = false,
            RedirectStandardOutput = captureStdout,
            RedirectStandardError = !inheritStderr,
            RedirectStandardInput = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException(tool);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw DiagnosticException.Error(CliCodes.HostComponentMissing, $"cannot run '{tool}': {e.Message}",
                hint: "run scripts/bootstrap-host to install the host tools", exitCode: ExitCodes.HostMissing);
        }
        return Collect(process, captureStdout, inheritStderr);
    }

    /// <summary>Runs to completion.</summary>
    public static Result Run(string tool, IReadOnlyList<string> args, string? workingDirectory = null, bool inheritStderr = false, bool captureStdout = true) =>
        StartAsync(tool, args, workingDirectory, inheritStderr, captureStdout).GetAwaiter().GetResult();

    private static async Task<Result> Collect(Process process, bool captureStdout, bool inheritStderr)
    {
        using (process)
        {
            var stdout = new MemoryStream();
            var outTask = captureStdout ? process.StandardOutput.BaseStream.CopyToAsync(stdout) : Task.CompletedTask;
            var errTask = inheritStderr ? Task.FromResult("") : process.StandardError.ReadToEndAsync();
            await Task.WhenAll(outTask, errTask).ConfigureAwait(false);
            await process.WaitForExitAsync().ConfigureAwait(false);
            return new Result(process.ExitCode, stdout.ToArray(), await errTask.ConfigureAwait(false));
        }
    }

    /// <summary>A command line for display (<c>-v</c>, <c>-###</c>): each argument quoted as clang does.</summary>
    public static string Format(IEnumerable<string> command) => string.Join(' ', command.Select(a => "\"" + a.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""));
}
