namespace Veridian.Tests;

/// <summary>
/// relibc-cs against glibc on the same machine (docs/relibc.md, "Tests"): each program of relibc-cs/tests/ is built for
/// &lt;arch&gt;-linux-gnu and &lt;arch&gt;-linux-relibc with the same command, run natively or under qemu-user, and
/// must print the same bytes and exit with the same status.
/// </summary>
public sealed class DifferentialTests
{
    [Theory]
    [MemberData(nameof(Corpus.Cases), MemberType = typeof(Corpus))]
    public void Program_prints_what_it_prints_against_glibc(string program, string arch)
    {
        using var dir = new TempDir();
        var glibc = dir[program + "-gnu"];
        var relibc = dir[program + "-relibc"];
        Corpus.Compile(program, arch + "-linux-gnu", glibc);
        Corpus.Compile(program, arch + "-linux-relibc", relibc);
        var expected = Corpus.Run(arch + "-linux-gnu", glibc, dir.Path);
        var actual = Corpus.Run(arch + "-linux-relibc", relibc, dir.Path);
        if (Corpus.Quarantine(program) is { } reason)
        {
            // glibc deviates from the standard here: the reviewed expectation decides, and glibc must still deviate.
            var standard = File.ReadAllText(Repo.PathOf("relibc-cs", "tests", program + ".expected"));
            Assert.Equal(standard, actual.StdOut);
            Assert.Equal(0, actual.ExitCode);
            Assert.True(expected.StdOut != standard, $"{program} is quarantined ({reason}), but glibc now prints the expected output: remove the entry");
            return;
        }
        Assert.Equal(expected.StdOut, actual.StdOut);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
    }
}

/// <summary>
/// string.h's x86_64 kernels are chosen by CPUID (docs/relibc.md, "string.h"): natively this machine takes the AVX2
/// ones, so the SSE2 ones run here under qemu-x86_64 with a CPU model that has no AVX.
/// </summary>
public sealed class StringKernelTests
{
    [Fact]
    public void The_SSE2_string_kernels_print_what_glibc_prints_on_a_CPU_without_AVX()
    {
        using var dir = new TempDir();
        var glibc = dir["string-edges-gnu"];
        var relibc = dir["string-edges-relibc"];
        Corpus.Compile("string-edges", "x86_64-linux-gnu", glibc);
        Corpus.Compile("string-edges", "x86_64-linux-relibc", relibc);
        var expected = Corpus.Run("x86_64-linux-gnu", glibc, dir.Path);
        var actual = Repo.Run("qemu-x86_64", ["-cpu", "Nehalem", relibc], dir.Path, timeoutMs: 120_000);
        Assert.Equal(expected.StdOut, actual.StdOut);
        Assert.Equal(0, actual.ExitCode);
    }
}
