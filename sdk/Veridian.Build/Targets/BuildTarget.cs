using Veridian.Triples;

namespace Veridian.Build.Targets;

/// <summary>
/// A target as the build engine sees it: the resolved <see cref="TargetInfo"/> plus the kernel linker
/// script. <see cref="Facts"/> goes into every action key, so a change to any target fact rebuilds.
/// </summary>
public sealed record BuildTarget
{
    /// <summary>The resolved target (the one record every stage reads).</summary>
    public required TargetInfo Info { get; init; }

    /// <summary>The default linker script text for kernel images on this target, or null.</summary>
    public required string? KernelLinkerScript { get; init; }

    /// <summary>The canonical triple (also the folder name under <c>out/</c>).</summary>
    public string Canonical => Info.Canonical;

    /// <summary>Front-end flags every translation unit for this target gets.</summary>
    public IReadOnlyList<string> ClangArgs => Info.ClangArgs;

    /// <summary>True for kernel-subsystem targets (images linked with the kernel linker script).</summary>
    public bool IsKernel => Info.IsKernel;

    /// <summary>A stable text of the facts the build depends on (hashed into action keys).</summary>
    public string Facts => string.Join('\n', [
        Info.Canonical, Info.LlvmTriple, Info.Cpu, Info.Features, Info.LlvmAbi, Info.DataLayout,
        Info.CodeModel.ToString(), Info.RelocationModel.ToString(), Info.LoadAddress?.ToString("x", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        Info.EntrySymbol, .. Info.ClangArgs, KernelLinkerScript ?? ""]);
}
