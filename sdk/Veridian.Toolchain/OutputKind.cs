namespace Veridian.Toolchain;

/// <summary>What a compile step writes.</summary>
public enum OutputKind
{
    /// <summary>An ELF relocatable object (<c>-c</c>).</summary>
    Object,

    /// <summary>Target assembly (<c>-S</c>).</summary>
    Assembly,

    /// <summary>LLVM IR text (<c>-S -emit-llvm</c>).</summary>
    LlvmIr,

    /// <summary>LLVM bitcode (<c>-c -emit-llvm</c>, and <c>-c -flto</c> objects).</summary>
    Bitcode,
}
