using System.Runtime.InteropServices;

namespace Veridian.Llvm.Interop;

/// <summary>
/// Raw bindings to the LLVM C API (llvm-c/*.h) of libLLVM 19, names kept exactly as in C so a later
/// swap to LLVMSharp.Interop is mechanical. Partial: one file per C header.
/// </summary>
public static unsafe partial class LLVM
{
    /// <summary>Resolved by .NET's probing to <c>libLLVM-19.so</c> (package libllvm19, HOST-FACTS.md §1).</summary>
    public const string LibraryName = "LLVM-19";
}
