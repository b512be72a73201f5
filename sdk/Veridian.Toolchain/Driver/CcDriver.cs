using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Host;
using Veridian.Llvm;
using Veridian.Triples;

namespace Veridian.Toolchain.Driver;

/// <summary>
/// <c>veridian cc</c> / <c>veridian c++</c>: a gcc/clang-compatible driver for make, CMake, autotools and ninja.
/// Compiles each source through <see cref="CompilePipeline"/> and links through <see cref="Linker"/>; preprocessing
/// and informational queries go to clang-19 with the target's flags. Errors are <see cref="DiagnosticException"/>s.
/// </summary>
public static class CcDriver
{
    /// <summary>Runs one driver invocation; returns the exit code. <paramref name="err"/> receives -v/-### output.</summary>
    /// <remarks>
    /// <paramref name="prepareSysroot"/> is called with the target and the default sysroot before anything reads the
    /// sysroot, when no <c>--sysroot</c> was given and the target's C library comes from the SDK's sysroot (the CLI
    /// builds relibc-cs into it on demand).
    /// </remarks>
    public static int Run(IReadOnlyList<string> rawArgs, bool cxx, TextWriter output, TextWriter err, string? defaultTarget = null,
        Action<TargetInfo, string>? prepareSysroot = null)
    {
        var args = CcArguments.Parse(ResponseFiles.Expand(rawArgs), cxx, defaultTarget);
        var target = args.Target!;
        if (args.Output is { } o && o != "-" && Directory.Exists(o))
        {
            // Found before any work: the output is written by a rename onto that path, which a folder refuses.
            throw DiagnosticException.Error(ToolchainCodes.BadDriverArgument, $"the output '-o {o}' is a folder",
                hint: $"name a file: -o {Path.Combine(o, "a.out")}");
        }
        if (prepareSysroot is not null && args.Sysroot is null && target.Sysroot == SysrootKind.Veridian && args.Mode != CcMode.Query && !(args.NoStdLib && args.Mode == CcMode.Link))
            prepareSysroot(target, SdkLayout.DefaultSysroot);
        var name = cxx ? "c++" : "cc";
        if (args.Verbose || args.DryRun)
        {
            err.WriteLine($"Veridian SDK {name} {typeof(CcDriver).Assembly.GetName().Version?.ToString(3)} (clang-19 front end; optimisation and codegen by libLLVM {LlvmLibrary.TryGetVersion() ?? "19"} in process)");
            err.WriteLine($"Target: {target.Canonical} (LLVM {target.LlvmTriple}, cpu {target.Cpu}, features {Show(target.Features)}, abi {Show(target.LlvmAbi)}, code model {args.Codegen.CodeModel ?? target.CodeModel}, relocation {args.Codegen.RelocationModel ?? target.RelocationModel})");
        }
        switch (args.Mode)
        {
            case CcMode.Query:
                return Query(args, output, err);
            case CcMode.Preprocess:
                return PassThrough(args, err);
            case CcMode.Compile:
            case CcMode.Assemble:
                return CompileOnly(args, err);
            case CcMode.Link:
                return CompileAndLink(args, err);
        }
        return ExitCodes.Internal;
    }

    private static string Show(string s) => s.Length == 0 ? "(none)" : s;

    private static int Query(CcArguments args, TextWriter output, TextWriter err)
    {
        var target = args.Target!;
        if (args.Queries.Contains("-dumpmachine"))
        {
            output.WriteLine(target.Canonical);
            return 0;
        }
        if (args.Queries.Contains("--version"))
        {
            output.WriteLine($"veridian {(args.Cxx ? "c++" : "cc")} (Veridian SDK {typeof(CcDriver).Assembly.GetName().Version?.ToString(3)}) based on clang 19");
            output.WriteLine($"Target: {target.Canonical}");
            output.Flush();
        }
        return PassThrough(args, err, query: true);
    }

    /// <summary>-E, -M, -print-*: clang-19 with the target's flags and the user's arguments.</summary>
    private static int PassThrough(CcArguments args, TextWriter err, bool query = false)
    {
        var command = new List<string> { HostProbe.RequireTool("clang") };
        if (args.Cxx)
            command.Add("--driver-mode=g++");
        // A query needs only the target and CPU (the full flag set would draw unused-argument warnings).
        command.AddRange(query ? [$"--target={args.Target!.LlvmTriple}", .. args.Target.ClangCpuArgs] : CompilePipeline.TargetArgs(args.Target!, args.Sysroot));
        command.AddRange(args.PassThrough);
        if (args.Verbose || args.DryRun)
            err.WriteLine(" " + HostTools.Format(command));
        if (args.DryRun)
            return 0;
        return HostTools.RunAttached(command);
    }

    private static int CompileOnly(CcArguments args, TextWriter err)
    {
        var sources = args.Inputs.Where(i => i.Link is null).ToList();
        if (sources.Count == 0)
            throw DiagnosticException.Error(ToolchainCodes.NoInputs, "no input files");
        if (args.Output is not null && sources.Count > 1)
            throw DiagnosticException.Error(ToolchainCodes.BadDriverArgument, "cannot specify '-o' when generating multiple output files");
        var kind = OutputKindOf(args);
        foreach (var source in sources)
        {
            var output = args.Output ?? DefaultOutput(source.Path, kind, args.Lto);
            Compile(args, source, output, kind, err);
        }
        return 0;
    }

