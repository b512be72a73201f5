namespace Veridian.Triples;

/// <summary>How code refers to addresses.</summary>
public enum RelocationModel
{
    /// <summary>Absolute addresses fixed at link time (<c>-fno-pic -fno-pie</c>, LLVMRelocMode Static = 1).</summary>
    Static,

    /// <summary>Position-independent executable (<c>-fPIE</c>, LLVMRelocMode PIC = 2 with PIE level 2).</summary>
    Pie,

    /// <summary>Position-independent code for shared objects (<c>-fPIC</c>, LLVMRelocMode PIC = 2).</summary>
    Pic,
}
