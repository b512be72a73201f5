using Veridian.Llvm;
using Veridian.Llvm.Interop;
using Veridian.Triples;

namespace Veridian.Toolchain;

/// <summary>Builds LLVM target machines from <see cref="TargetInfo"/>: every option set explicitly, none re-derived from strings.</summary>
public static class TargetMachines
{
    /// <summary>The target machine options for <paramref name="target"/> at <paramref name="level"/>.</summary>
    public static LlvmTargetMachineOptions OptionsFor(TargetInfo target, OptLevel level, CodegenOptions? options = null)
    {
        options ??= CodegenOptions.Default;
        return new LlvmTargetMachineOptions(target.LlvmTriple, target.Cpu, target.Features, target.LlvmAbi, level.CodeGenLevel(),
            Reloc(options.RelocationModel ?? target.RelocationModel), Code(options.CodeModel ?? target.CodeModel));
    }

    /// <summary>Creates the target machine (dispose it).</summary>
    public static LlvmTargetMachine Create(TargetInfo target, OptLevel level, CodegenOptions? options = null) =>
        LlvmTargetMachine.Create(OptionsFor(target, level, options));

    /// <summary>LLVM's relocation model (PIE is PIC at the target-machine level; the module's "PIE Level" flag does the rest).</summary>
    public static LLVMRelocMode Reloc(RelocationModel model) => model switch
    {
        RelocationModel.Static => LLVMRelocMode.LLVMRelocStatic,
        RelocationModel.Pie or RelocationModel.Pic => LLVMRelocMode.LLVMRelocPIC,
    };

    /// <summary>LLVM's code model.</summary>
    public static LLVMCodeModel Code(CodeModel model) => model switch
    {
        CodeModel.Small => LLVMCodeModel.LLVMCodeModelSmall,
        CodeModel.Kernel => LLVMCodeModel.LLVMCodeModelKernel,
        CodeModel.Medium => LLVMCodeModel.LLVMCodeModelMedium,
        CodeModel.Large => LLVMCodeModel.LLVMCodeModelLarge,
    };
}
