using Veridian.Common;
using Veridian.Toolchain;
using Veridian.Triples;
using Veridian.Triples.Emit;

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
    /// <summary>Libraries for Linux programs (<c>m</c>, <c>pthread</c>: linked as <c>-l&lt;name&gt;</c>).</summary>
    public IReadOnlyList<string> Libraries { get; init; } = [];
}

/// <summary>
/// Compiling and linking for the runner, the sample builder and the C corpus: the one place that names the
/// compiler — the SDK's own pipeline (<see cref="CompilePipeline"/>: clang-19 front end, in-process LLVM
/// optimisation and codegen; <see cref="Linker"/>: ld.lld-19). Kernel targets link with the target's generated
/// kernel linker script (<see cref="LinkerScriptEmitter"/>); Linux targets against Debian's cross glibc.
/// </summary>
public static class BuildSteps
{
    /// <summary>The user front-end flags for a job (after the target's own): language flags, then the job's extras.</summary>
    public static IReadOnlyList<string> FrontEndArgs(CompileJob job)
    {
        var args = new List<string>();
        if (job.Target.Freestanding && SourceList.IsCxx(job.Source))
            args.AddRange(["-fno-exceptions", "-fno-rtti"]); // no unwinder and no RTTI runtime on bare metal
        args.AddRange(job.ExtraArgs);
        return args;
    }

    /// <summary>Compiles one translation unit to an object file.</summary>
    public static void Compile(CompileJob job)
    {
        CompilePipeline.Compile(new CompileRequest
        {
            Target = job.Target,
            Input = job.Source,
            Output = job.Object,
            Opt = Opt(job.OptLevel),
            FrontEndArgs = FrontEndArgs(job),
            WorkingDirectory = job.WorkingDirectory,
        });
    }

    /// <summary>Links objects: a kernel image at the target's load address, or a Linux program (PIE, dynamic).</summary>
    public static void Link(LinkJob job)
    {
        var target = job.Target;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(Path.Combine(job.WorkingDirectory, job.Output)))!);
        string? script = null;
        if (target.IsKernel)
        {
            script = job.Output + ".ld";
            AtomicFile.Write(Path.Combine(job.WorkingDirectory, script), LinkerScriptEmitter.Emit(target), Durability.None);
        }
        Linker.Link(new LinkRequest
        {
            Target = target,
            Output = job.Output,
            Items = [.. job.Objects.Select(LinkItem.File), .. job.Libraries.Select(LinkItem.Library)],
            LinkerScript = script,
            WorkingDirectory = job.WorkingDirectory,
        });
    }

    private static OptLevel Opt(int level) => level switch
    {
        0 => OptLevel.O0,
        1 => OptLevel.O1,
        2 => OptLevel.O2,
        3 => OptLevel.O3,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "an -O level is 0 to 3"),
    };
}
