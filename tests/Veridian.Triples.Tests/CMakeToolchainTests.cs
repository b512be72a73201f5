using System.Text.Json;
using Veridian.Tests;
using Veridian.Triples;
using Veridian.Triples.Emit;

namespace Veridian.Triples.Tests;

/// <summary>
/// The emitted toolchain file configures and builds the fixture C project for one kernel and one user target per
/// architecture: a static library everywhere, and a linked executable for kernels (user programs need the sysroot).
/// </summary>
public sealed class CMakeToolchainTests
{
    [CMakeTheory]
    [MemberData(nameof(Targets.KernelAndUserPerArch), MemberType = typeof(Targets))]
    public void Fixture_project_configures_and_builds_with_the_emitted_toolchain_file(string triple)
    {
        var t = Targets.Get(triple);
        var cmake = HostTool.Find("cmake")!;
        var dir = Directory.CreateTempSubdirectory("vdn-cmake-");
        try
        {
            var toolchain = Path.Combine(dir.FullName, "toolchain", t.Canonical + ".cmake");
            var sysroot = Path.Combine(dir.FullName, "sysroot");
            TargetEmitter.Emit(t, EmitFormat.CMake, new EmitOptions { Sysroot = sysroot }).WriteTo(toolchain);
            Assert.True(File.Exists(Path.Combine(dir.FullName, "toolchain", "Platform", "VeridianOS.cmake")));
            if (t.Sysroot == SysrootKind.Veridian)
                Directory.CreateDirectory(t.IncludeDir(sysroot)!);

            var build = Path.Combine(dir.FullName, "build");
            var source = Repo.PathOf("tests", "Veridian.Triples.Tests", "Fixtures", "cmake-c");
            var configure = Repo.Run(cmake, ["-S", source, "-B", build, $"-DCMAKE_TOOLCHAIN_FILE={toolchain}"], dir.FullName, timeoutMs: 120_000);
            Assert.True(configure.ExitCode == 0, configure.ToString());
            Assert.Contains($"veridian target: {t.Canonical}", configure.StdOut);
            Assert.DoesNotContain("System is unknown to cmake", configure.StdErr);

            var compile = Repo.Run(cmake, ["--build", build], dir.FullName, timeoutMs: 120_000);
            Assert.True(compile.ExitCode == 0, compile.ToString());

            // The object is for the target (e_machine, e_flags), compiled with the target's flags.
            var obj = Directory.GetFiles(build, "fixture.c.o", SearchOption.AllDirectories).Single();
            Assert.Equal((t.ElfMachine, t.ElfFlags), Elf.Header(obj));
            using var commands = JsonDocument.Parse(File.ReadAllText(Path.Combine(build, "compile_commands.json")));
            var command = commands.RootElement.EnumerateArray().Select(e => e.GetProperty("command").GetString()!)
                .Single(c => c.Contains("fixture.c", StringComparison.Ordinal) && !c.Contains("kernel_probe", StringComparison.Ordinal));
            Assert.Contains($"--target={t.LlvmTriple}", command);
            foreach (var flag in t.ClangArgs.Where(a => !a.StartsWith("--target=", StringComparison.Ordinal)))
                Assert.Contains(" " + flag, command);
            if (t.Sysroot == SysrootKind.Veridian)
                Assert.Contains($"--sysroot={sysroot}", command);

            // Kernels need no C library, so the fixture also links an executable for them, with ld.lld-19.
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
