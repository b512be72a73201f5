using System.Runtime.InteropServices;

namespace Veridian.Triples.Tests;

/// <summary>
/// Just enough of libLLVM 19's C API (HOST-FACTS §2) to ask a target machine for its data layout. Kept in the
/// test so that the oracle is independent of the SDK's own bindings.
/// </summary>
internal static partial class LlvmOracle
{
    private const string Lib = "LLVM-19";
    private static readonly Lock s_lock = new();
    private static bool s_initialised;

    [LibraryImport(Lib)] private static partial void LLVMInitializeX86TargetInfo();
    [LibraryImport(Lib)] private static partial void LLVMInitializeX86Target();
    [LibraryImport(Lib)] private static partial void LLVMInitializeX86TargetMC();
    [LibraryImport(Lib)] private static partial void LLVMInitializeAArch64TargetInfo();
    [LibraryImport(Lib)] private static partial void LLVMInitializeAArch64Target();
    [LibraryImport(Lib)] private static partial void LLVMInitializeAArch64TargetMC();
    [LibraryImport(Lib)] private static partial void LLVMInitializeRISCVTargetInfo();
    [LibraryImport(Lib)] private static partial void LLVMInitializeRISCVTarget();
    [LibraryImport(Lib)] private static partial void LLVMInitializeRISCVTargetMC();

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LLVMGetTargetFromTriple(string triple, out nint target, out nint errorMessage);

    [LibraryImport(Lib)] private static partial nint LLVMCreateTargetMachineOptions();
    [LibraryImport(Lib)] private static partial void LLVMDisposeTargetMachineOptions(nint options);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] private static partial void LLVMTargetMachineOptionsSetCPU(nint options, string cpu);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] private static partial void LLVMTargetMachineOptionsSetFeatures(nint options, string features);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] private static partial void LLVMTargetMachineOptionsSetABI(nint options, string abi);
    [LibraryImport(Lib)] private static partial void LLVMTargetMachineOptionsSetRelocMode(nint options, int reloc);
    [LibraryImport(Lib)] private static partial void LLVMTargetMachineOptionsSetCodeModel(nint options, int codeModel);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint LLVMCreateTargetMachineWithOptions(nint target, string triple, nint options);

    [LibraryImport(Lib)] private static partial void LLVMDisposeTargetMachine(nint machine);
    [LibraryImport(Lib)] private static partial nint LLVMCreateTargetDataLayout(nint machine);
    [LibraryImport(Lib)] private static partial void LLVMDisposeTargetData(nint data);
    [LibraryImport(Lib)] private static partial nint LLVMCopyStringRepOfTargetData(nint data);
    [LibraryImport(Lib)] private static partial void LLVMDisposeMessage(nint message);

    /// <summary>The data layout libLLVM gives a target machine built from the target's facts.</summary>
    public static string DataLayout(TargetInfo t)
    {
        lock (s_lock)
        {
            if (!s_initialised)
            {
                LLVMInitializeX86TargetInfo(); LLVMInitializeX86Target(); LLVMInitializeX86TargetMC();
                LLVMInitializeAArch64TargetInfo(); LLVMInitializeAArch64Target(); LLVMInitializeAArch64TargetMC();
                LLVMInitializeRISCVTargetInfo(); LLVMInitializeRISCVTarget(); LLVMInitializeRISCVTargetMC();
                s_initialised = true;
            }
        }
        if (LLVMGetTargetFromTriple(t.LlvmTriple, out var target, out var error) != 0)
        {
            var message = Marshal.PtrToStringUTF8(error);
            LLVMDisposeMessage(error);
            throw new InvalidOperationException($"libLLVM does not know {t.LlvmTriple}: {message}");
        }
        var options = LLVMCreateTargetMachineOptions();
        try
        {
            LLVMTargetMachineOptionsSetCPU(options, t.Cpu);
            LLVMTargetMachineOptionsSetFeatures(options, t.Features);
            if (t.LlvmAbi.Length > 0)
                LLVMTargetMachineOptionsSetABI(options, t.LlvmAbi);
            // LLVMRelocMode: Static = 1, PIC = 2. LLVMCodeModel: Small 3, Kernel 4, Medium 5, Large 6 (HOST-FACTS §2).
            LLVMTargetMachineOptionsSetRelocMode(options, t.RelocationModel switch
            {
                RelocationModel.Static => 1,
                RelocationModel.Pie or RelocationModel.Pic => 2,
            });
            LLVMTargetMachineOptionsSetCodeModel(options, t.CodeModel switch
            {
                CodeModel.Small => 3,
                CodeModel.Kernel => 4,
                CodeModel.Medium => 5,
                CodeModel.Large => 6,
            });
            var machine = LLVMCreateTargetMachineWithOptions(target, t.LlvmTriple, options);
            Assert.NotEqual(0, machine);
            try
            {
                var data = LLVMCreateTargetDataLayout(machine);
                try
                {
                    var text = LLVMCopyStringRepOfTargetData(data);
                    try
                    {
                        return Marshal.PtrToStringUTF8(text)!;
                    }
                    finally
                    {
                        LLVMDisposeMessage(text);
                    }
                }
                finally
                {
                    LLVMDisposeTargetData(data);
                }
            }
            finally
            {
                LLVMDisposeTargetMachine(machine);
            }
        }
        finally
        {
            LLVMDisposeTargetMachineOptions(options);
        }
    }
}
