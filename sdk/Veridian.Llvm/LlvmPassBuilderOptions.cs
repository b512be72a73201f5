using Veridian.Llvm.Interop;

namespace Veridian.Llvm;

/// <summary>An <c>LLVMPassBuilderOptionsRef</c>: knobs for <see cref="LlvmTargetMachine.RunPasses"/>.</summary>
public sealed class LlvmPassBuilderOptions : IDisposable
{
    /// <summary>Creates options with LLVM's defaults.</summary>
    public LlvmPassBuilderOptions() => Handle = LLVM.LLVMCreatePassBuilderOptions();

    /// <summary>The raw handle.</summary>
    public IntPtr Handle { get; private set; }

    /// <summary>Runs the verifier after each pass (slow; for debugging the SDK).</summary>
    public bool VerifyEach { set => LLVM.LLVMPassBuilderOptionsSetVerifyEach(Handle, value ? 1 : 0); }

    /// <summary>Loop vectorisation / SLP / unrolling toggles (clang sets them from -O level; defaults follow LLVM).</summary>
    public bool LoopVectorization { set => LLVM.LLVMPassBuilderOptionsSetLoopVectorization(Handle, value ? 1 : 0); }

    /// <inheritdoc cref="LoopVectorization"/>
    public bool SlpVectorization { set => LLVM.LLVMPassBuilderOptionsSetSLPVectorization(Handle, value ? 1 : 0); }

    /// <inheritdoc cref="LoopVectorization"/>
    public bool LoopInterleaving { set => LLVM.LLVMPassBuilderOptionsSetLoopInterleaving(Handle, value ? 1 : 0); }

    /// <inheritdoc cref="LoopVectorization"/>
    public bool LoopUnrolling { set => LLVM.LLVMPassBuilderOptionsSetLoopUnrolling(Handle, value ? 1 : 0); }

    public void Dispose()
    {
        if (Handle == IntPtr.Zero)
            return;
        LLVM.LLVMDisposePassBuilderOptions(Handle);
        Handle = IntPtr.Zero;
    }
}
