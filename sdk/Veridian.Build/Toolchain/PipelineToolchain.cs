using Veridian.Build.Project;
using Veridian.Diagnostics;
using Veridian.Host;
using Veridian.Toolchain;

namespace Veridian.Build.Toolchain;

/// <summary>
/// The SDK's own toolchain, in-process (<see cref="CompilePipeline"/>): clang-19 runs as the front end
/// (a process), then this process parses the bitcode, optimises once and emits the object on the calling
/// thread with its own LLVM context; <see cref="Linker"/> links with ld.lld-19; <see cref="Archiver"/> archives.
/// Each step passes the build's cancellation token down, so cancelling the build kills the running tool processes.
/// </summary>
public sealed class PipelineToolchain : IBuildToolchain
{
    private readonly Lazy<string> _identity = new(() => string.Join(" | ",
        FileIdentity(HostComponents.Get("clang").Path), FileIdentity(HostComponents.Get("lld").Path), FileIdentity(HostComponents.Get("llvm-ar").Path),
        FileIdentity(HostComponents.Get("libLLVM").Path),
        // Our own pass pipeline and codegen settings are part of the tool: the toolchain assembly's identity.
        typeof(CompilePipeline).Assembly.ManifestModule.ModuleVersionId.ToString(),
        // The C# compiler (and the core library embedded in it).
        typeof(Veridian.Compiler.CSharpCompiler).Assembly.ManifestModule.ModuleVersionId.ToString()));

    public string Identity => _identity.Value;

    public IReadOnlyList<string> FrontEndCommand(CompileJob job, string objectPath)
    {
        var request = Request(job, objectPath, []);
        var kind = request.Language!.Value;
        // Sources go through the split pipeline (bitcode to our backend); assembly straight to clang -c.
        return kind.IsSourceLanguage()
            ? CompilePipeline.FrontEndCommand(request, kind)
            : [HostProbe.RequireTool("clang"), .. CompilePipeline.TargetArgs(job.Target.Info, null), .. request.FrontEndArgs, request.Opt.ClangFlag(), "-c", "-x", kind.ClangLanguage(), job.Source, "-o", objectPath];
    }

    public StepResult Compile(CompileJob job, string objectPath, string depfilePath, CancellationToken cancel) =>
        Run(() => CompilePipeline.Compile(Request(job, objectPath, ["-MD", "-MF", depfilePath, "-MT", "obj"]), cancel).ToolOutput);

    public StepResult Codegen(CompileJob job, string objectPath, CancellationToken cancel) =>
        job.Language == Language.CSharp
            // One C# compilation per unit: all its .cs sources (docs/csharp-subset.md).
            ? Run(() =>
            {
                // In-process and not interruptible: cancellation is seen before it starts.
                cancel.ThrowIfCancellationRequested();
                Veridian.Compiler.CSharpCompiler.Compile(new Veridian.Compiler.CSharpCompileRequest
                {
                    Sources = job.Sources.Select(p => new Veridian.Compiler.SourceFile(p, File.ReadAllText(Path.Combine(job.WorkingDirectory, p)))).ToList(),
                    Target = job.Target.Info,
                    Opt = job.OptLevel,
                    Codegen = CodegenOptions.FromFlags(job.Arguments),
                    Output = Path.Combine(job.WorkingDirectory, objectPath),
                });
                return "";
            })
            : Run(() => CompilePipeline.Compile(Request(job, objectPath, []), cancel).ToolOutput);

    public StepResult Archive(LinkJob job, string outputPath, CancellationToken cancel) =>
        Run(() =>
        {
            Archiver.Create(outputPath, job.Inputs, job.WorkingDirectory, cancel);
            return "";
        });

    public StepResult Link(LinkJob job, string outputPath, CancellationToken cancel) =>
        Run(() => Linker.Link(new LinkRequest
        {
            Target = job.Target.Info,
            Output = outputPath,
            Items = [.. job.Inputs.Select(LinkItem.File), .. job.Arguments.Where(a => a != "-static").Select(LinkArgument)],
            Static = job.Arguments.Contains("-static") ? true : null,
            LinkerScript = job.LinkerScript,
            NoStdLib = job.Target.IsKernel,
            WorkingDirectory = job.WorkingDirectory,
        }, cancel).ToolOutput);

    /// <summary>A <c>link-flags</c> entry: <c>-l&lt;name&gt;</c> is a library (the driver places it), anything else an ld.lld flag.</summary>
    private static LinkItem LinkArgument(string flag) =>
        flag.StartsWith("-l", StringComparison.Ordinal) && flag.Length > 2 ? LinkItem.Library(flag[2..]) : LinkItem.Flag(flag);

    private static CompileRequest Request(CompileJob job, string output, IReadOnlyList<string> extra) => new()
    {
        Target = job.Target.Info,
        Input = job.Source,
        Output = output,
        Language = job.Language switch
        {
            Language.C => InputKind.C,
            Language.Cxx => InputKind.Cxx,
            Language.Asm => InputKinds.FromPath(job.Source),
            Language.LlvmIr => InputKinds.FromPath(job.Source),
            Language.CSharp => throw new InvalidOperationException("C# sources are planned by the C# compiler, not compiled as C"),
        },
        Opt = job.OptLevel,
        Codegen = CodegenOptions.FromFlags(job.Arguments),
        // Paths in objects and debug info relative to the project: the same source gives the same bytes anywhere.
        FrontEndArgs = [.. job.Arguments, $"-ffile-prefix-map={job.WorkingDirectory}=.", .. extra],
        WorkingDirectory = job.WorkingDirectory,
    };

    /// <summary>Runs a toolchain call; its diagnostics (clang's or lld's messages) become the step's output.</summary>
    private static StepResult Run(Func<string> step)
    {
        try
        {
            return new StepResult(true, step().TrimEnd());
        }
        catch (DiagnosticException e)
        {
            var text = string.Join('\n', e.Diagnostics.Select(d => d.Hint is { Length: > 0 } hint && hint.Contains(':') ? hint : d.ToString()));
            return new StepResult(false, text.TrimEnd()) { Diagnostics = e.Diagnostics };
        }
    }

    /// <summary>A binary's identity without starting it: resolved path, size, mtime (a package upgrade changes them).</summary>
    private static string FileIdentity(string file)
    {
        var info = new FileInfo(file);
        var target = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
        return target.Exists ? $"{target.FullName}:{target.Length}:{target.LastWriteTimeUtc.Ticks}" : $"{file}:missing";
    }
}
