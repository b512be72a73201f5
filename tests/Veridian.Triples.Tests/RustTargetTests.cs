using Veridian.Tests;
using Veridian.Triples;
using Veridian.Triples.Emit;

namespace Veridian.Triples.Tests;

/// <summary>The emitted Rust target spec, checked by the real rustc (skipped with a reason when rustc is absent).</summary>
public sealed class RustTargetTests
{
    private static readonly Lazy<int> s_rustcLlvm = new(() =>
        RustcProbe.LlvmMajor(HostTool.Find("rustc")!) ?? throw new InvalidOperationException("rustc -vV names no LLVM version"));

    [RustcTheory]
    [MemberData(nameof(Targets.All), MemberType = typeof(Targets))]
    public void Rustc_accepts_the_spec_prints_the_targets_cfg_and_compiles_for_it(string triple)
    {
        var t = Targets.Get(triple);
        var rustc = HostTool.Find("rustc")!;
        var dir = Directory.CreateTempSubdirectory("vdn-rust-");
        try
        {
            var spec = Path.Combine(dir.FullName, t.Canonical + ".json");
            TargetEmitter.Emit(t, EmitFormat.Rust, new EmitOptions { Sysroot = "/sysroot", RustLlvmMajor = s_rustcLlvm.Value }).WriteTo(spec);
            var env = new Dictionary<string, string?> { ["RUSTC_BOOTSTRAP"] = "1" };

            var cfg = Repo.Run(rustc, ["-Zunstable-options", "--print", "cfg", "--target", spec], dir.FullName, env, 60_000);
            Assert.True(cfg.ExitCode == 0, cfg.ToString());
            var lines = cfg.StdOut.Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
            Assert.Contains($"target_os=\"{t.Os.Name()}\"", lines);
            Assert.Contains($"target_arch=\"{t.Arch.Name()}\"", lines);
            Assert.Contains($"target_pointer_width=\"{t.PointerWidth}\"", lines);
            Assert.Contains($"target_has_atomic=\"{t.MaxAtomicWidth}\"", lines);
            Assert.Contains($"target_env=\"{(t.Abi == Abi.None ? "" : t.Abi.Name())}\"", lines);
            Assert.Equal(t.Abi != Abi.None, lines.Contains("target_family=\"unix\""));

            // Code generation too: rustc checks the data layout against its LLVM's, then writes an object.
            var obj = Path.Combine(dir.FullName, "probe.o");
            var build = Repo.Run(rustc, ["-Zunstable-options", "--target", spec, "--emit=obj", "-O",
                Repo.PathOf("tests", "Veridian.Triples.Tests", "Fixtures", "rust", "probe.rs"), "-o", obj], dir.FullName, env, 120_000);
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Equal((t.ElfMachine, t.ElfFlags), Elf.Header(obj));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(19, "e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128-Fn32")]
    [InlineData(22, "e-m:e-p270:32:32-p271:32:32-p272:64:64-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128-Fn32")]
    public void AArch64_spec_uses_the_data_layout_of_the_rustc_LLVM_it_is_written_for(int llvm, string layout)
    {
        var json = TargetEmitter.Emit(Targets.Get("aarch64-veridian-kernel-none"), EmitFormat.Rust, new EmitOptions { Sysroot = "/s", RustLlvmMajor = llvm }).Main;
        Assert.Contains($"\"data-layout\": \"{layout}\"", json);
    }

    [Fact]
    public void Rustc_LLVM_version_is_read_from_rustc_verbose_version()
    {
        Assert.Equal(22, RustcProbe.ParseLlvmMajor("rustc 1.95.0 (59807616e 2026-04-14)\nbinary: rustc\nLLVM version: 22.1.2\n"));
        Assert.Null(RustcProbe.ParseLlvmMajor("rustc 1.95.0\n"));
        Assert.Null(RustcProbe.LlvmMajor("/nonexistent/rustc"));
    }
}
