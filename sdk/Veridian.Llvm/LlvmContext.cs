using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Veridian.Diagnostics;
using Veridian.Llvm.Interop;

namespace Veridian.Llvm;

/// <summary>
/// An <c>LLVMContextRef</c> that owns its types and modules. Not thread-safe: use one context per thread
/// (LLVM's rule). Dispose every module of a context before the context.
/// <para>
/// Installs a diagnostic handler, so LLVM's errors (e.g. bad inline asm at codegen) are collected here
/// instead of ending the process; <see cref="ThrowIfErrors"/> turns them into a diagnostic.
/// </para>
/// </summary>
public sealed unsafe class LlvmContext : IDisposable
{
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];
    private GCHandle _self;

    /// <summary>Creates a fresh context (initialising the back ends on first use).</summary>
    public LlvmContext()
    {
        LlvmTargets.EnsureInitialized();
        Handle = LLVM.LLVMContextCreate();
        _self = GCHandle.Alloc(this);
        LLVM.LLVMContextSetDiagnosticHandler(Handle, (IntPtr)(delegate* unmanaged<IntPtr, void*, void>)&OnDiagnostic, (void*)GCHandle.ToIntPtr(_self));
    }

    /// <summary>The raw <c>LLVMContextRef</c>, for the Interop API (e.g. the IRBuilder calls).</summary>
    public IntPtr Handle { get; private set; }

    /// <summary>Warnings LLVM reported since the last <see cref="TakeWarnings"/>.</summary>
    public IReadOnlyList<string> TakeWarnings()
    {
        var copy = _warnings.ToArray();
        _warnings.Clear();
        return copy;
    }

    /// <summary>Throws <paramref name="code"/> with the collected LLVM errors, if any (and clears them).</summary>
    public void ThrowIfErrors(string code, string what)
    {
        if (_errors.Count == 0)
            return;
        var message = string.Join("; ", _errors);
        _errors.Clear();
        throw DiagnosticException.Error(code, $"{what}: {message.TrimEnd()}");
    }

    /// <summary>Creates an empty module.</summary>
    public LlvmModule CreateModule(string name) => new(this, LLVM.LLVMModuleCreateWithNameInContext(name, Handle));

    /// <summary>Parses LLVM bitcode; a malformed buffer gives VDN3002 (never an abort).</summary>
    public LlvmModule ParseBitcode(LlvmMemoryBuffer buffer, string displayName)
    {
        IntPtr module;
        if (LLVM.LLVMParseBitcodeInContext2(Handle, buffer.Handle, &module) != 0 || module == IntPtr.Zero)
        {
            var detail = _errors.Count > 0 ? string.Join("; ", _errors) : "not valid LLVM 19 bitcode";
            _errors.Clear();
            throw DiagnosticException.Error(ToolchainCodes.BadBitcode, $"{displayName}: {detail}",
                hint: "rebuild the file with this toolchain (bitcode from a newer LLVM cannot be read by LLVM 19)");
        }
        return new LlvmModule(this, module);
    }

    /// <summary>Parses LLVM bitcode or IR text from a file, choosing by content (the bitcode magic <c>BC</c>).</summary>
    public LlvmModule ParseFile(string path)
    {
        using var buffer = LlvmMemoryBuffer.FromFile(path);
        return buffer.IsBitcode ? ParseBitcode(buffer, path) : ParseIr(buffer.Detach(), path);
    }

    /// <summary>Parses LLVM IR text (.ll); takes ownership of <paramref name="buffer"/>. Errors give VDN3003.</summary>
    public LlvmModule ParseIr(IntPtr buffer, string displayName)
    {
        IntPtr module;
        sbyte* message;
        if (LLVM.LLVMParseIRInContext(Handle, buffer, &module, &message) != 0)
            throw DiagnosticException.Error(ToolchainCodes.BadIr, $"{displayName}: {LlvmString.Message(message)}");
        return new LlvmModule(this, module);
    }

    /// <summary>Parses LLVM IR text held in a string.</summary>
    public LlvmModule ParseIrText(string text, string displayName)
    {
        using var buffer = LlvmMemoryBuffer.FromBytes(System.Text.Encoding.UTF8.GetBytes(text), displayName);
        return ParseIr(buffer.Detach(), displayName);
    }

    public void Dispose()
    {
        if (Handle == IntPtr.Zero)
            return;
        LLVM.LLVMContextDispose(Handle);
        Handle = IntPtr.Zero;
        _self.Free();
    }

    [UnmanagedCallersOnly]
    private static void OnDiagnostic(IntPtr info, void* context)
    {
        if (GCHandle.FromIntPtr((IntPtr)context).Target is not LlvmContext self)
            return;
        var severity = LLVM.LLVMGetDiagInfoSeverity(info);
        var text = LlvmString.Message(LLVM.LLVMGetDiagInfoDescription(info));
        switch (severity)
        {
            case LLVMDiagnosticSeverity.LLVMDSError:
                self._errors.Add(text);
                break;
            case LLVMDiagnosticSeverity.LLVMDSWarning:
                self._warnings.Add(text);
                break;
            case LLVMDiagnosticSeverity.LLVMDSRemark:
            case LLVMDiagnosticSeverity.LLVMDSNote:
                break;
        }
    }
}
