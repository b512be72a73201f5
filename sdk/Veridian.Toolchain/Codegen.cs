using Veridian.Diagnostics;
using Veridian.Llvm;
using Veridian.Llvm.Interop;
using Veridian.Triples;

namespace Veridian.Toolchain;

/// <summary>Which optimisation pipeline to run (LLVM's new pass manager names).</summary>
public enum PipelinePhase
{
    /// <summary><c>default&lt;On&gt;</c>: a whole compile.</summary>
    Default,

    /// <summary><c>lto-pre-link&lt;On&gt;</c>: the compile half of -flto (the output stays bitcode).</summary>
    LtoPreLink,

    /// <summary><c>lto&lt;On&gt;</c>: the link half of -flto, on the merged module.</summary>
    Lto,

    /// <summary>No passes (the module is already optimised).</summary>
    None,
}

/// <summary>
/// The in-process back half of the pipeline: validate a module against the target, optimise it once,
/// emit it. Thread-safe as long as each thread uses its own <see cref="LlvmContext"/> and modules.
/// </summary>
public static class Codegen
{
    /// <summary>The pass pipeline text for a phase and level, e.g. <c>default&lt;O2&gt;</c>, or null for none.</summary>
    public static string? Pipeline(PipelinePhase phase, OptLevel level) => phase switch
    {
        PipelinePhase.Default => $"default<{level.PipelineParameter()}>",
        // LLVM has no O0 LTO pipelines with work to do; the O0 default pipeline (always-inline, no optimisation) is the equivalent.
        PipelinePhase.LtoPreLink => level == OptLevel.O0 ? "default<O0>" : $"lto-pre-link<{level.PipelineParameter()}>",
        PipelinePhase.Lto => level == OptLevel.O0 ? "default<O0>" : $"lto<{level.PipelineParameter()}>",
        PipelinePhase.None => null,
    };

    /// <summary>
    /// Validates <paramref name="module"/> for <paramref name="target"/> (VDN3004/3005/3006 instead of an LLVM
    /// abort), optimises it with <paramref name="phase"/> at <paramref name="level"/>, and writes
    /// <paramref name="kind"/> to <paramref name="path"/> (temp file + rename). The module is changed.
    /// </summary>
    public static void Emit(LlvmModule module, TargetInfo target, OptLevel level, OutputKind kind, string path,
        CodegenOptions? options = null, PipelinePhase phase = PipelinePhase.Default, string? displayName = null)
    {
        options ??= CodegenOptions.Default;
        displayName ??= path;
        using var tm = TargetMachines.Create(target, level, options);
        Prepare(module, tm, level, options, phase, displayName);
        if (kind is OutputKind.Object or OutputKind.Assembly)
            InitArrays.Lower(module);
        switch (kind)
        {
            case OutputKind.Object:
                tm.EmitToFile(module, path, LLVMCodeGenFileType.LLVMObjectFile);
                break;
            case OutputKind.Assembly:
                tm.EmitToFile(module, path, LLVMCodeGenFileType.LLVMAssemblyFile);
                break;
            case OutputKind.LlvmIr:
                module.WriteIr(path);
                break;
            case OutputKind.Bitcode:
                module.WriteBitcode(path);
                break;
        }
    }

    /// <summary>Validates and optimises without emitting (what <see cref="Emit"/> does first).</summary>
    public static void Prepare(LlvmModule module, LlvmTargetMachine tm, OptLevel level, CodegenOptions options, PipelinePhase phase, string displayName)
    {
        tm.Adopt(module, displayName);
        module.VerifyOrThrow(displayName);
        if (options.NoBuiltins)
            DisableBuiltins(module);
        if (Pipeline(phase, level) is { } pipeline)
        {
            using var pbo = new LlvmPassBuilderOptions
            {
                LoopVectorization = options.VectorizeLoops ?? level.VectorizesLoops(),
                SlpVectorization = options.VectorizeSlp ?? level.VectorizesSlp(),
                LoopUnrolling = options.UnrollLoops ?? level.UnrollsLoops(),
                LoopInterleaving = options.UnrollLoops ?? level.UnrollsLoops(),
            };
            tm.RunPasses(module, pipeline, pbo);
        }
        if (options.FunctionSections || options.DataSections)
            Sections.Assign(module, options.FunctionSections, options.DataSections);
    }

    /// <summary>Gives every defined function the <c>"no-builtins"</c> attribute (what clang's <c>-fno-builtin</c> writes).</summary>
    private static unsafe void DisableBuiltins(LlvmModule module)
    {
        var attribute = LLVM.LLVMCreateStringAttribute(LLVM.LLVMGetModuleContext(module.Handle), "no-builtins", 11, "", 0);
        for (var f = LLVM.LLVMGetFirstFunction(module.Handle); f != IntPtr.Zero; f = LLVM.LLVMGetNextFunction(f))
        {
            if (LLVM.LLVMIsDeclaration(f) == 0)
                LLVM.LLVMAddAttributeAtIndex(f, unchecked((uint)LLVM.LLVMAttributeFunctionIndex), attribute);
        }
    }
}
