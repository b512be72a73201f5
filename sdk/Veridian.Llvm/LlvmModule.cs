using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Llvm.Interop;

namespace Veridian.Llvm;

/// <summary>
/// An <c>LLVMModuleRef</c> owned by this object (disposed with <c>LLVMDisposeModule</c>) until it is
/// linked into another module (<see cref="Link"/> consumes it).
/// </summary>
public sealed unsafe class LlvmModule : IDisposable
{
    internal LlvmModule(LlvmContext context, IntPtr handle)
    {
        Context = context;
        Handle = handle;
    }

    /// <summary>The context the module lives in.</summary>
    public LlvmContext Context { get; }

    /// <summary>The raw <c>LLVMModuleRef</c>, for the Interop API (IRBuilder, globals, ...).</summary>
    public IntPtr Handle { get; private set; }

    /// <summary>The module's target triple ("" when unset).</summary>
    public string Triple
    {
        get => LlvmString.Borrowed(LLVM.LLVMGetTarget(Handle));
        set => LLVM.LLVMSetTarget(Handle, value);
    }

    /// <summary>The module's data layout string ("" when unset).</summary>
    public string DataLayout
    {
        get => LlvmString.Borrowed(LLVM.LLVMGetDataLayoutStr(Handle));
        set => LLVM.LLVMSetDataLayout(Handle, value);
    }

    /// <summary>Runs LLVM's verifier; returns null when the module is well formed, else the verifier's report.</summary>
    public string? Verify()
    {
        sbyte* message;
        var broken = LLVM.LLVMVerifyModule(Handle, LLVMVerifierFailureAction.LLVMReturnStatusAction, &message);
        var text = LlvmString.Message(message);
        return broken != 0 ? text.Trim() : null;
    }

    /// <summary>Verifies and throws VDN3004 when the module is malformed.</summary>
    public void VerifyOrThrow(string displayName)
    {
        if (Verify() is { } report)
            throw DiagnosticException.Error(ToolchainCodes.VerifyFailed, $"{displayName}: invalid LLVM IR: {report}",
                hint: "the IR producer has a bug; report it with the input file");
    }

    /// <summary>A module flag whose value is a metadata string (e.g. riscv's "target-abi"), or null when absent or not a string.</summary>
    public string? GetModuleFlagString(string key)
    {
        var md = LLVM.LLVMGetModuleFlag(Handle, key, (nuint)System.Text.Encoding.UTF8.GetByteCount(key));
        if (md == IntPtr.Zero)
            return null;
        var value = LLVM.LLVMMetadataAsValue(Context.Handle, md);
        if (LLVM.LLVMIsAMDString(value) == IntPtr.Zero)
            return null;
        uint length;
        var s = LLVM.LLVMGetMDString(value, &length);
        return s is null ? null : LlvmString.Borrowed(s, length);
    }

    /// <summary>A module flag whose value is an integer constant (e.g. "PIC Level"), or null.</summary>
    public long? GetModuleFlagInt(string key)
    {
        var md = LLVM.LLVMGetModuleFlag(Handle, key, (nuint)System.Text.Encoding.UTF8.GetByteCount(key));
        if (md == IntPtr.Zero)
            return null;
        var value = LLVM.LLVMMetadataAsValue(Context.Handle, md);
        if (LLVM.LLVMIsAValueAsMetadata(value) == IntPtr.Zero && LLVM.LLVMIsAConstantInt(value) == IntPtr.Zero)
            return null;
        return LLVM.LLVMIsAConstantInt(value) != IntPtr.Zero ? LLVM.LLVMConstIntGetSExtValue(value) : null;
    }

    /// <summary>The module as LLVM IR text.</summary>
    public string PrintToString() => LlvmString.Message(LLVM.LLVMPrintModuleToString(Handle));

    /// <summary>Writes LLVM IR text to <paramref name="path"/> (temp file + rename).</summary>
    public void WriteIr(string path) => AtomicFile.Write(path, tmp =>
    {
        sbyte* message;
        if (LLVM.LLVMPrintModuleToFile(Handle, tmp, &message) != 0)
            throw DiagnosticException.Error(ToolchainCodes.EmitFailed, $"cannot write '{path}': {LlvmString.Message(message)}");
    }, Durability.None);

    /// <summary>Writes bitcode to <paramref name="path"/> (temp file + rename).</summary>
    public void WriteBitcode(string path) => AtomicFile.Write(path, tmp =>
    {
        if (LLVM.LLVMWriteBitcodeToFile(Handle, tmp) != 0)
            throw DiagnosticException.Error(ToolchainCodes.EmitFailed, $"cannot write bitcode to '{path}'");
    }, Durability.None);

    /// <summary>The module as bitcode bytes.</summary>
    public byte[] ToBitcode()
    {
        using var buffer = LlvmMemoryBuffer.Own(LLVM.LLVMWriteBitcodeToMemoryBuffer(Handle));
        return buffer.Bytes.ToArray();
    }

    /// <summary>A deep copy in the same context.</summary>
    public LlvmModule Clone() => new(Context, LLVM.LLVMCloneModule(Handle));

    /// <summary>
    /// Links <paramref name="source"/> into this module (LLVMLinkModules2); <paramref name="source"/> is consumed
    /// either way. Both must share this context. Conflicts (e.g. two strong definitions) give VDN3009.
    /// </summary>
    public void Link(LlvmModule source, string sourceName)
    {
        if (!ReferenceEquals(source.Context, Context))
            throw new ArgumentException("modules must share one context", nameof(source));
        var src = source.Handle;
        source.Handle = IntPtr.Zero;
        if (LLVM.LLVMLinkModules2(Handle, src) != 0)
        {
            Context.ThrowIfErrors(ToolchainCodes.ModuleLinkFailed, $"linking {sourceName}");
            throw DiagnosticException.Error(ToolchainCodes.ModuleLinkFailed, $"linking {sourceName} failed");
        }
    }

    public void Dispose()
    {
        if (Handle == IntPtr.Zero)
            return;
        LLVM.LLVMDisposeModule(Handle);
        Handle = IntPtr.Zero;
    }
}
