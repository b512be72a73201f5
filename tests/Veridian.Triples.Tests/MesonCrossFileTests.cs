using Veridian.Tests;
using Veridian.Triples;
using Veridian.Triples.Emit;

namespace Veridian.Triples.Tests;

/// <summary>
/// The emitted Meson cross file sets up and builds the fixture project. Three targets cover every architecture,
/// both subsystems and the x86_64 link-through-gcc case, at half the cost of all six (meson setup is slow).
/// </summary>
public sealed class MesonCrossFileTests
{
    [MesonTheory]
    [InlineData("x86_64-veridian-kernel-none")]
    [InlineData("aarch64-veridian-user-relibc")]
    [InlineData("riscv64-veridian-kernel-none")]
    public void Fixture_project_sets_up_and_builds_with_the_emitted_cross_file(string triple)
    {
        var t = Targets.Get(triple);
        var dir = Directory.CreateTempSubdirectory("vdn-meson-");
        try
        {
            var sysroot = Path.Combine(dir.FullName, "sysroot");
            if (t.Sysroot == SysrootKind.Veridian)
                Directory.CreateDirectory(t.IncludeDir(sysroot)!);
            var cross = Path.Combine(dir.FullName, t.Canonical + ".ini");
            TargetEmitter.Emit(t, EmitFormat.Meson, new EmitOptions { Sysroot = sysroot }).WriteTo(cross);

            // clang-19 hands x86_64-unknown-none-elf links to gcc, which looks for ld.lld on PATH (docs/triples.md).
            var env = new Dictionary<string, string?>
            {
                ["PATH"] = "/usr/lib/llvm-19/bin:" + Environment.GetEnvironmentVariable("PATH"),
            };
            var build = Path.Combine(dir.FullName, "build");
            var source = Repo.PathOf("tests", "Veridian.Triples.Tests", "Fixtures", "meson-c");
            var setup = Repo.Run(HostTool.Find("meson")!, ["setup", "--cross-file", cross, $"-Dkernel={(t.IsKernel ? "true" : "false")}", build, source], dir.FullName, env, 120_000);
            Assert.True(setup.ExitCode == 0, setup.ToString());
            var ninja = Repo.Run(HostTool.Find("ninja")!, ["-C", build], dir.FullName, env, 120_000);
            Assert.True(ninja.ExitCode == 0, ninja.ToString());

            var obj = Directory.GetFiles(build, "*fixture.c.o", SearchOption.AllDirectories).Single();
            Assert.Equal((t.ElfMachine, t.ElfFlags), Elf.Header(obj));
            var probe = Path.Combine(build, "kernel_probe");
            Assert.Equal(t.IsKernel, File.Exists(probe));
            if (t.IsKernel)
                Assert.Equal((t.ElfMachine, t.ElfFlags), Elf.Header(probe));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
