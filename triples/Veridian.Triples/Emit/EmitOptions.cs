namespace Veridian.Triples.Emit;

/// <summary>Host paths the emitted files refer to (the target facts come from <see cref="TargetInfo"/>).</summary>
public sealed record EmitOptions
{
    /// <summary>The SDK sysroot root; VeridianOS user targets use <c>&lt;Sysroot&gt;/&lt;canonical&gt;/{include,lib}</c>.</summary>
    public required string Sysroot { get; init; }

    /// <summary>
    /// The SDK's target-prefixed entry points (<c>veridian toolchain install-shims</c>; the CLI's are in
    /// <c>artifacts/toolchain/bin</c>). When set, the CMake and Meson files of a target whose C library is the SDK's
    /// sysroot name <c>&lt;dir&gt;/&lt;triple&gt;-cc</c>, <c>-c++</c>, <c>-ar</c>, <c>-ranlib</c> and <c>-run</c> (the
    /// emulator: <c>veridian run</c>) instead of clang-19: <c>veridian cc</c> adds the target's flags, the sysroot's
    /// headers, crt objects and libc, and builds the sysroot on demand (docs/triples.md).
    /// </summary>
    public string? EntryPoints { get; init; }

    /// <summary>Whether <see cref="Sysroot"/> is the user's own (then passed to <c>veridian cc</c> as <c>--sysroot</c>, which never builds it) rather than the SDK's default.</summary>
    public bool SysrootGiven { get; init; }

    /// <summary>The C compiler the build files name.</summary>
    public string CCompiler { get; init; } = "/usr/bin/clang-19";

    /// <summary>The C++ compiler the build files name.</summary>
    public string CxxCompiler { get; init; } = "/usr/bin/clang++-19";

    /// <summary>The archiver the build files name.</summary>
    public string Archiver { get; init; } = "/usr/bin/llvm-ar-19";

    /// <summary>The linker CMake toolchain files use for VeridianOS targets.</summary>
    public string LinkerPath { get; init; } = "/usr/bin/ld.lld-19";

    /// <summary>The linker a Rust target spec names for VeridianOS targets.</summary>
    public string Linker { get; init; } = "ld.lld-19";

    /// <summary>
    /// The LLVM major version of the rustc that will read a Rust target spec (<c>rustc -vV</c>, "LLVM version").
    /// rustc rejects a data layout that differs from its own LLVM's, and LLVM 20 added the p270–p272 address
    /// spaces to AArch64's layout; the SDK's own LLVM is 19.
    /// </summary>
    public int RustLlvmMajor { get; init; } = 19;
}
