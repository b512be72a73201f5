namespace Veridian.Compiler;

/// <summary>The architectures the compiler emits code for.</summary>
public enum TargetArch { X86_64, AArch64, RiscV64 }

/// <summary>What the compiler needs to know about a target (resolved from a triple by the caller).</summary>
/// <param name="Name">The triple as the user wrote it (for messages).</param>
/// <param name="Arch">The architecture.</param>
/// <param name="LlvmTriple">The LLVM triple written into the module.</param>
/// <param name="DataLayout">The LLVM data layout string.</param>
/// <param name="Freestanding">True for kernel/none targets (no C library).</param>
public sealed record CompileTarget(string Name, TargetArch Arch, string LlvmTriple, string DataLayout, bool Freestanding)
{
    /// <summary>The preprocessor symbol defined for the architecture (<c>VERIDIAN_X86_64</c> …).</summary>
    public string ArchSymbol => Arch switch
    {
        TargetArch.X86_64 => "VERIDIAN_X86_64",
        TargetArch.AArch64 => "VERIDIAN_AARCH64",
        TargetArch.RiscV64 => "VERIDIAN_RISCV64",
    };
}
