namespace Veridian.Triples;

/// <summary>Whether the compiler may use floating-point and SIMD registers.</summary>
public enum FloatPolicy
{
    /// <summary>FP/SIMD registers may be used (the ABI's hard-float convention).</summary>
    Hard,

    /// <summary>Only general-purpose registers (<c>-mgeneral-regs-only</c>): no SSE/x87/NEON/FPU code, so a kernel need not save FP state on traps.</summary>
    GeneralRegistersOnly,
}
