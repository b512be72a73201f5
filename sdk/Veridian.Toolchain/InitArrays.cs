using Veridian.Llvm;
using Veridian.Llvm.Interop;

namespace Veridian.Toolchain;

/// <summary>
/// Constructors and destructors in <c>.init_array</c>/<c>.fini_array</c>, as clang emits them (<c>-fuse-init-array</c>).
/// A C-API target machine has <c>UseInitArray = false</c> and no entry point sets it, so LLVM would put
/// <c>llvm.global_ctors</c> in <c>.ctors</c>, which glibc and the kernel startup code never run. Just before codegen,
/// each entry becomes a pointer-sized global in <c>.init_array</c> (priority 65535) or <c>.init_array.N</c> (as clang names them)
/// (in the comdat of its associated data, if any), and the arrays are deleted. No pass runs afterwards, so the new
/// globals are emitted as they are (ELF gives sections named .init_array* the type SHT_INIT_ARRAY).
/// </summary>
public static unsafe class InitArrays
{
    /// <summary>Rewrites <c>llvm.global_ctors</c> and <c>llvm.global_dtors</c> of <paramref name="module"/>.</summary>
    public static void Lower(LlvmModule module)
    {
        Lower(module, "llvm.global_ctors", ".init_array");
        Lower(module, "llvm.global_dtors", ".fini_array");
    }

    private static void Lower(LlvmModule module, string arrayName, string section)
    {
        var array = LLVM.LLVMGetNamedGlobal(module.Handle, arrayName);
        if (array == IntPtr.Zero)
            return;
        var init = LLVM.LLVMGetInitializer(array);
        var count = init == IntPtr.Zero || LLVM.LLVMIsAConstantAggregateZero(init) != IntPtr.Zero ? 0 : LLVM.LLVMGetNumOperands(init);
        var ptrType = LLVM.LLVMPointerTypeInContext(module.Context.Handle, 0);
        var pointerBytes = (uint)LLVM.LLVMABISizeOfType(LLVM.LLVMGetModuleDataLayout(module.Handle), ptrType);
        for (var i = 0; i < count; i++)
        {
            var entry = LLVM.LLVMGetOperand(init, (uint)i);
            var priority = (uint)LLVM.LLVMConstIntGetZExtValue(LLVM.LLVMGetOperand(entry, 0));
            var function = LLVM.LLVMGetOperand(entry, 1);
            var data = LLVM.LLVMGetNumOperands(entry) > 2 ? LLVM.LLVMGetOperand(entry, 2) : IntPtr.Zero;
            if (LLVM.LLVMIsNull(function) != 0)
                continue;
            var slot = LLVM.LLVMAddGlobal(module.Handle, ptrType, $"__veridian{section.Replace('.', '_')}.{i}");
            LLVM.LLVMSetInitializer(slot, function);
            LLVM.LLVMSetLinkage(slot, LLVMLinkage.LLVMInternalLinkage);
            LLVM.LLVMSetGlobalConstant(slot, 0);
            LLVM.LLVMSetAlignment(slot, pointerBytes);
            LLVM.LLVMSetSection(slot, priority == 65535 ? section : $"{section}.{priority}");
            if (data != IntPtr.Zero && LLVM.LLVMIsNull(data) == 0 && LLVM.LLVMIsAGlobalValue(data) != IntPtr.Zero)
            {
                var comdat = LLVM.LLVMGetComdat(data);
                if (comdat != IntPtr.Zero)
                    LLVM.LLVMSetComdat(slot, comdat);
            }
        }
        LLVM.LLVMDeleteGlobal(array);
    }
}
