using Veridian.Triples;

namespace Veridian.Toolchain;

/// <summary>
/// Per-compile choices on top of the target's facts. Null members mean "the target's (or clang's) default".
/// </summary>
public sealed record CodegenOptions
{
    /// <summary>Overrides <see cref="TargetInfo.CodeModel"/> (from <c>-mcmodel=</c>).</summary>
    public CodeModel? CodeModel { get; init; }

    /// <summary>Overrides <see cref="TargetInfo.RelocationModel"/> (from <c>-fPIC</c>, <c>-fPIE</c>, <c>-fno-pic</c>).</summary>
    public RelocationModel? RelocationModel { get; init; }

    /// <summary>Loop vectorisation (<c>-f[no-]vectorize</c>); default follows the level as in clang.</summary>
    public bool? VectorizeLoops { get; init; }

    /// <summary>SLP vectorisation (<c>-f[no-]slp-vectorize</c>).</summary>
    public bool? VectorizeSlp { get; init; }

    /// <summary>Loop unrolling (<c>-f[no-]unroll-loops</c>).</summary>
    public bool? UnrollLoops { get; init; }

    /// <summary>Each function in its own section (<c>-ffunction-sections</c>), for <c>--gc-sections</c>.</summary>
    public bool FunctionSections { get; init; }

    /// <summary>Each global in its own section (<c>-fdata-sections</c>).</summary>
    public bool DataSections { get; init; }

    /// <summary>The defaults.</summary>
    public static CodegenOptions Default { get; } = new();
}
