using System.Diagnostics;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Host;
using Veridian.Llvm;
using Veridian.Triples;

namespace Veridian.Toolchain;

/// <summary>
/// Compiles one translation unit: clang-19 as the front end (<c>-O&lt;n&gt; -Xclang -disable-llvm-passes -emit-llvm</c>
/// plus the target's flags), then in-process: parse bitcode, verify, target machine from <see cref="TargetInfo"/>,
/// <c>default&lt;On&gt;</c> once, emit. Assembly inputs go to clang's integrated assembler. Thread-safe: each call
/// uses its own LLVM context.
/// </summary>
public static class CompilePipeline
{
    /// <summary>
    /// Compiles <paramref name="request"/>; bad input gives a <see cref="DiagnosticException"/> (VDN3xxx), never an abort.
    /// Cancelling <paramref name="cancel"/> kills a running clang-19 and throws <see cref="OperationCanceledException"/>
    /// (also between the in-process stages); the output is then not written.
    /// </summary>
    public static CompileResult Compile(CompileRequest request, CancellationToken cancel = default)
    {
        var kind = request.Language ?? InputKinds.FromPath(request.Input);
        var workingDirectory = request.WorkingDirectory ?? Directory.GetCurrentDirectory();
        var output = Path.GetFullPath(request.Output, workingDirectory);
        var sw = Stopwatch.StartNew();
        switch (kind)
        {
            case InputKind.C:
            case InputKind.Cxx:
            case InputKind.CPreprocessed:
            case InputKind.CxxPreprocessed:
            {
                var command = FrontEndCommand(request, kind);
                var clang = HostTools.StartAsync(new ProcessRequest(command[0], command.Skip(1).ToList())
                {
                    WorkingDirectory = workingDirectory,
                    Stderr = request.InheritStderr ? OutputMode.Inherit : OutputMode.Capture,
                }, cancel);
                // Load libLLVM and build the target machine while clang runs.
                using var context = new LlvmContext();
                using var tm = TargetMachines.Create(request.Target, request.Opt, request.Codegen);
                var fe = clang.GetAwaiter().GetResult();
                var frontEnd = sw.Elapsed;
                if (fe.ExitCode != 0)
                    throw FrontEndFailure(request.Input, fe);
                using var buffer = LlvmMemoryBuffer.FromBytes(fe.StdOutBytes, request.Input);
                using var module = context.ParseBitcode(buffer, request.Input);
                cancel.ThrowIfCancellationRequested();
                Backend(module, tm, request, output);
                return new CompileResult(output, [command], fe.StdErr, frontEnd, sw.Elapsed - frontEnd);
            }
            case InputKind.LlvmIr:
            case InputKind.Bitcode:
            {
                using var context = new LlvmContext();
                using var tm = TargetMachines.Create(request.Target, request.Opt, request.Codegen);
                using var module = context.ParseFile(Path.GetFullPath(request.Input, workingDirectory));
                cancel.ThrowIfCancellationRequested();
                Backend(module, tm, request, output);
                return new CompileResult(output, [], "", TimeSpan.Zero, sw.Elapsed);
            }
            case InputKind.Assembler:
            case InputKind.AssemblerWithCpp:
            case InputKind.CHeader:
            case InputKind.CxxHeader:
            {
                if (request.Kind != OutputKind.Object && kind is InputKind.Assembler or InputKind.AssemblerWithCpp)
                    throw DiagnosticException.Error(ToolchainCodes.BadDriverArgument, $"{request.Input}: an assembly input can only be assembled (-c)");
                var command = DirectCommand(request, kind, output);
                var result = AtomicRun(command, output, workingDirectory, request.InheritStderr, cancel);
                if (result.ExitCode != 0)
                    throw FrontEndFailure(request.Input, result);
                return new CompileResult(output, [command], result.StdErr, sw.Elapsed, TimeSpan.Zero);
            }
            case InputKind.Linker:
                throw DiagnosticException.Error(ToolchainCodes.UnknownInputKind, $"{request.Input}: not a source file (a linker input cannot be compiled)",
                    hint: "name the language with -x (c, c++, assembler, assembler-with-cpp, ir)");
        }
        throw new UnreachableException();
    }

    /// <summary>The clang front-end command for a source input: target flags, the user's flags, the split flags, bitcode to stdout.</summary>
    public static IReadOnlyList<string> FrontEndCommand(CompileRequest request, InputKind kind)
    {
        var args = new List<string> { HostProbe.RequireTool("clang") };
        args.AddRange(TargetArgs(request.Target, request.Sysroot));
        args.AddRange(FrontEndUserArgs(request));
        args.Add(request.Opt.ClangFlag());
        args.AddRange(["-Xclang", "-disable-llvm-passes", "-emit-llvm", "-c", "-x", kind.ClangLanguage(), request.Input, "-o", "-"]);
        return args;
    }

