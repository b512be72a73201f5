using Veridian.Llvm.Interop;

namespace Veridian.Llvm;

/// <summary>
/// Everything a target machine is built from, stated explicitly (a C-API target machine ignores the
/// module's "Code Model" flag, HOST-FACTS.md gotcha 2). <see cref="Abi"/> "" means unset.
/// </summary>
public sealed record LlvmTargetMachineOptions(
    string Triple,
    string Cpu,
    string Features,
    string Abi,
    LLVMCodeGenOptLevel OptLevel,
    LLVMRelocMode RelocMode,
    LLVMCodeModel CodeModel);
