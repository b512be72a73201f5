namespace Veridian.Tests;

/// <summary>Large randomised checks against glibc, natively on x86_64 (docs/relibc.md, "Tests").</summary>
public sealed class PropertyTests
{
    [Fact]
    public void A_million_random_doubles_and_floats_print_and_read_back_byte_for_byte_as_with_glibc()
    {
        using var dir = new TempDir();
        Corpus.Compile("property/float-roundtrip", "x86_64-linux-gnu", dir["glibc"]);
        Corpus.Compile("property/float-roundtrip", "x86_64-linux-relibc", dir["relibc"]);
        string[] n = ["1000000"];
        var expected = Corpus.Run("x86_64-linux-gnu", dir["glibc"], dir.Path, n, timeoutMs: 600_000);
        var actual = Corpus.Run("x86_64-linux-relibc", dir["relibc"], dir.Path, n, timeoutMs: 600_000);
        Assert.Equal(0, expected.ExitCode);
        Assert.EndsWith("lost a bit: 0\n", expected.StdOut, StringComparison.Ordinal);
        Assert.Equal(expected.StdOut, actual.StdOut);
    }
}
