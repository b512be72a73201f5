using Veridian.Diagnostics;
using Veridian.Toolchain.Driver;
using Veridian.Triples;

using Veridian.Tests;

namespace Veridian.Toolchain.Tests;

/// <summary>How the cc driver reads gcc/clang command lines (no processes run).</summary>
public sealed class CcArgumentsTests
{
    private const string Kernel = "--target=x86_64-veridian-kernel-none";

    /// <summary>Command line → mode, output, -O, front-end flags (joined by '|'), link items (joined by '|').</summary>
    public static TheoryData<string, CcMode, string?, OptLevel, string, string> Lines => new()
    {
        { "-c a.c", CcMode.Compile, null, OptLevel.O0, "", "" },
        { "-c -O2 a.c -o a.o", CcMode.Compile, "a.o", OptLevel.O2, "", "" },
        { "-S -Os a.c", CcMode.Assemble, null, OptLevel.Os, "", "" },
        { "-c -S a.c", CcMode.Assemble, null, OptLevel.O0, "", "" },
        { "-E -c a.c", CcMode.Preprocess, null, OptLevel.O0, "", "" },
        { "-M a.c", CcMode.Preprocess, null, OptLevel.O0, "", "" },
        { "-c -O a.c", CcMode.Compile, null, OptLevel.O1, "", "" },
        { "-c -O9 -Oz a.c", CcMode.Compile, null, OptLevel.Oz, "", "" },
        { "-c -I inc -Idir2 -isystem sys -D X=1 -DY -U Z -include h.h -std=c11 -Wall -Werror -fno-common -g a.c", CcMode.Compile, null, OptLevel.O0,
            "-I|inc|-Idir2|-isystem|sys|-D|X=1|-DY|-U|Z|-include|h.h|-std=c11|-Wall|-Werror|-fno-common|-g", "" },
        { "-c -MD -MF a.d -MT a.o -MP a.c", CcMode.Compile, null, OptLevel.O0, "-MD|-MF|a.d|-MT|a.o|-MP", "" },
        { "-c -MMD a.c", CcMode.Compile, null, OptLevel.O0, "-MMD", "" },
        { "-c -x c a.txt", CcMode.Compile, null, OptLevel.O0, "", "" },
        { "a.c b.o -L lib -Llib2 -lm -l c -Wl,--gc-sections,-Map,x.map -Xlinker -q -o prog", CcMode.Link, "prog", OptLevel.O0, "",
            "b.o|-Llib|-Llib2|-lm|-lc|--gc-sections|-Map|x.map|-q" },
        { "-c -mcmodel=large -fno-omit-frame-pointer -march=x86-64-v3 a.c", CcMode.Compile, null, OptLevel.O0, "-mcmodel=large|-fno-omit-frame-pointer|-march=x86-64-v3", "" },
        { "-c -ffunction-sections -fdata-sections -fsome-unknown-flag a.c", CcMode.Compile, null, OptLevel.O0, "-ffunction-sections|-fdata-sections|-fsome-unknown-flag", "" },
        { "-c -pipe -Qunused-arguments a.c", CcMode.Compile, null, OptLevel.O0, "", "" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Driver_reads_the_command_line_like_clang(string line, CcMode mode, string? output, OptLevel opt, string frontEnd, string link)
    {
        var a = CcArguments.Parse([Kernel, .. line.Split(' ')], cxx: false);
        Assert.Equal(mode, a.Mode);
        Assert.Equal(output, a.Output);
        Assert.Equal(opt, a.Opt);
        Assert.Equal(frontEnd, string.Join('|', a.FrontEnd));
        Assert.Equal(link, string.Join('|', a.Inputs.Where(i => i.Link is not null).Select(i => i.Link!.Value.LldArg)));
    }

    [Fact]
    public void Language_flag_applies_to_later_inputs_and_x_none_resets_it()
    {
        var a = CcArguments.Parse([Kernel, "-c", "a.c", "-x", "c++", "b.c", "-x", "none", "c.S", "-xassembler", "d.txt"], cxx: false);
        Assert.Equal([InputKind.C, InputKind.Cxx, InputKind.AssemblerWithCpp, InputKind.Assembler], a.Inputs.Select(i => i.Kind));
    }

    [Fact]
    public void Standard_input_is_preprocessed_without_x_as_clang_does_and_compiling_it_needs_x()
    {
        // Meson asks for the compiler's predefined macros with `cc -E -dM -` on standard input.
        var a = CcArguments.Parse([Kernel, "-E", "-dM", "-"], cxx: false);
        Assert.Equal(CcMode.Preprocess, a.Mode);
        var later = CcArguments.Parse([Kernel, "-", "-E"], cxx: false);
        Assert.Equal(CcMode.Preprocess, later.Mode);
        var e = Assert.Throws<DiagnosticException>(() => CcArguments.Parse([Kernel, "-c", "-"], cxx: false));
        Assert.Equal(ToolchainCodes.UnknownInputKind, e.Diagnostic.Code);
    }

    [Fact]
    public void Cxx_driver_compiles_c_files_as_cxx()
    {
        var a = CcArguments.Parse([Kernel, "-c", "a.c"], cxx: true);
        Assert.Equal(InputKind.Cxx, Assert.Single(a.Inputs).Kind);
    }

    [Theory]
    [InlineData("--target=aarch64-veridian-kernel-none")]
    [InlineData("-target aarch64-veridian-kernel-none")]
    [InlineData("--target aarch64-veridian-kernel-none")]
    [InlineData("--target=x86_64-veridian-kernel-none --target=aarch64-veridian-kernel-none")]
    [InlineData("--target=aarch64-veridian-kernel-none --target=aarch64-unknown-none-elf")]
    public void Target_is_read_in_every_spelling_and_a_later_llvm_triple_of_the_same_target_keeps_the_canonical_one(string flags)
    {
        var a = CcArguments.Parse([.. flags.Split(' '), "-c", "a.c"], cxx: false);
        Assert.Equal("aarch64-veridian-kernel-none", a.Target!.Canonical);
    }

    [Theory]
    [InlineData("--target=riscv64-veridian-kernel-none -mabi=lp64", ToolchainCodes.FlagNotForTarget)]
    [InlineData("--target=x86_64-veridian-user-relibc -m32", ToolchainCodes.FlagNotForTarget)]
    [InlineData("--target=aarch64-veridian-user-relibc -fsanitize=address", ToolchainCodes.FlagNotForTarget)]
    [InlineData("--target=x86_64-veridian-kernel-none -shared", ToolchainCodes.FlagNotForTarget)]
    [InlineData("--target=x86_64-veridian-kernel-none -pie", ToolchainCodes.FlagNotForTarget)]
    [InlineData("--target=x86_64-veridian-kernel-none -pthread", ToolchainCodes.FlagNotForTarget)]
    [InlineData("--target=x86_64-veridian-kernel-none -gsplit-dwarf", ToolchainCodes.FlagNotForTarget)]
    [InlineData("--target=x86_64-veridian-kernel-none -flto=thin", ToolchainCodes.FlagNotForTarget)]
    [InlineData("--target=x86_64-veridian-kernel-none -fuse-ld=bfd", ToolchainCodes.FlagNotForTarget)]
    [InlineData("--target=x86_64-veridian-kernel-none -O7x", ToolchainCodes.BadDriverArgument)]
    [InlineData("--target=x86_64-veridian-kernel-none -x fortran", ToolchainCodes.UnknownInputKind)]
    [InlineData("-O2", ToolchainCodes.BadDriverArgument)]
    public void Flags_that_cannot_work_give_a_VDN_error_before_anything_runs(string flags, string code)
    {
        var e = Assert.Throws<DiagnosticException>(() => CcArguments.Parse([.. flags.Split(' '), "-c", "a.c"], cxx: false));
        Assert.Equal(code, e.Diagnostic.Code);
    }

    [Fact]
    public void A_flag_missing_its_value_reports_VDN3025()
    {
        var e = Assert.Throws<DiagnosticException>(() => CcArguments.Parse([Kernel, "-c", "a.c", "-o"], cxx: false));
        Assert.Equal(ToolchainCodes.BadDriverArgument, e.Diagnostic.Code);
    }

    [Fact]
    public void Allowed_on_linux_targets_what_veridian_targets_reject()
    {
        var a = CcArguments.Parse(["--target=aarch64-linux-gnu", "-shared", "-fsanitize=address", "-pthread", "a.c"], cxx: false);
        Assert.True(a.Shared);
    }

    [Fact]
    public void Response_files_expand_recursively_with_quotes_and_escapes()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "inner.rsp"), "-DINNER 'two words' a\\ b");
        File.WriteAllText(Path.Combine(dir.Path, "outer.rsp"), "-c \"-DQ=1 2\"\n@inner.rsp\n");
        var expanded = ResponseFiles.Expand(["-O2", "@" + Path.Combine(dir.Path, "outer.rsp"), "x.c"]);
        Assert.Equal(["-O2", "-c", "-DQ=1 2", "-DINNER", "two words", "a b", "x.c"], expanded);
    }

    [Fact]
    public void An_output_that_is_a_folder_reports_VDN3025_not_a_stack_trace()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["a.c"], "int main(void) { return 0; }\n");
        Directory.CreateDirectory(dir["out"]);
        var e = Assert.Throws<DiagnosticException>(() => Veridian.Toolchain.Driver.CcDriver.Run(["--target=x86_64-linux-gnu", dir["a.c"], "-o", dir["out"]], cxx: false, TextWriter.Null, TextWriter.Null));
        Assert.Equal(ToolchainCodes.BadDriverArgument, e.Diagnostic.Code);
    }

    [Fact]
    public void Missing_response_file_reports_VDN3025()
    {
        var e = Assert.Throws<DiagnosticException>(() => ResponseFiles.Expand(["@/nonexistent/args.rsp"]));
        Assert.Equal(ToolchainCodes.BadDriverArgument, e.Diagnostic.Code);
    }

    [Fact]
    public void Codegen_flags_reach_the_target_machine_options()
    {
        var a = CcArguments.Parse(["--target=riscv64-veridian-user-relibc", "-c", "-fPIC", "-mcmodel=medlow", "-fno-vectorize", "-ffunction-sections", "a.c"], cxx: false);
        Assert.Equal(RelocationModel.Pic, a.Codegen.RelocationModel);
        Assert.Equal(CodeModel.Small, a.Codegen.CodeModel);
        Assert.False(a.Codegen.VectorizeLoops);
        Assert.True(a.Codegen.FunctionSections);
    }
}
