using Veridian.Llvm;
using Veridian.Llvm.Interop;

namespace Veridian.Toolchain;

/// <summary>
/// <c>-ffunction-sections</c>/<c>-fdata-sections</c>. These are target-machine options that the LLVM C API
/// cannot set, so the same effect is obtained by giving each definition the section name the option would
/// (<c>.text.f</c>, <c>.data.x</c>, <c>.bss.x</c>, <c>.rodata.x</c>, <c>.tdata.x</c>, <c>.tbss.x</c>), and each function a
/// no-deduplicate comdat of its own, which makes LLVM put its jump tables in a section of their own as the option
/// would; definitions with an explicit section and private constants (string literals, which stay in mergeable
/// sections) are left alone.
/// </summary>
internal static unsafe class Sections
{
    public static void Assign(LlvmModule module, bool functions, bool data)
    {
        if (functions)
        {
            for (var f = LLVM.LLVMGetFirstFunction(module.Handle); f != IntPtr.Zero; f = LLVM.LLVMGetNextFunction(f))
            {
                if (LLVM.LLVMIsDeclaration(f) != 0 || HasSection(f))
                    continue;
                var name = NameOf(f);
                LLVM.LLVMSetSection(f, ".text." + name);
                // The function's jump tables too: LLVM gives them a section of their own only when the target machine
                // has function sections (which the C API cannot set) or the function is in a comdat. So each function
                // gets a group of its own that never deduplicates; otherwise every switch's table lands in one
                // shared .rodata, whose relocations keep every function with a switch alive past --gc-sections.
                if (LLVM.LLVMGetComdat(f) == IntPtr.Zero)
                {
                    var comdat = LLVM.LLVMGetOrInsertComdat(module.Handle, name);
                    LLVM.LLVMSetComdatSelectionKind(comdat, LLVMComdatSelectionKind.LLVMNoDeduplicateComdatSelectionKind);
                    LLVM.LLVMSetComdat(f, comdat);
                }
            }
        }
        if (!data)
            return;
        for (var g = LLVM.LLVMGetFirstGlobal(module.Handle); g != IntPtr.Zero; g = LLVM.LLVMGetNextGlobal(g))
        {
            if (LLVM.LLVMIsDeclaration(g) != 0 || HasSection(g))
                continue;
            var constant = LLVM.LLVMIsGlobalConstant(g) != 0;
            if (constant && LLVM.LLVMGetLinkage(g) == LLVMLinkage.LLVMPrivateLinkage)
                continue;
            var init = LLVM.LLVMGetInitializer(g);
            var zero = init != IntPtr.Zero && LLVM.LLVMIsNull(init) != 0;
            var prefix = LLVM.LLVMIsThreadLocal(g) != 0 ? (zero ? ".tbss." : ".tdata.")
                : constant ? ".rodata."
                : zero ? ".bss." : ".data.";
            LLVM.LLVMSetSection(g, prefix + NameOf(g));
        }
    }

    private static bool HasSection(IntPtr global)
    {
        var s = LLVM.LLVMGetSection(global);
        return s is not null && *s != 0;
    }

    private static string NameOf(IntPtr value)
    {
        nuint length;
        return LlvmString.Borrowed(LLVM.LLVMGetValueName2(value, &length), length);
    }
}
