using System.Diagnostics;
using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Runner;

/// <summary>One translation unit to compile: paths may be relative to <see cref="WorkingDirectory"/> (keeps outputs free of absolute paths).</summary>
public sealed record CompileJob(TargetInfo Target, string Source, string Object, int OptLevel, string WorkingDirectory)
{
    /// <summary>Flags after the target's own (e.g. <c>-I</c>, <c>-std=</c>).</summary>
    public IReadOnlyList<string> ExtraArgs { get; init; } = [];
}

/// <summary>Objects to link into one image or program.</summary>
public sealed record LinkJob(TargetInfo Target, IReadOnlyList<string> Objects, string Output, string WorkingDirectory)
{
    /// <summary>Libraries for Linux programs (<c>-lm</c>, <c>-lpthread</c>).</summary>
    public IReadOnlyList<string> Libraries { get; init; } = [];
}

/// <summary>
/// Compiling and linking for the runner, the sample builder and the C corpus: the one place that names the
/// compiler. Kernel targets link with ld.lld-19 and the target's generated kernel linker script
/// (<see cref="LinkerScriptEmitter"/>); Linux targets link through the clang driver against Debian's cross glibc.
/// </summary>
public static class BuildSteps
{
    /// <summary>The front-end flags for a job: the target's facts, the optimisation level, language flags.</summary>
    public static IReadOnlyList<string> CompileArgs(CompileJob job)
    {
        var args = new List<string>(job.Target.ClangArgs) { $"-O{job.OptLevel}" };
        if (job.Target.Freestanding && SourceList.IsCxx(job.Source))
            args.AddRange(["-fno-exceptions", "-fno-rtti"]); // no unwinder and no RTTI runtime on bare metal
        args.AddRange(job.ExtraArgs);
        args.AddRange(["-c", job.Source, "-o", job.Object]);
        return args;
    }

    /// <summary>Compiles one translation unit to an object file.</summary>
    public static void Compile(CompileJob job)
    {
        var clang = SourceList.IsCxx(job.Source) ? "clang++-19" : "clang-19";
        Tool(clang, CompileArgs(job), job.WorkingDirectory, $"compiling {job.Source} for {job.Target.Canonical}");
    }

    /// <summary>Links objects: a kernel image at the target's load address, or a Linux program (PIE, dynamic).</summary>
    public static void Link(LinkJob job)
    {
        var target = job.Target;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(Path.Combine(job.WorkingDirectory, job.Output)))!);
        if (target.IsKernel)
        {
            var script = job.Output + ".ld";
            WriteAtomically(Path.Combine(job.WorkingDirectory, script), LinkerScriptEmitter.Emit(target));
            Tool("ld.lld-19", ["-static", "-nostdlib", "--build-id=sha1", "-z", $"max-page-size={target.PageSize}", "-T", script,
                .. job.Objects, "-o", job.Output], job.WorkingDirectory, $"linking {job.Output} for {target.Canonical}");
        }
        else
        {
            Tool("clang-19", [$"--target={target.LlvmTriple}", "-fuse-ld=lld", "-Wl,--build-id=sha1", .. job.Objects, "-o", job.Output,
                .. job.Libraries], job.WorkingDirectory, $"linking {job.Output} for {target.Canonical}");
        }
    }

    /// <summary>Writes a file through a temporary beside it, so a reader never sees half of it.</summary>
    internal static void WriteAtomically(string path, string text)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }

    private static void Tool(string program, IReadOnlyList<string> args, string workingDirectory, string what)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException(program);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw DiagnosticException.Error(RunnerCodes.BuildFailed, $"{program} is not installed ({what})",
                hint: "run scripts/bootstrap-host", exitCode: ExitCodes.HostMissing);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw DiagnosticException.Error(RunnerCodes.BuildFailed, $"{what} failed:\n{(stderr.Result + stdout.Result).TrimEnd()}",
                    hint: $"the command was: {program} {string.Join(' ', args)}");
            }
        }
    }
}
