using Veridian.Build.Project;
using Veridian.Build.Targets;
using Veridian.Toolchain;

namespace Veridian.Build.Toolchain;

/// <summary>
/// One compilation: paths relative to <see cref="WorkingDirectory"/>; <see cref="Sources"/> is one translation unit
/// for C, C++, assembly and IR, and all of a unit's sources for C# (one compilation); <see cref="Arguments"/> are the
/// project's front-end flags (-g, -D, -I, flags) — the target's flags come from <see cref="Target"/>.
/// </summary>
public sealed record CompileJob(string WorkingDirectory, IReadOnlyList<string> Sources, Language Language, BuildTarget Target, OptLevel OptLevel, IReadOnlyList<string> Arguments)
{
    /// <summary>The (first) source.</summary>
    public string Source => Sources[0];
}

/// <summary>A link or archive: inputs and output relative to <see cref="WorkingDirectory"/>; <see cref="Arguments"/> are the project's link-flags.</summary>
public sealed record LinkJob(string WorkingDirectory, IReadOnlyList<string> Inputs, BuildTarget Target, IReadOnlyList<string> Arguments, string? LinkerScript);

/// <summary>Whether a step worked, and what the tool said (warnings and errors, file:line first).</summary>
public sealed record StepResult(bool Success, string Output)
{
    /// <summary>The SDK's own diagnostics behind a failure (the C# compiler's VDN4xxx, the linker's VDN3xxx), when the tool is in-process.</summary>
    public IReadOnlyList<Veridian.Diagnostics.Diagnostic> Diagnostics { get; init; } = [];
}

/// <summary>
/// The narrow interface the engine uses for tools: compile one translation unit, generate code for IR,
/// archive, link. Implementations write exactly the paths they are given (the engine gives temporary
/// paths and renames them into place). Each step's <see cref="CancellationToken"/> is the build's: when it is
/// cancelled, a step stops its tool process (kills clang, lld, llvm-ar) and throws <see cref="OperationCanceledException"/>.
/// </summary>
public interface IBuildToolchain
{
    /// <summary>Names and versions of the tools, hashed into every action key.</summary>
    string Identity { get; }

    /// <summary>The exact front-end command line for <paramref name="job"/> (for compile_commands.json).</summary>
    IReadOnlyList<string> FrontEndCommand(CompileJob job, string objectPath);

    /// <summary>Compiles a C/C++/asm source to an object and writes a Make-style depfile listing the headers read.</summary>
    StepResult Compile(CompileJob job, string objectPath, string depfilePath, CancellationToken cancel);

    /// <summary>Generates an object from LLVM IR (.ll or .bc) or from a compilation that has no depfile (C#).</summary>
    StepResult Codegen(CompileJob job, string objectPath, CancellationToken cancel);

    /// <summary>Writes a deterministic static library.</summary>
    StepResult Archive(LinkJob job, string outputPath, CancellationToken cancel);

    /// <summary>Links an image or executable.</summary>
    StepResult Link(LinkJob job, string outputPath, CancellationToken cancel);
}
