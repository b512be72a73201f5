using Veridian.Triples;

namespace Veridian.Tests;

/// <summary>The sysroot `veridian cc` builds on demand for the *-linux-relibc targets (docs/relibc.md, "Sysroot").</summary>
public sealed class SysrootTests
{
    private static string Sysroot(string triple) => Repo.PathOf("artifacts", "sysroot", triple);

    [Theory]
    [InlineData("x86_64-linux-relibc")]
    [InlineData("aarch64-linux-relibc")]
    [InlineData("riscv64-linux-relibc")]
    public void Compiling_for_a_relibc_target_leaves_the_documented_sysroot_and_a_second_compile_reinstalls_nothing(string triple)
    {
        using var dir = new TempDir();
        Corpus.Compile("exit", triple, dir["first"]);
        string[] layout = ["include/stdio.h", "include/errno.h", "lib/crt1.o", "lib/crti.o", "lib/crtn.o", "lib/libc.a", "lib/libm.a", "lib/libpthread.a"];
        foreach (var file in layout)
            Assert.True(File.Exists(Path.Combine(Sysroot(triple), file)), $"{triple}: no {file} in the sysroot");
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(Sysroot(triple), ".relibc-manifest"));
        var libc = File.GetLastWriteTimeUtc(Path.Combine(Sysroot(triple), "lib", "libc.a"));

        Corpus.Compile("exit", triple, dir["second"]);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(Sysroot(triple), ".relibc-manifest")));
        Assert.Equal(libc, File.GetLastWriteTimeUtc(Path.Combine(Sysroot(triple), "lib", "libc.a")));
        // Same inputs, same bytes: the two programs are identical.
        Assert.Equal(File.ReadAllBytes(dir["first"]), File.ReadAllBytes(dir["second"]));
    }

    [Fact]
    public void A_relibc_program_is_static_with_no_interpreter_and_links_only_what_it_uses()
    {
        using var dir = new TempDir();
        Corpus.Compile("exit", "x86_64-linux-relibc", dir["exit"]);
        var bytes = File.ReadAllBytes(dir["exit"]);
        Assert.Equal(2, BitConverter.ToUInt16(bytes, 16)); // e_type ET_EXEC: static, not PIE
        Assert.DoesNotContain("/lib64/ld-linux", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        // exit.c uses stdio and atexit, not the allocator: malloc must not be in the image.
        Assert.DoesNotContain("malloc", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }
}

/// <summary>relibc-cs/COVERAGE.md is generated (scripts/relibc-coverage) and must match the code.</summary>
public sealed class CoverageTests
{
    [Fact]
    public void COVERAGE_md_lists_what_the_sources_export_today()
    {
        var result = Repo.Run(Repo.PathOf("scripts", "relibc-coverage"), ["--check"], timeoutMs: 120_000);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}

/// <summary>A veridian.toml executable for a relibc target builds and runs like `veridian cc` output.</summary>
public sealed class ProjectTests
{
    [Fact]
    public void A_project_for_x86_64_linux_relibc_builds_against_relibc_and_runs()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["veridian.toml"], """
            [project]
            name = "greet"
            version = "1.0.0"
            kind = "executable"
            languages = ["c"]
            sources = ["main.c"]
            targets = ["x86_64-linux-relibc"]
            """);
        File.WriteAllText(dir["main.c"], "#include <stdio.h>\nint main(void) { printf(\"%s %d\\n\", \"greet\", 7); return 5; }\n");
        var build = VeridianCli.Run(["build", dir.Path], environment: Corpus.Environment);
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = Corpus.Run("x86_64-linux-relibc", dir["out/x86_64-linux-relibc/debug/greet"], dir.Path);
        Assert.Equal(("greet 7\n", 5), (run.StdOut, run.ExitCode));
    }
}

/// <summary>C# programs on relibc-cs: `veridian cs build` links them against the same sysroot.</summary>
public sealed class CSharpOnRelibcTests
{
    [Theory]
    [InlineData("x86_64")]
    [InlineData("aarch64")]
    [InlineData("riscv64")]
    public void A_CSharp_program_calls_relibc_through_DllImport(string arch)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["hi.cs"], """
            using System.Runtime.InteropServices;
            static unsafe class Program
            {
                [DllImport("c", EntryPoint = "puts")] static extern int Puts(byte* s);
                [DllImport("c", EntryPoint = "strlen")] static extern nuint StrLen(byte* s);
                static int Main()
                {
                    fixed (byte* p = "hello from C# on relibc-cs"u8) { Puts(p); return (int)StrLen(p); }
                }
            }
            """);
        var triple = arch + "-linux-relibc";
        var build = VeridianCli.Run(["cs", "build", "--target", triple, "-O2", "-o", dir["hi"], dir["hi.cs"]], dir.Path, Corpus.Environment);
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = Corpus.Run(triple, dir["hi"], dir.Path);
        Assert.Equal(("hello from C# on relibc-cs\n", 26), (run.StdOut, run.ExitCode));
    }
}
