using Veridian.Triples;

namespace Veridian.Toolchain;

/// <summary>One link (the in-process API the build engine and the driver use).</summary>
public sealed record LinkRequest
{
    /// <summary>The resolved target.</summary>
    public required TargetInfo Target { get; init; }

    /// <summary>The image to write.</summary>
    public required string Output { get; init; }

    /// <summary>Objects, archives, bitcode, -l/-L and linker flags, in order.</summary>
    public required IReadOnlyList<LinkItem> Items { get; init; }

    /// <summary>The -O level for the LTO pipeline when bitcode inputs are present (lld's default is O2).</summary>
    public OptLevel LtoOpt { get; init; } = OptLevel.O2;

    /// <summary>Code generation choices for the LTO object.</summary>
    public CodegenOptions Codegen { get; init; } = CodegenOptions.Default;

    /// <summary><c>-static</c>; null is the target's default (static on VeridianOS targets, dynamic PIE on Linux triples).</summary>
    public bool? Static { get; init; }

    /// <summary><c>-shared</c> (Linux triples only; VeridianOS targets link statically).</summary>
    public bool Shared { get; init; }

    /// <summary>Link as C++ (<c>veridian c++</c>): on Linux triples the C++ standard library is added (clang's g++ mode).</summary>
    public bool Cxx { get; init; }

    /// <summary><c>-nostdlib</c>: no start files, no default libraries.</summary>
    public bool NoStdLib { get; init; }

    /// <summary><c>-nostartfiles</c>.</summary>
    public bool NoStartFiles { get; init; }

    /// <summary><c>-nodefaultlibs</c>.</summary>
    public bool NoDefaultLibs { get; init; }

    /// <summary><c>-T script</c>: replaces the kernel linker script of kernel targets.</summary>
    public string? LinkerScript { get; init; }

    /// <summary><c>-e symbol</c>; null is <see cref="TargetInfo.EntrySymbol"/>.</summary>
    public string? Entry { get; init; }

    /// <summary>The sysroot for Veridian user targets.</summary>
    public string? Sysroot { get; init; }

    /// <summary>The directory relative paths are taken from.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Let the linker's messages go straight to stderr.</summary>
    public bool InheritStderr { get; init; }
}

/// <summary>What a link did.</summary>
public sealed record LinkResult(string Output, IReadOnlyList<IReadOnlyList<string>> Commands, string ToolOutput);
