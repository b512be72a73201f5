using Veridian.Diagnostics;
using Veridian.Llvm;
using Veridian.Llvm.Interop;

namespace Veridian.Toolchain.Tests;

public sealed unsafe class LlvmBindingsTests
{
    public static TheoryData<string, string, string, string, ushort> Targets => new()
    {
        { "x86_64-unknown-none-elf", "x86-64", "", "", 62 },
        { "aarch64-unknown-none-elf", "generic", "", "", 183 },
        { "riscv64-unknown-none-elf", "generic-rv64", "+m,+a,+f,+d,+c", "lp64d", 243 },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void IRBuilder_module_verifies_optimises_and_emits_an_object_for_the_target(string triple, string cpu, string features, string abi, ushort machine)
    {
        using var context = new LlvmContext();
        using var module = context.CreateModule("add");
        var i32 = LLVM.LLVMInt32TypeInContext(context.Handle);
        var parameters = stackalloc IntPtr[] { i32, i32 };
        var fnType = LLVM.LLVMFunctionType(i32, parameters, 2, 0);
        var fn = LLVM.LLVMAddFunction(module.Handle, "add", fnType);
        var builder = LLVM.LLVMCreateBuilderInContext(context.Handle);
        LLVM.LLVMPositionBuilderAtEnd(builder, LLVM.LLVMAppendBasicBlockInContext(context.Handle, fn, "entry"));
        LLVM.LLVMBuildRet(builder, LLVM.LLVMBuildAdd(builder, LLVM.LLVMGetParam(fn, 0), LLVM.LLVMGetParam(fn, 1), "sum"));
        LLVM.LLVMDisposeBuilder(builder);
        Assert.Null(module.Verify());

        using var tm = LlvmTargetMachine.Create(new(triple, cpu, features, abi, LLVMCodeGenOptLevel.LLVMCodeGenLevelDefault,
            LLVMRelocMode.LLVMRelocStatic, LLVMCodeModel.LLVMCodeModelSmall));
        tm.Adopt(module, "add");
        tm.RunPasses(module, "default<O2>");
        var obj = tm.EmitToMemory(module, LLVMCodeGenFileType.LLVMObjectFile);
        Assert.Equal("\x7f" + "ELF", System.Text.Encoding.ASCII.GetString(obj, 0, 4));
        Assert.Equal(machine, BitConverter.ToUInt16(obj, 18));
        Assert.Contains("define", module.PrintToString());
    }

    [Fact]
    public void Garbage_bitcode_reports_VDN3002()
    {
        using var context = new LlvmContext();
        using var buffer = LlvmMemoryBuffer.FromBytes([(byte)'B', (byte)'C', 0xC0, 0xDE, 1, 2, 3, 4, 5, 6, 7, 8], "junk.bc");
        var e = Assert.Throws<DiagnosticException>(() => context.ParseBitcode(buffer, "junk.bc"));
        Assert.Equal(ToolchainCodes.BadBitcode, e.Diagnostic.Code);
    }

    [Fact]
    public void Malformed_IR_text_reports_VDN3003_with_the_line()
    {
        using var context = new LlvmContext();
        var e = Assert.Throws<DiagnosticException>(() => context.ParseIrText("define i32 @f( {\n", "bad.ll"));
        Assert.Equal(ToolchainCodes.BadIr, e.Diagnostic.Code);
        Assert.Contains("bad.ll", e.Diagnostic.Message);
    }
}
