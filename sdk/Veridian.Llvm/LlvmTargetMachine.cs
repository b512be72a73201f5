using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Llvm.Interop;

namespace Veridian.Llvm;

/// <summary>
/// An <c>LLVMTargetMachineRef</c> built with LLVMCreateTargetMachineWithOptions. Emitting validates the
/// module first (triple, data layout, ABI flag) because LLVM aborts the process on such mismatches.
/// A target machine may be shared by threads only if each emits its own module; create one per thread to be safe.
/// </summary>
public sealed unsafe class LlvmTargetMachine : IDisposable
{
    private LlvmTargetMachine(IntPtr handle, LlvmTargetMachineOptions options)
    {
        Handle = handle;
        Options = options;
        DataLayout = LlvmString.Message(LLVM.LLVMCopyStringRepOfTargetData(LLVM.LLVMCreateTargetDataLayout(handle)));
    }

    /// <summary>The raw <c>LLVMTargetMachineRef</c>.</summary>
    public IntPtr Handle { get; private set; }

    /// <summary>The options it was built from.</summary>
    public LlvmTargetMachineOptions Options { get; }

    /// <summary>The data layout string the target machine implies.</summary>
    public string DataLayout { get; }

    /// <summary>Creates a target machine; an unknown triple gives VDN3010.</summary>
    public static LlvmTargetMachine Create(LlvmTargetMachineOptions options)
    {
        LlvmTargets.EnsureInitialized();
        IntPtr target;
        sbyte* message;
        if (LLVM.LLVMGetTargetFromTriple(options.Triple, &target, &message) != 0)
            throw DiagnosticException.Error(ToolchainCodes.NoTargetMachine, $"no LLVM target for '{options.Triple}': {LlvmString.Message(message)}");
        var o = LLVM.LLVMCreateTargetMachineOptions();
        try
        {
            LLVM.LLVMTargetMachineOptionsSetCPU(o, options.Cpu);
            LLVM.LLVMTargetMachineOptionsSetFeatures(o, options.Features);
            if (options.Abi.Length > 0)
                LLVM.LLVMTargetMachineOptionsSetABI(o, options.Abi);
            LLVM.LLVMTargetMachineOptionsSetCodeGenOptLevel(o, options.OptLevel);
            LLVM.LLVMTargetMachineOptionsSetRelocMode(o, options.RelocMode);
            LLVM.LLVMTargetMachineOptionsSetCodeModel(o, options.CodeModel);
            var tm = LLVM.LLVMCreateTargetMachineWithOptions(target, options.Triple, o);
            if (tm == IntPtr.Zero)
                throw DiagnosticException.Error(ToolchainCodes.NoTargetMachine, $"LLVM could not create a target machine for '{options.Triple}' (cpu '{options.Cpu}')");
            return new LlvmTargetMachine(tm, options);
        }
        finally
        {
            LLVM.LLVMDisposeTargetMachineOptions(o);
        }
    }

    /// <summary>
    /// Checks what LLVM would abort on when this machine compiles <paramref name="module"/>, and fills an
    /// unset triple/data layout: a different architecture in the triple or a different data layout gives
    /// VDN3005; a "target-abi" module flag different from the machine's ABI gives VDN3006.
    /// </summary>
    public void Adopt(LlvmModule module, string displayName)
    {
        var triple = module.Triple;
        if (triple.Length == 0)
            module.Triple = Options.Triple;
        else if (ArchOf(triple) != ArchOf(Options.Triple))
            throw DiagnosticException.Error(ToolchainCodes.TargetMismatch,
                $"{displayName}: module is for '{triple}' but the target is '{Options.Triple}'",
                hint: "compile every input for the same --target");
        var layout = module.DataLayout;
        if (layout.Length == 0)
            module.DataLayout = DataLayout;
        else if (layout != DataLayout)
            throw DiagnosticException.Error(ToolchainCodes.TargetMismatch,
                $"{displayName}: module data layout '{layout}' differs from the target's '{DataLayout}'",
                hint: "compile every input for the same --target (and the same -m flags)");
        var abi = module.GetModuleFlagString("target-abi");
        if (abi is not null && Options.Abi.Length > 0 && abi != Options.Abi)
            throw DiagnosticException.Error(ToolchainCodes.AbiMismatch,
                $"{displayName}: module was compiled for ABI '{abi}' but the target's ABI is '{Options.Abi}'",
                hint: $"compile with -mabi={Options.Abi} (the target's ABI) or pick the target that uses '{abi}'");
    }

    /// <summary>Runs an optimisation pipeline (e.g. "default&lt;O2&gt;") on <paramref name="module"/>; failures give VDN3007.</summary>
    public void RunPasses(LlvmModule module, string pipeline, LlvmPassBuilderOptions? options = null)
    {
        using var owned = options is null ? new LlvmPassBuilderOptions() : null;
        var error = LLVM.LLVMRunPasses(module.Handle, pipeline, Handle, (options ?? owned!).Handle);
        if (LlvmString.Error(error) is { } message)
            throw DiagnosticException.Error(ToolchainCodes.PassesFailed, $"pass pipeline '{pipeline}': {message}");
        module.Context.ThrowIfErrors(ToolchainCodes.PassesFailed, $"pass pipeline '{pipeline}'");
    }

    /// <summary>Emits an object or assembly file (temp file + rename). Call <see cref="Adopt"/> first; LLVM errors give VDN3008.</summary>
    public void EmitToFile(LlvmModule module, string path, LLVMCodeGenFileType kind)
    {
        AtomicFile.Write(path, tmp =>
        {
            sbyte* message;
            var failed = LLVM.LLVMTargetMachineEmitToFile(Handle, module.Handle, tmp, kind, &message) != 0;
            var text = LlvmString.Message(message);
            module.Context.ThrowIfErrors(ToolchainCodes.EmitFailed, $"code generation for '{path}'");
            if (failed)
                throw DiagnosticException.Error(ToolchainCodes.EmitFailed, $"code generation for '{path}': {text}");
        }, Durability.None);
    }

    /// <summary>Emits an object or assembly into memory.</summary>
    public byte[] EmitToMemory(LlvmModule module, LLVMCodeGenFileType kind)
    {
        sbyte* message;
        IntPtr buffer;
        var failed = LLVM.LLVMTargetMachineEmitToMemoryBuffer(Handle, module.Handle, kind, &message, &buffer) != 0;
        var text = LlvmString.Message(message);
        module.Context.ThrowIfErrors(ToolchainCodes.EmitFailed, "code generation");
        if (failed)
            throw DiagnosticException.Error(ToolchainCodes.EmitFailed, $"code generation: {text}");
        using var owned = LlvmMemoryBuffer.Own(buffer);
        return owned.Bytes.ToArray();
    }

    private static string ArchOf(string triple)
    {
        var arch = triple.Split('-')[0];
        return arch switch
        {
            "amd64" => "x86_64",
            "arm64" => "aarch64",
            _ => arch,
        };
    }

    public void Dispose()
    {
        if (Handle == IntPtr.Zero)
            return;
        LLVM.LLVMDisposeTargetMachine(Handle);
        Handle = IntPtr.Zero;
    }
}
