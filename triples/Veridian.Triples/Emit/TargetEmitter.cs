namespace Veridian.Triples.Emit;

/// <summary>Emits the configuration files other tools need for a target: clang flags and config, CMake, Meson, Rust.</summary>
public static class TargetEmitter
{
    /// <summary>The file for <paramref name="format"/>; pure (no I/O), deterministic for the same inputs.</summary>
    public static EmitResult Emit(TargetInfo target, EmitFormat format, EmitOptions options) => format switch
    {
        EmitFormat.ClangArgs => new(ClangArgsEmitter.Emit(target, options), []),
        EmitFormat.ClangCfg => new(ClangConfigEmitter.Emit(target, options), []),
        EmitFormat.CMake => CMakeEmitter.Emit(target, options),
        EmitFormat.Meson => new(MesonEmitter.Emit(target, options), []),
        EmitFormat.Rust => new(RustTargetEmitter.Emit(target, options), []),
        EmitFormat.LinkerScript => new(LinkerScriptEmitter.Emit(target), []),
    };

    /// <summary>The name the CLI and docs use for a format (<c>clang-args</c>, <c>cmake</c>, …).</summary>
    public static string Name(this EmitFormat format) => format switch
    {
        EmitFormat.ClangArgs => "clang-args",
        EmitFormat.ClangCfg => "clang-cfg",
        EmitFormat.CMake => "cmake",
        EmitFormat.Meson => "meson",
        EmitFormat.Rust => "rust",
        EmitFormat.LinkerScript => "linker-script",
    };

    /// <summary>The usual file name for a target's emitted file (<c>x86_64-veridian-kernel-none.cmake</c>).</summary>
    public static string DefaultFileName(TargetInfo target, EmitFormat format) => format switch
    {
        EmitFormat.ClangArgs => $"{target.Canonical}.args",
        EmitFormat.ClangCfg => $"{target.Canonical}.cfg",
        EmitFormat.CMake => $"{target.Canonical}.cmake",
        EmitFormat.Meson => $"{target.Canonical}.ini",
        EmitFormat.Rust => $"{target.Canonical}.json",
        EmitFormat.LinkerScript => $"{target.Canonical}.ld",
    };

    /// <summary>Compile flags including the sysroot's include flags (what every emitter passes to the C compiler).</summary>
    internal static IReadOnlyList<string> CompileFlags(TargetInfo target, EmitOptions options) =>
        [.. target.ClangArgs, .. target.SysrootArgs(options.Sysroot)];

    /// <summary>Flags for ld.lld itself when it links a VeridianOS image (static, the target's page size, entry symbol).</summary>
    internal static IReadOnlyList<string> LldFlags(TargetInfo target, EmitOptions options)
    {
        var flags = new List<string>(target.LldImageArgs());
        if (target.Sysroot == SysrootKind.Veridian)
            flags.Add($"-L{target.LibDir(options.Sysroot)}");
        return flags;
    }

    /// <summary>Link flags for a clang driver linking with ld.lld.</summary>
    internal static IReadOnlyList<string> LinkFlags(TargetInfo target, EmitOptions options)
    {
        var flags = new List<string> { "-fuse-ld=lld", $"-Wl,-z,max-page-size={target.PageSize}" };
        if (target.IsKernel)
            flags.AddRange(["-nostdlib", "-static"]);
        else if (target.Sysroot == SysrootKind.Veridian)
            flags.AddRange(["-static", $"-L{target.LibDir(options.Sysroot)}"]);
        return flags;
    }
}
