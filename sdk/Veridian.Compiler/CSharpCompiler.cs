using Veridian.Diagnostics;
using Veridian.Llvm;
using Veridian.Toolchain;
using Veridian.Triples;
using Veridian.Compiler.Translate;

namespace Veridian.Compiler;

/// <summary>What to compile: C# sources for one target at one level, into one object (and optionally the IR).</summary>
public sealed record CSharpCompileRequest
{
    public required IReadOnlyList<SourceFile> Sources { get; init; }
    public required TargetInfo Target { get; init; }
    public OptLevel Opt { get; init; } = OptLevel.O2;
    /// <summary>Code generation choices on top of the target's (function and data sections, vectorisation).</summary>
    public CodegenOptions Codegen { get; init; } = CodegenOptions.Default;
    /// <summary>The object file to write (temp file + rename).</summary>
    public required string Output { get; init; }
    /// <summary>What to write: an object, or LLVM IR (.ll) after optimisation, or the IR as translated (before passes).</summary>
    public OutputKind Kind { get; init; } = OutputKind.Object;
}

/// <summary>
/// C# to native: Roslyn (in-process) against the core library → subset check → IL → LLVM IR → the same
/// optimisation pipeline and code generator as C (<see cref="Codegen.Emit"/>) → one object per target.
/// </summary>
public static class CSharpCompiler
{
    /// <summary>
    /// What a linked C# program needs besides its objects and the C library. On Linux (glibc): libm, because LLVM
    /// lowers <c>%</c> on float/double to <c>fmod</c>/<c>fmodf</c> and <c>Math.Floor</c>/<c>Ceiling</c> to <c>floor</c>/<c>ceil</c>
    /// calls where the CPU has no instruction for them (x86_64 before SSE4.1), and glibc keeps those in libm.
    /// Freestanding targets get nothing: the platform (kernel) supplies them when a program needs them.
    /// </summary>
    public static IReadOnlyList<LinkItem> RuntimeLibraries(TargetInfo target) => target.Os switch
    {
        Os.Linux => [LinkItem.Library("m")],
        Os.Veridian => [],
    };

    /// <summary>Compiles; throws <see cref="DiagnosticException"/> (VDN4xxx, or VDN3xxx from code generation).</summary>
    public static void Compile(CSharpCompileRequest request)
    {
        var ir = Translate(request.Sources, request.Target);
        CompileIr(ir, request.Target, request.Opt, request.Output, request.Kind, request.Codegen);
    }

    /// <summary>Optimises and emits IR produced by <see cref="Translate"/> (one translation, several levels).</summary>
    public static void CompileIr(string ir, TargetInfo target, OptLevel opt, string output, OutputKind kind = OutputKind.Object, CodegenOptions? codegen = null)
    {
        using var context = new LlvmContext();
        LlvmModule module;
        try
        {
            module = context.ParseIrText(ir, "csharp");
        }
        catch (DiagnosticException e)
        {
            throw DiagnosticException.Error(CompilerCodes.InvalidIr, "the generated LLVM IR does not parse (a compiler bug): " + e.Diagnostics[0].Message,
                hint: "report it with the input program");
        }
        using (module)
            Codegen.Emit(module, target, opt, kind, output, codegen, displayName: "csharp");
    }

    /// <summary>The LLVM IR (text) of the program for <paramref name="target"/>, before optimisation.</summary>
    public static string Translate(IReadOnlyList<SourceFile> sources, TargetInfo target)
    {
        var fe = CSharpFrontEnd.Compile(sources, target);
        var model = new ProgramModel(fe.Image, fe.Pdb);
        var translator = new ModuleTranslator(model, target);
        return translator.Translate(sources.Select(s => s.Path).ToHashSet(StringComparer.Ordinal));
    }
}
