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

    /// <summary>
    /// No library-call idioms (<c>-fno-builtin</c>): every function gets the <c>"no-builtins"</c> attribute, so the optimiser
    /// neither forms calls to memcpy/memset/… from loops nor treats such calls as known. The C library needs it — its
    /// own memset's loop must not become a call to memset.
    /// </summary>
    public bool NoBuiltins { get; init; }

    /// <summary>The defaults.</summary>
    public static CodegenOptions Default { get; } = new();

    /// <summary>
    /// These options with the clang flag <paramref name="flag"/> applied, or null when it is not one of the code
    /// generation flags this record carries (<c>-f[no-]function-sections</c>, <c>-f[no-]data-sections</c>,
    /// <c>-f[no-]vectorize</c>, <c>-f[no-]slp-vectorize</c>, <c>-f[no-]unroll-loops</c>, <c>-f[no-]builtin</c>). The one reading of these flags:
    /// <c>veridian cc</c>'s command line and a project's <c>flags</c> both go through it.
    /// </summary>
    public CodegenOptions? With(string flag) => flag switch
    {
        "-ffunction-sections" or "-fno-function-sections" => this with { FunctionSections = flag == "-ffunction-sections" },
        "-fdata-sections" or "-fno-data-sections" => this with { DataSections = flag == "-fdata-sections" },
        "-fvectorize" or "-fno-vectorize" => this with { VectorizeLoops = flag == "-fvectorize" },
        "-fslp-vectorize" or "-fno-slp-vectorize" => this with { VectorizeSlp = flag == "-fslp-vectorize" },
        "-funroll-loops" or "-fno-unroll-loops" => this with { UnrollLoops = flag == "-funroll-loops" },
        "-fno-builtin" or "-fbuiltin" => this with { NoBuiltins = flag == "-fno-builtin" },
        _ => null,
    };

    /// <summary>The options the code generation flags among <paramref name="flags"/> give, in order (later flags win).</summary>
    public static CodegenOptions FromFlags(IEnumerable<string> flags) =>
        flags.Aggregate(Default, (options, flag) => options.With(flag) ?? options);
}
