namespace Veridian.Build.Toolchain;

/// <summary>
/// The toolchain as host processes: clang-19 for compile and codegen, llvm-ar-19, ld.lld-19.
/// </summary>
public sealed class HostClangToolchain : IBuildToolchain
{
    private const string Clang = "/usr/bin/clang-19";
    private const string Lld = "/usr/bin/ld.lld-19";
    private const string Ar = "/usr/bin/llvm-ar-19";
    private readonly Lazy<string> _identity = new(() => string.Join(" | ", ToolProcess.Identity(Clang), ToolProcess.Identity(Lld), ToolProcess.Identity(Ar)));

    public string Identity => _identity.Value;

    public IReadOnlyList<string> FrontEndCommand(CompileJob job, string objectPath) =>
        [Clang, .. job.Arguments, $"-ffile-prefix-map={job.WorkingDirectory}=.", "-c", job.Source, "-o", objectPath];

    public StepResult Compile(CompileJob job, string objectPath, string depfilePath, CancellationToken cancel)
    {
        var command = FrontEndCommand(job, objectPath);
        return ToolProcess.Run(command[0], [.. command.Skip(1), "-MD", "-MF", depfilePath, "-MT", "obj"], job.WorkingDirectory, cancel);
    }

    public StepResult Codegen(CompileJob job, string objectPath, CancellationToken cancel) =>
        ToolProcess.Run(Clang, [.. job.Arguments, "-Wno-override-module", "-c", job.Source, "-o", objectPath], job.WorkingDirectory, cancel);

    public StepResult Archive(LinkJob job, string outputPath, CancellationToken cancel) =>
        ToolProcess.Run(Ar, [.. job.Arguments, outputPath, .. job.Inputs], job.WorkingDirectory, cancel);

    public StepResult Link(LinkJob job, string outputPath, CancellationToken cancel)
    {
        var args = new List<string>(job.Arguments);
        if (job.LinkerScript is { } script)
            args.AddRange(["-T", script]);
        args.AddRange(["-o", outputPath]);
        args.AddRange(job.Inputs);
        return ToolProcess.Run(Lld, args, job.WorkingDirectory, cancel);
    }
}
