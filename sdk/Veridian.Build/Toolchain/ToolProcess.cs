using System.Diagnostics;

namespace Veridian.Build.Toolchain;

/// <summary>Runs a host tool, capturing its output; killed (with its children) when the build is cancelled.</summary>
internal static class ToolProcess
{
    public static StepResult Run(string file, IReadOnlyList<string> args, string workingDirectory, CancellationToken cancel)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        using var reg = cancel.Register(() =>
        {
            try
            {
                p.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
        });
        var stdout = p.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = p.StandardError.ReadToEndAsync(CancellationToken.None);
        p.WaitForExit();
        cancel.ThrowIfCancellationRequested();
        var text = (stdout.Result + stderr.Result).TrimEnd();
        return new StepResult(p.ExitCode == 0, text);
    }

    /// <summary>
    /// A tool's identity for cache keys without starting it: the resolved binary's path, size and mtime
    /// (a package upgrade changes them). Starting three tools for their --version would cost a no-op build ~60 ms.
    /// </summary>
    public static string Identity(string file)
    {
        var info = new FileInfo(file);
        var target = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
        return target.Exists ? $"{target.FullName}:{target.Length}:{target.LastWriteTimeUtc.Ticks}" : $"{file}:missing";
    }
}
