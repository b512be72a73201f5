using Veridian.Build.Project;
using Veridian.Build.Targets;

namespace Veridian.Build.Toolchain;

/// <summary>
/// One translation unit to compile: paths relative to <see cref="WorkingDirectory"/>; <see cref="OptLevel"/> is
/// 0 1 2 3 s z; <see cref="Arguments"/> are the project's front-end flags (-g, -D, -I, flags) — the target's
/// flags come from <see cref="Target"/>.
/// </summary>
public sealed record CompileJob(string WorkingDirectory, string Source, Language Language, BuildTarget Target, string OptLevel, IReadOnlyList<string> Arguments);

/// <summary>A link or archive: inputs and output relative to <see cref="WorkingDirectory"/>; <see cref="Arguments"/> are the project's link-flags.</summary>
public sealed record LinkJob(string WorkingDirectory, IReadOnlyList<string> Inputs, BuildTarget Target, IReadOnlyList<string> Arguments, string? LinkerScript);

/// <summary>Whether a step worked, and what the tool said (warnings and errors, file:line first).</summary>
public sealed record StepResult(bool Success, string Output);

/// <summary>
/// The narrow interface the engine uses for tools: compile one translation unit, generate code for IR,
/// archive, link. Implementations write exactly the paths they are given (the engine gives temporary
/// paths and renames them into place).
/// </summary>
public interface IBuildToolchain
{
    /// <summary>Names and versions of the tools, hashed into every action key.</summary>
    string Identity { get; }

    /// <summary>The exact front-end command line for <paramref name="job"/> (for compile_commands.json).</summary>
    IReadOnlyList<string> FrontEndCommand(CompileJob job, string objectPath);

    /// <summary>Compiles a C/C++/asm source to an object and writes a Make-style depfile listing the headers read.</summary>
    StepResult Compile(CompileJob job, string objectPath, string depfilePath, CancellationToken cancel);

    /// <summary>Generates an object from LLVM IR (.ll or .bc).</summary>
    StepResult Codegen(CompileJob job, string objectPath, CancellationToken cancel);

    /// <summary>Writes a deterministic static library.</summary>
    StepResult Archive(LinkJob job, string outputPath, CancellationToken cancel);

    /// <summary>Links an image or executable.</summary>
    StepResult Link(LinkJob job, string outputPath, CancellationToken cancel);
}
