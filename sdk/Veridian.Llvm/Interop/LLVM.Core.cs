using System.Runtime.InteropServices;

namespace Veridian.Llvm.Interop;

// llvm-c/Core.h
public static unsafe partial class LLVM
{
    [LibraryImport(LibraryName)]
    public static partial void LLVMGetVersion(uint* major, uint* minor, uint* patch);
}
