using Veridian.Llvm.Interop;

namespace Veridian.Toolchain;

/// <summary>An optimisation level as clang spells it (<c>-O0</c> ... <c>-Oz</c>).</summary>
public enum OptLevel
{
    O0,
    O1,
    O2,
    O3,
    Os,
    Oz,
}

/// <summary>What each level means for clang, the pass pipeline and the code generator.</summary>
public static class OptLevels
{
    /// <summary>clang's flag, e.g. <c>-O2</c>.</summary>
    public static string ClangFlag(this OptLevel level) => "-" + level;

    /// <summary>The pipeline's parameter (<c>O2</c> in <c>default&lt;O2&gt;</c>).</summary>
    public static string PipelineParameter(this OptLevel level) => level.ToString();

    /// <summary>The code generator's level, as clang maps it (Os/Oz generate code at Default).</summary>
    public static LLVMCodeGenOptLevel CodeGenLevel(this OptLevel level) => level switch
    {
        OptLevel.O0 => LLVMCodeGenOptLevel.LLVMCodeGenLevelNone,
        OptLevel.O1 => LLVMCodeGenOptLevel.LLVMCodeGenLevelLess,
        OptLevel.O2 or OptLevel.Os or OptLevel.Oz => LLVMCodeGenOptLevel.LLVMCodeGenLevelDefault,
        OptLevel.O3 => LLVMCodeGenOptLevel.LLVMCodeGenLevelAggressive,
    };

    /// <summary>clang's default for loop vectorisation (O2, O3, Os; not O1 or Oz).</summary>
    public static bool VectorizesLoops(this OptLevel level) => level is OptLevel.O2 or OptLevel.O3 or OptLevel.Os;

    /// <summary>clang's default for SLP vectorisation (O2, O3, Os, Oz).</summary>
    public static bool VectorizesSlp(this OptLevel level) => level is OptLevel.O2 or OptLevel.O3 or OptLevel.Os or OptLevel.Oz;

    /// <summary>clang's default for loop unrolling and interleaving (optimisation level above 1: O2, O3, Os, Oz).</summary>
    public static bool UnrollsLoops(this OptLevel level) => level is OptLevel.O2 or OptLevel.O3 or OptLevel.Os or OptLevel.Oz;

    /// <summary>Parses the text after <c>-O</c> as clang does: "" is O1, "4"+ is O3, "fast" is O3, "g" is O1.</summary>
    public static OptLevel? Parse(string text) => text switch
    {
        "0" => OptLevel.O0,
        "" or "1" or "g" => OptLevel.O1,
        "2" => OptLevel.O2,
        "3" or "4" or "fast" => OptLevel.O3,
        "s" => OptLevel.Os,
        "z" => OptLevel.Oz,
        _ => int.TryParse(text, out var n) && n > 3 ? OptLevel.O3 : null,
    };
}
