using Veridian.Diagnostics;
using Veridian.Tests;

namespace Veridian.Toolchain.Tests;

/// <summary>
/// Inputs on which LLVM calls report_fatal_error (abort, exit 134) must give a VDN3xxx diagnostic instead. Each case
/// runs the CLI in a child process so an abort cannot take the test host down, and the ABI case first shows, with
/// llc-19, that LLVM really aborts on the same file.
/// </summary>
public sealed class LlvmAbortTests
{
    private const string RiscvAbiLp64 = """
        target triple = "riscv64-unknown-none-elf"
        define i32 @f(i32 %a) {
          ret i32 %a
        }
        !llvm.module.flags = !{!0}
        !0 = !{i32 1, !"target-abi", !"lp64"}
        """;

    [Fact]
    public void LLVM_itself_aborts_on_the_riscv_ABI_mismatch_input()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "abi.ll"), RiscvAbiLp64);
        var r = Repo.Run("llc-19", ["-mtriple=riscv64-unknown-none-elf", "-target-abi=lp64d", "abi.ll", "-o", "/dev/null"], dir.Path);
        Assert.Equal(134, r.ExitCode);
        Assert.Contains("LLVM ERROR", r.StdErr);
    }

    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "riscv64-veridian-kernel-none", "abi.ll", RiscvAbiLp64, ToolchainCodes.AbiMismatch },
        { "x86_64-veridian-kernel-none", "triple.ll", RiscvAbiLp64, ToolchainCodes.TargetMismatch },
        { "aarch64-veridian-kernel-none", "layout.ll", "target datalayout = \"E-m:e-p:32:32-i64:64-n32-S128\"\ndefine void @g() {\n  ret void\n}\n", ToolchainCodes.TargetMismatch },
        { "x86_64-veridian-kernel-none", "junk.bc", "BC\u00c0\u00de not really bitcode", ToolchainCodes.BadBitcode },
        { "x86_64-veridian-kernel-none", "bad.ll", "define i32 @f( {\n", ToolchainCodes.BadIr },
        { "x86_64-veridian-kernel-none", "unverified.ll", "define i32 @f() {\n  ret i64 0\n}\n", ToolchainCodes.BadIr },
        { "x86_64-veridian-kernel-none", "asm.c", "int f(void) { __asm__(\"bogus_insn %eax\"); return 0; }\n", ToolchainCodes.EmitFailed },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_a_VDN3xxx_error_not_an_abort(string target, string file, string content, string code)
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, file);
        if (file.EndsWith(".bc", StringComparison.Ordinal))
            File.WriteAllBytes(path, [(byte)'B', (byte)'C', 0xC0, 0xDE, .. System.Text.Encoding.ASCII.GetBytes(content[4..])]);
        else
            File.WriteAllText(path, content);
        var r = Cli.Run(dir.Path, "cc", "--target=" + target, "-c", file, "-o", "out.o");
        Assert.True(r.ExitCode == ExitCodes.UserError, r.ToString());
        Assert.Contains($"error {code}:", r.StdErr);
        Assert.DoesNotContain("LLVM ERROR", r.StdErr);
        Assert.False(File.Exists(Path.Combine(dir.Path, "out.o")), "no half-written output");
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void A_fatal_error_the_SDK_does_not_validate_still_prints_VDN3011_before_the_process_ends()
    {
        // A function-level "target-cpu" that is no RV64 CPU makes LLVM's RISC-V subtarget call report_fatal_error.
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "cpu.ll"), "define i32 @f(i32 %a) #0 {\n  ret i32 %a\n}\nattributes #0 = { \"target-cpu\"=\"no-such-cpu\" }\n");
        var r = Cli.Run(dir.Path, "cc", "--target=riscv64-veridian-kernel-none", "-c", "cpu.ll", "-o", "out.o");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains($"error {ToolchainCodes.LlvmFatal}: LLVM fatal error:", r.StdErr);
        Assert.False(File.Exists(Path.Combine(dir.Path, "out.o")));
    }
}
