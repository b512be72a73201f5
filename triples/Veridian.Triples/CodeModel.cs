namespace Veridian.Triples;

/// <summary>The code model (LLVM's names; clang's spelling is <see cref="TargetInfo.ClangCodeModel"/>).</summary>
public enum CodeModel
{
    /// <summary>Code and data within 2 GiB (clang <c>-mcmodel=small</c>); LLVMCodeModel 3.</summary>
    Small,

    /// <summary>x86_64 kernel model: symbols in the top or bottom 2 GiB, 32-bit sign-extended addresses (<c>-mcmodel=kernel</c>); LLVMCodeModel 4.</summary>
    Kernel,

    /// <summary>RISC-V medany: PC-relative within ±2 GiB anywhere in the address space (<c>-mcmodel=medany</c>); LLVMCodeModel 5 (Medium).</summary>
    Medium,

    /// <summary>No assumption about addresses (<c>-mcmodel=large</c>); LLVMCodeModel 6.</summary>
    Large,
}
