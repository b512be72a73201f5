using System.Runtime.InteropServices;

namespace Veridian.Llvm.Interop;

// llvm-c/Target.h: the LLVMInitializeAll*/Native* helpers are static inline (not exported), so the
// exported per-target functions their macros expand to are bound here, for the three SDK targets.
public static unsafe partial class LLVM
{
    [LibraryImport(LibraryName)] public static partial void LLVMInitializeX86TargetInfo();
    [LibraryImport(LibraryName)] public static partial void LLVMInitializeX86Target();
    [LibraryImport(LibraryName)] public static partial void LLVMInitializeX86TargetMC();
    [LibraryImport(LibraryName)] public static partial void LLVMInitializeX86AsmPrinter();
    [LibraryImport(LibraryName)] public static partial void LLVMInitializeX86AsmParser();
    [LibraryImport(LibraryName)] public static partial void LLVMInitializeX86Disassembler();

    [LibraryImport(LibraryName)] public static partial void LLVMInitializeAArch64TargetInfo();
    [LibraryImport(LibraryName)] public static partial void LLVMInitializeAArch64Target();
    [LibraryImport(LibraryName)] public static partial void LLVMInitializeAArch64TargetMC();
    [LibraryImport(LibraryName)] public static partial void LLVMInitializeAArch64AsmPrinter();
    [LibraryImport(LibraryName)] public static partial void LLVMInitializeAArch64AsmParser();
    [LibraryImport(LibraryName)] public static partial void LLVMInitializeAArch64Disassembler();

    [LibraryImport(LibraryName)] public static partial void LLVMInitializeRISCVTargetInfo();
    [LibraryImport(LibraryName)] public static partial void LLVMInitializeRISCVTarget();
    [LibraryImport(LibraryName)] public static partial void LLVMInitializeRISCVTargetMC();
    [LibraryImport(LibraryName)] public static partial void LLVMInitializeRISCVAsmPrinter();
    [LibraryImport(LibraryName)] public static partial void LLVMInitializeRISCVAsmParser();
    [LibraryImport(LibraryName)] public static partial void LLVMInitializeRISCVDisassembler();
}
