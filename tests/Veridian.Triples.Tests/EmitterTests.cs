using Veridian.Tests;
using Veridian.Triples;
using Veridian.Triples.Emit;

namespace Veridian.Triples.Tests;

public sealed class EmitterTests
{
    private static readonly EmitOptions s_golden = new() { Sysroot = "/opt/veridian/sysroot", RustLlvmMajor = 19 };

    public static TheoryData<string, EmitFormat> EveryTargetAndFormat
    {
        get
        {
            var data = new TheoryData<string, EmitFormat>();
            foreach (var t in TargetDatabase.All)
            {
                foreach (var f in Enum.GetValues<EmitFormat>().Where(f => f != EmitFormat.LinkerScript || t.IsKernel))
                    data.Add(t.Canonical, f);
            }
            return data;
        }
    }

    /// <summary>
    /// Golden files under Golden/&lt;triple&gt;/ are the review copy of every emitted file. After an intended change,
    /// regenerate them with VERIDIAN_UPDATE_GOLDEN=1 and review the diff.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryTargetAndFormat))]
    public void Emitted_file_matches_its_golden_copy(string triple, EmitFormat format)
    {
        var t = Targets.Get(triple);
        var result = TargetEmitter.Emit(t, format, s_golden);
        var files = new List<(string Path, string Text)> { (TargetEmitter.DefaultFileName(t, format), result.Main) };
        files.AddRange(result.Companions.Select(c => (c.RelativePath, c.Content)));
        foreach (var (path, text) in files)
        {
            var golden = Repo.PathOf("tests", "Veridian.Triples.Tests", "Golden", triple, path);
            if (Environment.GetEnvironmentVariable("VERIDIAN_UPDATE_GOLDEN") == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
                File.WriteAllText(golden, text);
            }
            Assert.True(File.Exists(golden), $"missing golden file {golden}; run with VERIDIAN_UPDATE_GOLDEN=1");
            Assert.Equal(File.ReadAllText(golden), text);
        }
    }

    [Theory]
    [MemberData(nameof(Targets.All), MemberType = typeof(Targets))]
    public void Stock_clang_with_the_emitted_config_file_compiles_for_the_target(string triple)
    {
        var t = Targets.Get(triple);
        var dir = Directory.CreateTempSubdirectory("vdn-cfg-");
        try
        {
            var sysroot = Path.Combine(dir.FullName, "sysroot");
            var cfg = Path.Combine(dir.FullName, t.Canonical + ".cfg");
            TargetEmitter.Emit(t, EmitFormat.ClangCfg, new EmitOptions { Sysroot = sysroot }).WriteTo(cfg);
            if (t.Sysroot == SysrootKind.Veridian)
                Directory.CreateDirectory(t.IncludeDir(sysroot)!);
            var c = Path.Combine(dir.FullName, "x.c");
            File.WriteAllText(c, "#ifndef __veridian__\n#ifndef __linux__\n#error no target macro\n#endif\n#endif\nint triple(int x) { return x * 3; }\n");
            var obj = Path.Combine(dir.FullName, "x.o");
            var r = Repo.Run(Clang.Path, [$"--config={cfg}", "-c", c, "-o", obj], dir.FullName, timeoutMs: 60_000);
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.DoesNotContain("warning", r.StdErr);
            Assert.Equal((t.ElfMachine, t.ElfFlags), Elf.Header(obj));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Clang_args_are_the_targets_flags_then_the_sysroot_include_flags_on_one_line()
    {
        var t = Targets.Get("aarch64-veridian-user-relibc");
        var text = TargetEmitter.Emit(t, EmitFormat.ClangArgs, new EmitOptions { Sysroot = "/my sysroot" }).Main;
        Assert.Equal(
            string.Join(' ', t.ClangArgs) + " '--sysroot=/my sysroot' -nostdlibinc -isystem '/my sysroot/aarch64-veridian-user-relibc/include'\n",
            text);
    }

    [Fact]
    public void Writing_replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        var dir = Directory.CreateTempSubdirectory("vdn-write-");
        try
        {
            var path = Path.Combine(dir.FullName, "out", "tc.cmake");
            var t = Targets.Get("x86_64-veridian-kernel-none");
            TargetEmitter.Emit(Targets.Get("riscv64-veridian-user-relibc"), EmitFormat.CMake, s_golden).WriteTo(path);
            var result = TargetEmitter.Emit(t, EmitFormat.CMake, s_golden);
            result.WriteTo(path);
            Assert.Equal(result.Main, File.ReadAllText(path));
            Assert.Equal(CMakeEmitter.PlatformModule, File.ReadAllText(Path.Combine(dir.FullName, "out", "Platform", "VeridianOS.cmake")));
            Assert.Equal(["Platform", "tc.cmake"], Directory.GetFileSystemEntries(Path.Combine(dir.FullName, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Linux_cmake_toolchain_uses_the_Linux_platform_and_qemu_user_as_emulator()
    {
        var result = TargetEmitter.Emit(Targets.Get("riscv64-linux-gnu"), EmitFormat.CMake, s_golden);
        Assert.Empty(result.Companions);
        Assert.Contains("set(CMAKE_SYSTEM_NAME Linux)", result.Main);
        Assert.Contains("set(CMAKE_CROSSCOMPILING_EMULATOR \"qemu-riscv64;-L;/usr/riscv64-linux-gnu\")", result.Main);
        Assert.Contains("set(CMAKE_FIND_ROOT_PATH \"/usr/riscv64-linux-gnu\")", result.Main);
    }

    [Fact]
    public void Meson_cross_file_names_the_host_machine_and_the_exe_wrapper()
    {
        var text = TargetEmitter.Emit(Targets.Get("aarch64-linux-gnu"), EmitFormat.Meson, s_golden).Main;
        Assert.Contains("exe_wrapper = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']", text);
        Assert.Contains("[host_machine]\nsystem = 'linux'\ncpu_family = 'aarch64'\ncpu = 'aarch64'\nendian = 'little'\n", text);
        var kernel = TargetEmitter.Emit(Targets.Get("riscv64-veridian-kernel-none"), EmitFormat.Meson, s_golden).Main;
        Assert.Contains("system = 'veridian'", kernel);
        Assert.Contains("needs_exe_wrapper = true", kernel);
        Assert.Contains("'-mcmodel=medany'", kernel);
    }
}