    private static int CompileAndLink(CcArguments args, TextWriter err)
    {
        // `cc -Wl,--version` with nothing to link asks which linker it is, as clang answers it (Meson's linker detection).
        if (!args.Inputs.Any(i => i.Link is null || i.Link.Value.Kind == LinkItemKind.File) &&
            args.Inputs.Any(i => i.Link is { Kind: LinkItemKind.Flag, LldArg: "--version" or "-v" }))
            return HostTools.RunAttached([HostProbe.RequireTool("lld"), "--version"]);
        if (!args.Inputs.Any(i => i.Link is null || i.Link.Value.Kind == LinkItemKind.File))
            throw DiagnosticException.Error(ToolchainCodes.NoInputs, "no input files");
        var temp = Directory.CreateTempSubdirectory("veridian-cc-");
        try
        {
            var items = new List<LinkItem>();
            var n = 0;
            foreach (var input in args.Inputs)
            {
                if (input.Link is { } link)
                {
                    items.Add(link);
                    continue;
                }
                var obj = Path.Combine(temp.FullName, $"{n++}-{Path.GetFileNameWithoutExtension(input.Path)}.o");
                Compile(args, input, obj, OutputKind.Object, err);
                items.Add(LinkItem.File(obj));
            }
            var request = new LinkRequest
            {
                Target = args.Target!,
                Output = args.Output ?? "a.out",
                Items = items,
                LtoOpt = args.OptGiven ? args.Opt : OptLevel.O2,
                Codegen = args.Codegen,
                Static = args.Static,
                Cxx = args.Cxx,
                Shared = args.Shared,
                NoStdLib = args.NoStdLib,
                NoStartFiles = args.NoStartFiles,
                NoDefaultLibs = args.NoDefaultLibs,
                LinkerScript = args.LinkerScript,
                Entry = args.Entry,
                Sysroot = args.Sysroot,
                InheritStderr = true,
            };
            if (args.Verbose || args.DryRun)
            {
                var cmd = args.Target!.LinkerFlavor switch
                {
                    LinkerFlavor.Lld => Linker.LldCommand(request, items, Path.GetFullPath(request.Output), "<kernel linker script>"),
                    LinkerFlavor.ClangDriver => Linker.ClangLinkCommand(request, items, Path.GetFullPath(request.Output)),
                };
                if (items.Any(i => i.Kind == LinkItemKind.File && i.Value.EndsWith(".bc", StringComparison.Ordinal)) || args.Lto)
                    err.WriteLine($" (in-process) link bitcode inputs, {Codegen.Pipeline(PipelinePhase.Lto, request.LtoOpt)}, one codegen");
                err.WriteLine(" " + HostTools.Format(cmd));
            }
            if (args.DryRun)
                return 0;
            Linker.Link(request);
            return 0;
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private static void Compile(CcArguments args, CcInput source, string output, OutputKind kind, TextWriter err)
    {
        if (output == "-")
        {
            // -o -: write the output to stdout (e.g. `cc -S -o - x.c`), through a temporary file.
            var temp = Directory.CreateTempSubdirectory("veridian-cc-");
            try
            {
                var file = Path.Combine(temp.FullName, "out");
                Compile(args, source, file, kind, err);
                if (!args.DryRun)
                {
                    using var stdout = Console.OpenStandardOutput();
                    using var f = File.OpenRead(file);
                    f.CopyTo(stdout);
                }
            }
            finally
            {
                temp.Delete(recursive: true);
            }
            return;
        }
        var request = new CompileRequest
        {
            Target = args.Target!,
            Input = source.Path,
            Output = output,
            Language = source.Kind,
            Kind = kind,
            Opt = args.Opt,
            FrontEndArgs = args.FrontEnd,
            Lto = args.Lto,
            Codegen = args.Codegen,
            Sysroot = args.Sysroot,
            InheritStderr = true,
        };
        if (args.Verbose || args.DryRun)
        {
            if (source.Kind.IsSourceLanguage())
            {
                err.WriteLine(" " + HostTools.Format(CompilePipeline.FrontEndCommand(request, source.Kind)));
                var phase = args.Lto ? PipelinePhase.LtoPreLink : PipelinePhase.Default;
                err.WriteLine($" (in-process) parse bitcode, verify, {Codegen.Pipeline(phase, args.Opt)}, emit {(args.Lto ? "bitcode" : kind.ToString().ToLowerInvariant())} -> {output}");
            }
            else
            {
                err.WriteLine($" (compile) {source.Path} -> {output}");
            }
            err.Flush();
        }
        if (args.DryRun)
            return;
        var result = CompilePipeline.Compile(request);
        if (args.Verbose)
            err.WriteLine($" (timing) {source.Path}: front end {result.FrontEnd.TotalMilliseconds:F0} ms, in-process back end {result.Backend.TotalMilliseconds:F0} ms, {(DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds:F0} ms since the process started");
    }

    private static OutputKind OutputKindOf(CcArguments args) => (args.Mode, args.EmitLlvm) switch
    {
        (CcMode.Assemble, true) => OutputKind.LlvmIr,
        (CcMode.Assemble, false) => OutputKind.Assembly,
        (_, true) => OutputKind.Bitcode,
        _ => OutputKind.Object,
    };

    /// <summary>clang's default output name: the input's base name in the current directory with the kind's extension.</summary>
    public static string DefaultOutput(string input, OutputKind kind, bool lto) => Path.GetFileNameWithoutExtension(input) + kind switch
    {
        OutputKind.Object => ".o",
        OutputKind.Assembly => ".s",
        OutputKind.LlvmIr => ".ll",
        OutputKind.Bitcode => ".bc",
    };
}
