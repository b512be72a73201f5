namespace Veridian.Triples.Emit;

/// <summary>What <c>veridian targets emit --format</c> writes.</summary>
public enum EmitFormat
{
    /// <summary>The clang front-end flags on one line (shell-quoted), for <c>clang-19 $(...) -c x.c</c>.</summary>
    ClangArgs,

    /// <summary>A clang configuration file, one option per line, for <c>clang-19 --config=&lt;file&gt;</c>.</summary>
    ClangCfg,

    /// <summary>A CMake toolchain file, plus <c>Platform/VeridianOS.cmake</c> beside it for VeridianOS targets.</summary>
    CMake,

    /// <summary>A Meson cross file.</summary>
    Meson,

    /// <summary>A Rust target specification (JSON) for <c>rustc --target &lt;file&gt;.json</c>.</summary>
    Rust,

    /// <summary>The kernel linker script of a kernel target (load address, entry, boot sections), for <c>ld.lld -T</c>.</summary>
    LinkerScript,
}
