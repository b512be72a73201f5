using System.Text.Json;
using Veridian.Triples;

using Veridian.Tests;

namespace Veridian.Triples.Tests;

/// <summary><c>veridian targets list|show|emit</c>, run in-process with captured output.</summary>
public sealed class TargetsCliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var r = VeridianCli.Run(args);
        return (r.ExitCode, r.StdOut, r.StdErr);
    }

    [Fact]
    public void List_shows_the_6_veridian_targets_and_the_3_linux_targets()
    {
        var (exit, output, err) = Run("targets", "list");
        Assert.Equal(0, exit);
        Assert.Equal("", err);
        var firstColumn = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(' ')[0]).ToList();
        Assert.Equal(TargetDatabase.All.Select(t => t.Canonical), firstColumn);
        Assert.Equal(6, firstColumn.Count(c => c.Contains("-veridian-")));
        Assert.Equal(3, firstColumn.Count(c => c.EndsWith("-linux-gnu")));
    }

    [Fact]
    public void List_json_gives_every_target_with_its_llvm_triple()
    {
        var (exit, output, _) = Run("targets", "list", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(TargetDatabase.All.Select(t => (t.Canonical, t.LlvmTriple, t.Subsystem.Name())),
            doc.RootElement.EnumerateArray().Select(e => (e.GetProperty("triple").GetString()!, e.GetProperty("llvmTriple").GetString()!, e.GetProperty("subsystem").GetString()!)));
    }

    [Fact]
    public void Show_of_an_alias_says_it_is_normalised_and_verbose_shows_each_rewrite()
    {
        var (exit, output, err) = Run("targets", "show", "riscv64gc-veridian");
        Assert.Equal(0, exit);
        Assert.Equal("", err);
        Assert.StartsWith("'riscv64gc-veridian' is normalised to 'riscv64-veridian-user-relibc'\n", output);
        Assert.Matches(@"(?m)^triple +riscv64-veridian-user-relibc$", output);
        Assert.Matches(@"(?m)^llvm abi +lp64d$", output);
        Assert.Matches(@"(?m)^code model +medany \(LLVM Medium\)$", output);

        var verbose = Run("targets", "show", "riscv64gc-veridian", "--verbose");
        Assert.Contains("note: riscv64gc-veridian: architecture 'riscv64gc' → 'riscv64'", verbose.Err);
        Assert.Contains("note: riscv64gc-veridian: no subsystem and abi: user-relibc", verbose.Err);
    }

    [Fact]
    public void Show_of_a_canonical_triple_prints_no_normalisation_line()
    {
        var (exit, output, _) = Run("targets", "show", "x86_64-veridian-kernel-none");
        Assert.Equal(0, exit);
        Assert.StartsWith("fact ", output);
        Assert.Matches(@"(?m)^load address +0x100000$", output);
        Assert.Matches(@"(?m)^clang args +--target=x86_64-unknown-none-elf .*-mcmodel=kernel .*-mno-red-zone -mgeneral-regs-only", output);
    }

    [Theory]
    [MemberData(nameof(Targets.All), MemberType = typeof(Targets))]
    public void Show_json_round_trips_through_the_parser_to_the_same_target(string triple)
    {
        var t = Targets.Get(triple);
        var (exit, output, _) = Run("targets", "show", triple, "--json", "--sysroot", "/s");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(triple, root.GetProperty("input").GetString());
        Assert.Same(t, TargetDatabase.Resolve(root.GetProperty("triple").GetString()!));
        var target = root.GetProperty("target");
        Assert.Same(t, TargetDatabase.Resolve(target.GetProperty("canonical").GetString()!));
        Assert.Equal(t.DataLayout, target.GetProperty("dataLayout").GetString());
        Assert.Equal(t.CodeModel.ToString().ToLowerInvariant(), target.GetProperty("codeModel").GetString());
        Assert.Equal(t.Qemu.Args, target.GetProperty("qemu").GetProperty("args").EnumerateArray().Select(a => a.GetString()!));
        Assert.Equal([.. t.ClangArgs, .. t.SysrootArgs("/s")], root.GetProperty("compileArgs").EnumerateArray().Select(a => a.GetString()!));
    }

    [Fact]
    public void Show_of_a_misspelled_architecture_reports_VDN2001_with_a_suggestion()
    {
        var (exit, output, err) = Run("targets", "show", "x86-64-veridian-user-relibc");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.StartsWith("error VDN2001: unknown architecture 'x86-64' in 'x86-64-veridian-user-relibc'; did you mean 'x86_64'?\n  hint: ", err);
    }

    [Fact]
    public void Show_of_a_driver_triple_not_in_the_database_reports_VDN2007()
    {
        var (exit, _, err) = Run("targets", "show", "aarch64-veridian-driver-relibc");
        Assert.Equal(1, exit);
        Assert.StartsWith("error VDN2007: no target 'aarch64-veridian-driver-relibc'", err);
    }

    [Fact]
    public void Emit_cmake_without_output_reports_VDN2009_and_writes_nothing()
    {
        var (exit, output, err) = Run("targets", "emit", "x86_64-veridian-kernel-none", "--format", "cmake");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.StartsWith("error VDN2009: format 'cmake' writes 2 files (Platform/VeridianOS.cmake beside the main file)", err);
        Assert.Contains("--output x86_64-veridian-kernel-none.cmake", err);
    }

    [Fact]
    public void Emit_of_an_unknown_format_is_a_bad_argument()
    {
        var (exit, _, err) = Run("targets", "emit", "x86_64-veridian-kernel-none", "--format", "bazel");
        Assert.Equal(1, exit);
        Assert.Contains("error VDN1003:", err);
    }

    [Fact]
    public void Emit_writes_to_stdout_or_to_the_output_file_with_its_companion()
    {
        var (exit, output, _) = Run("targets", "emit", "amd64-veridian", "-f", "rust", "--rust-llvm", "19");
        Assert.Equal(0, exit);
        Assert.Contains("\"llvm-target\": \"x86_64-unknown-none-elf\"", output);
        Assert.Contains("\"os\": \"veridian\"", output);

        var dir = Directory.CreateTempSubdirectory("vdn-cli-emit-");
        try
        {
            var file = Path.Combine(dir.FullName, "tc.cmake");
            var written = Run("targets", "emit", "arm64-veridian-kernel-none", "-f", "cmake", "-o", file, "--sysroot", dir.FullName);
            Assert.Equal(0, written.Exit);
            Assert.Equal("", written.Out);
            Assert.Contains("set(VERIDIAN_TARGET aarch64-veridian-kernel-none)", File.ReadAllText(file));
            Assert.True(File.Exists(Path.Combine(dir.FullName, "Platform", "VeridianOS.cmake")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
