using Veridian.Tests;
using Veridian.Triples;
using Veridian.Triples.Emit;

namespace Veridian.Toolchain.Tests;

/// <summary>veridian cc as CC: prefixed entry points and "veridian cc --target=..." under make, and CMake with the emitted toolchain file.</summary>
public sealed class BuildSystemTests
{
    private static string Project => Repo.PathOf("tests", "Veridian.Toolchain.Tests", "Fixtures", "project");

    private static string CopyProject(string dir)
    {
        var dest = Path.Combine(dir, "project");
        Directory.CreateDirectory(dest);
        foreach (var f in Directory.GetFiles(Project))
            File.Copy(f, Path.Combine(dest, Path.GetFileName(f)));
        return dest;
    }

    private static void AssertMachine(string obj, string machine) =>
        Assert.Contains(machine, Tools.ReadElf("-h", obj));

    [Fact]
    public void Make_builds_with_prefixed_compiler_and_archiver_on_PATH()
    {
        using var dir = new TempDir();
        var bin = Path.Combine(dir.Path, "bin");
        Cli.InstallShims(bin);
        var project = CopyProject(dir.Path);
        var env = new Dictionary<string, string?> { ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH") };
        var r = Repo.Run("make", ["-C", project, "CC=x86_64-veridian-kernel-none-cc", "AR=x86_64-veridian-kernel-none-ar"], environment: env);
        Assert.True(r.ExitCode == 0, r.ToString());
        AssertMachine(Path.Combine(project, "a.o"), "Advanced Micro Devices X86-64");
        Assert.Contains("demo.h", File.ReadAllText(Path.Combine(project, "a.d")));
        Assert.True(File.Exists(Path.Combine(project, "libdemo.a")));
        // A second make is a no-op (the depfiles name the real objects).
        r = Repo.Run("make", ["-C", project, "-q", "CC=x86_64-veridian-kernel-none-cc", "AR=x86_64-veridian-kernel-none-ar"], environment: env);
        Assert.True(r.ExitCode == 0, r.ToString());
    }

    [Fact]
    public void The_prefixed_compiler_answers_what_build_systems_probe_it_with()
    {
        using var dir = new TempDir();
        Cli.InstallShims(dir.Path);
        var cc = Path.Combine(dir.Path, "aarch64-veridian-user-relibc-cc");
        // Meson's linker detection: `cc -Wl,--version` names the linker, as clang's driver does.
        var r = Repo.Run(cc, ["-Wl,--version"]);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("LLD 19", r.StdOut, StringComparison.Ordinal);
        // Its predefined macros: `cc -E -dM -` reads standard input as C.
        r = Repo.Run(cc, ["-E", "-dM", "-"], stdin: "");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("#define __veridian__ 1", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("#define __aarch64__ 1", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Make_builds_with_veridian_cc_and_a_target_flag_as_CC()
    {
        using var dir = new TempDir();
        var project = CopyProject(dir.Path);
        var r = Repo.Run("make", ["-C", project, $"CC={Cli.Exe} cc --target=riscv64-veridian-kernel-none", $"AR={Cli.Exe} ar"]);
        Assert.True(r.ExitCode == 0, r.ToString());
        AssertMachine(Path.Combine(project, "b.o"), "RISC-V");
    }

    [Theory]
    [InlineData("aarch64-veridian-kernel-none", "AArch64")]
    [InlineData("x86_64-veridian-user-relibc", "Advanced Micro Devices X86-64")]
    public void CMake_builds_with_the_emitted_toolchain_file_and_prefixed_compilers(string triple, string machine)
    {
        using var dir = new TempDir();
        var bin = Path.Combine(dir.Path, "bin");
        Cli.InstallShims(bin);
        var project = CopyProject(dir.Path);
        var toolchain = Path.Combine(dir.Path, "toolchain", "veridian.cmake");
        TargetEmitter.Emit(TargetDatabase.Resolve(triple), EmitFormat.CMake, new EmitOptions
        {
            Sysroot = Path.Combine(dir.Path, "sysroot"),
            CCompiler = Path.Combine(bin, triple + "-cc"),
            CxxCompiler = Path.Combine(bin, triple + "-c++"),
            Archiver = Path.Combine(bin, triple + "-ar"),
        }).WriteTo(toolchain);
        var build = Path.Combine(dir.Path, "build");
        var r = Repo.Run("cmake", ["-G", "Ninja", $"-DCMAKE_TOOLCHAIN_FILE={toolchain}", "-S", project, "-B", build]);
        Assert.True(r.ExitCode == 0, r.ToString());
        r = Repo.Run("cmake", ["--build", build]);
        Assert.True(r.ExitCode == 0, r.ToString());
        var objects = Directory.GetFiles(Path.Combine(build, "CMakeFiles", "demo.dir"), "*.o", SearchOption.AllDirectories);
        Assert.Equal(2, objects.Length);
        foreach (var o in objects)
            AssertMachine(o, machine);
        Assert.True(File.Exists(Path.Combine(build, "libdemo.a")));
    }
}
