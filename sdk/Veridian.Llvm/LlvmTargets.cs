using Veridian.Diagnostics;
using Veridian.Llvm.Interop;

namespace Veridian.Llvm;

/// <summary>
/// Registers LLVM's X86, AArch64 and RISCV back ends once per process (info, target, MC, asm printer and
/// asm parser — the parser is needed for module-level and inline asm). The LLVMInitializeAll* helpers are
/// static inline in Target.h and not exported, so the per-target functions are called.
/// </summary>
public static class LlvmTargets
{
    private static readonly Lazy<bool> Initialized = new(InitializeCore, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Initialises the three back ends; throws VDN3001 when libLLVM 19 cannot be loaded. Thread-safe, idempotent.</summary>
    public static void EnsureInitialized()
    {
        try
        {
            _ = Initialized.Value;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw DiagnosticException.Error(ToolchainCodes.LlvmUnavailable, $"libLLVM 19 cannot be loaded: {e.Message}",
                hint: "install the libllvm19 package (scripts/bootstrap-host installs every host package)", exitCode: ExitCodes.HostMissing);
        }
    }

    private static unsafe bool InitializeCore()
    {
        // Validation before each LLVM call is what prevents aborts; should one still happen (an LLVM bug or a check
        // we lack), the user at least sees a diagnostic line with a code before LLVM ends the process.
        LLVM.LLVMInstallFatalErrorHandler((IntPtr)(delegate* unmanaged<sbyte*, void>)&OnFatalError);
        LLVM.LLVMInitializeX86TargetInfo();
        LLVM.LLVMInitializeX86Target();
        LLVM.LLVMInitializeX86TargetMC();
        LLVM.LLVMInitializeX86AsmPrinter();
        LLVM.LLVMInitializeX86AsmParser();
        LLVM.LLVMInitializeAArch64TargetInfo();
        LLVM.LLVMInitializeAArch64Target();
        LLVM.LLVMInitializeAArch64TargetMC();
        LLVM.LLVMInitializeAArch64AsmPrinter();
        LLVM.LLVMInitializeAArch64AsmParser();
        LLVM.LLVMInitializeRISCVTargetInfo();
        LLVM.LLVMInitializeRISCVTarget();
        LLVM.LLVMInitializeRISCVTargetMC();
        LLVM.LLVMInitializeRISCVAsmPrinter();
        LLVM.LLVMInitializeRISCVAsmParser();
        return true;
    }

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static unsafe void OnFatalError(sbyte* reason)
    {
        var text = LlvmString.Borrowed(reason);
        Console.Error.WriteLine($"error {ToolchainCodes.LlvmFatal}: LLVM fatal error: {text}");
        Console.Error.WriteLine("  hint: this input reached an LLVM check the SDK does not validate first; please report it with the input file");
        Console.Error.Flush();
    }
}