    /// <summary>The target's front-end flags (<see cref="TargetInfo.ClangArgs"/>) and, for Veridian user targets, the sysroot flags.</summary>
    public static IReadOnlyList<string> TargetArgs(TargetInfo target, string? sysroot) =>
        [.. target.ClangArgs, .. target.SysrootArgs(sysroot ?? SdkLayout.DefaultSysroot)];

    private static IReadOnlyList<string> DirectCommand(CompileRequest request, InputKind kind, string output)
    {
        var args = new List<string> { HostProbe.RequireTool("clang") };
        args.AddRange(TargetArgs(request.Target, request.Sysroot));
        args.AddRange(FrontEndUserArgs(request));
        args.Add(request.Opt.ClangFlag());
        args.AddRange(["-c", "-x", kind.ClangLanguage(), request.Input, "-o", output]);
        return args;
    }

    /// <summary>
    /// The user's flags, with dependency-file flags fixed up: clang writes to a pipe, so the rule's target
    /// (<c>-MT</c>) and the file name (<c>-MF</c>) are made explicit from the real output, as clang would derive them.
    /// </summary>
    private static IReadOnlyList<string> FrontEndUserArgs(CompileRequest request)
    {
        var args = request.FrontEndArgs;
        bool depfile = args.Any(a => a is "-MD" or "-MMD");
        if (!depfile)
            return args;
        var result = new List<string>(args);
        if (!args.Any(a => a is "-MF" || a.StartsWith("-MF", StringComparison.Ordinal)))
            result.AddRange(["-MF", Path.ChangeExtension(request.Output, ".d")]);
        if (!args.Any(a => a is "-MT" or "-MQ" || a.StartsWith("-MT", StringComparison.Ordinal) || a.StartsWith("-MQ", StringComparison.Ordinal)))
            result.AddRange(["-MT", request.Output]);
        return result;
    }

    private static void Backend(LlvmModule module, LlvmTargetMachine tm, CompileRequest request, string output)
    {
        // -flto: the output is bitcode optimised with the pre-link pipeline; otherwise the whole pipeline once.
        var phase = request.Lto ? PipelinePhase.LtoPreLink : PipelinePhase.Default;
        var kind = request.Lto && request.Kind == OutputKind.Object ? OutputKind.Bitcode
            : request.Lto && request.Kind == OutputKind.Assembly ? OutputKind.LlvmIr
            : request.Kind;
        Codegen.Prepare(module, tm, request.Opt, request.Codegen, phase, request.Input);
        if (kind is OutputKind.Object or OutputKind.Assembly)
            InitArrays.Lower(module);
        switch (kind)
        {
            case OutputKind.Object:
                tm.EmitToFile(module, output, Llvm.Interop.LLVMCodeGenFileType.LLVMObjectFile);
                break;
            case OutputKind.Assembly:
                tm.EmitToFile(module, output, Llvm.Interop.LLVMCodeGenFileType.LLVMAssemblyFile);
                break;
            case OutputKind.LlvmIr:
                module.WriteIr(output);
                break;
            case OutputKind.Bitcode:
                module.WriteBitcode(output);
                break;
        }
    }

    /// <summary>
    /// Runs a tool that writes <paramref name="output"/> itself, pointing it at a temp file renamed on success;
    /// cancelling <paramref name="cancel"/> kills it, removes the temp file and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    internal static ProcessOutcome AtomicRun(IReadOnlyList<string> command, string output, string workingDirectory, bool inheritStderr, CancellationToken cancel = default)
    {
        ProcessOutcome? result = null;
        try
        {
            AtomicFile.Write(output, tmp =>
            {
                var args = command.Skip(1).Select(a => a == output ? tmp : a).ToList();
                result = HostTools.Run(new ProcessRequest(command[0], args)
                {
                    WorkingDirectory = workingDirectory,
                    Stdout = OutputMode.Inherit,
                    Stderr = inheritStderr ? OutputMode.Inherit : OutputMode.Capture,
                }, cancel);
                if (result.ExitCode != 0)
                    throw new ToolFailed();
            }, Durability.None);
        }
        catch (ToolFailed)
        {
        }
        return result!;
    }

    private sealed class ToolFailed : Exception;

    private static DiagnosticException FrontEndFailure(string input, ProcessOutcome result)
    {
        var first = result.StdErr.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal))?.Trim();
        var message = $"clang-19 failed on {input} (exit {result.ExitCode})" + (first is null ? "" : $": {first}");
        return new DiagnosticException(Diagnostic.Error(ToolchainCodes.FrontEndFailed, message,
            hint: result.StdErr.Length > 0 ? result.StdErr.TrimEnd() : "clang's messages are above"));
    }
}
