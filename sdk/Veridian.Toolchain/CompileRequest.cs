using Veridian.Triples;

namespace Veridian.Toolchain;

/// <summary>One translation unit to compile (the in-process API the build engine and the driver use).</summary>
public sealed record CompileRequest
{
    /// <summary>The resolved target; every target fact comes from here.</summary>
    public required TargetInfo Target { get; init; }

    /// <summary>The input file (C, C++, preprocessed, assembly, .ll or .bc).</summary>
    public required string Input { get; init; }

    /// <summary>The output file; written through a temp file and a rename.</summary>
    public required string Output { get; init; }

    /// <summary>The input's language; null means "from the extension" (<see cref="InputKinds.FromPath"/>).</summary>
    public InputKind? Language { get; init; }

    /// <summary>What to write.</summary>
    public OutputKind Kind { get; init; } = OutputKind.Object;

    /// <summary>The optimisation level (clang's default is -O0).</summary>
    public OptLevel Opt { get; init; } = OptLevel.O0;

    /// <summary>
    /// The user's front-end flags, given to clang after the target's: <c>-I -isystem -D -U -include -std= -W… -f… -m… -g -MD -MF …</c>.
    /// Not: <c>-c -S -E -o -O -emit-llvm -flto</c> or link flags (the request says those).
    /// </summary>
    public IReadOnlyList<string> FrontEndArgs { get; init; } = [];

    /// <summary>-flto: the object is optimised bitcode (<c>lto-pre-link</c>), optimised again and compiled once at link time.</summary>
    public bool Lto { get; init; }

    /// <summary>Per-compile code generation choices.</summary>
    public CodegenOptions Codegen { get; init; } = CodegenOptions.Default;

    /// <summary>The sysroot for Veridian user targets (null: <see cref="Veridian.Common.SdkLayout.DefaultSysroot"/>).</summary>
    public string? Sysroot { get; init; }

    /// <summary>The directory relative paths are taken from (null: the current directory).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>When true, clang's diagnostics go straight to this process's stderr (colours and all); otherwise they are collected into <see cref="CompileResult.ToolOutput"/>.</summary>
    public bool InheritStderr { get; init; }
}
