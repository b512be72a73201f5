namespace Veridian.Build.Targets;

/// <summary>
/// The facts of one target that the build engine needs, resolved once from the target database.
/// <see cref="Facts"/> goes into every action key, so a change to any target fact rebuilds.
/// </summary>
public sealed record BuildTarget
{
    /// <summary>The canonical triple (also the folder name under <c>out/</c>).</summary>
    public required string Canonical { get; init; }

    /// <summary>The LLVM triple given to clang and the code generator.</summary>
    public required string LlvmTriple { get; init; }

    /// <summary>Front-end flags every translation unit for this target gets (target, ABI, code model...).</summary>
    public required IReadOnlyList<string> ClangArgs { get; init; }

    /// <summary>True for kernel-subsystem targets (images linked with the kernel linker script).</summary>
    public required bool IsKernel { get; init; }

    /// <summary>The default linker script text for kernel images on this target, or null.</summary>
    public required string? KernelLinkerScript { get; init; }

    /// <summary>A stable text of every fact above (hashed into action keys).</summary>
    public string Facts => string.Join('\n', [Canonical, LlvmTriple, .. ClangArgs, IsKernel ? "kernel" : "", KernelLinkerScript ?? ""]);
}
