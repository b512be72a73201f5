using Veridian.Tests;
using Veridian.Triples;

namespace Veridian.Toolchain.Tests;

/// <summary>
/// ABI interoperability: one side of every call compiled by our pipeline, the other by clang-19 -c (and by the cross
/// gcc when installed), linked by veridian cc, run under qemu-user against Debian's cross glibc.
/// </summary>
public sealed class InteropTests
{
    private const string Expected = "total=176 ld=4.50 big_hi=192 vs=10.75\n";

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var arch in new[] { "x86_64", "aarch64", "riscv64" })
        {
            data.Add(arch, "clang", false);
            data.Add(arch, "clang", true);
            // The cross gcc is a host package (scripts/host-packages.txt); rows exist only where it is installed.
            if (File.Exists(Gcc(arch)))
                data.Add(arch, "gcc", false);
        }
        return data;
    }

    private static string Gcc(string arch) => arch == "x86_64" ? "/usr/bin/gcc" : $"/usr/bin/{arch}-linux-gnu-gcc";

    [Theory]
    [MemberData(nameof(Cases))]
    public void Objects_from_our_pipeline_interoperate_with_another_compilers(string arch, string other, bool oursIsCaller)
    {
        var target = TargetDatabase.Resolve($"{arch}-linux-gnu");
        var gcc = Gcc(arch);
        using var dir = new TempDir();
        var fixtures = Repo.PathOf("tests", "Veridian.Toolchain.Tests", "Fixtures", "interop");
        var (ours, theirs) = oursIsCaller ? ("caller", "callee") : ("callee", "caller");
        var r = Cli.Run(dir.Path, "cc", $"--target={target.Canonical}", "-O2", "-c", Path.Combine(fixtures, ours + ".c"), "-o", "ours.o");
        Assert.True(r.ExitCode == 0, r.ToString());
        var theirsCmd = other == "clang"
            ? Repo.Run("clang-19", [$"--target={target.LlvmTriple}", "-O2", "-c", Path.Combine(fixtures, theirs + ".c"), "-o", "theirs.o"], dir.Path)
            : Repo.Run(gcc, ["-O2", "-c", Path.Combine(fixtures, theirs + ".c"), "-o", "theirs.o"], dir.Path);
        Assert.True(theirsCmd.ExitCode == 0, theirsCmd.ToString());
        r = Cli.Run(dir.Path, "cc", $"--target={target.Canonical}", "ours.o", "theirs.o", "-o", "prog");
        Assert.True(r.ExitCode == 0, r.ToString());
        var run = arch == "x86_64"
            ? Repo.Run(Path.Combine(dir.Path, "prog"), [], dir.Path)
            : Repo.Run(target.Qemu.Binary, [.. target.Qemu.Args, Path.Combine(dir.Path, "prog")], dir.Path);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Expected, run.StdOut);
    }

    [Theory]
    [InlineData("x86_64", "O0")]
    [InlineData("aarch64", "O2")]
    [InlineData("riscv64", "O2")]
    public void Constructors_and_destructors_run_in_priority_order(string arch, string opt)
    {
        var target = TargetDatabase.Resolve($"{arch}-linux-gnu");
        using var dir = new TempDir();
        var r = Cli.Run(dir.Path, "cc", $"--target={target.Canonical}", "-" + opt, Repo.PathOf("tests", "Veridian.Toolchain.Tests", "Fixtures", "ctors.c"), "-o", "prog");
        Assert.True(r.ExitCode == 0, r.ToString());
        var run = arch == "x86_64"
            ? Repo.Run(Path.Combine(dir.Path, "prog"), [], dir.Path)
            : Repo.Run(target.Qemu.Binary, [.. target.Qemu.Args, Path.Combine(dir.Path, "prog")], dir.Path);
        Assert.Equal("ctor 200\nctor default\nmain\ndtor\n", run.StdOut);
    }

    [Fact]
    public void Cxx_driver_links_the_cxx_standard_library_on_linux()
    {
        // x86_64 only: the cross targets' libstdc++ has no development link (package libstdc++-12-dev-<arch>-cross).
        using var dir = new TempDir();
        var r = Cli.Run(dir.Path, "c++", "--target=x86_64-linux-gnu", "-O2", "-std=c++20", Repo.PathOf("tests", "Veridian.Toolchain.Tests", "Fixtures", "hello.cpp"), "-o", "hello");
        Assert.True(r.ExitCode == 0, r.ToString());
        var run = Repo.Run(Path.Combine(dir.Path, "hello"), [], dir.Path);
        Assert.Equal("hello from c++ 35\n", run.StdOut);
    }
}
