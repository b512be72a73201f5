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

    [Fact]
    public void A_hundred_thousand_random_inputs_per_libm_function_are_within_one_ulp_of_glibcs_long_double()
    {
        // libm-values (relibc-cs) writes its results; libm-check (glibc) regenerates the inputs and measures them
        // against expl, logl, powl, sinl … (x87 extended precision), and exits 1 if any is more than 1 ulp away.
        using var dir = new TempDir();
        Corpus.Compile("property/libm-values", "x86_64-linux-relibc", dir["values"]);
        Corpus.Compile("property/libm-check", "x86_64-linux-gnu", dir["check"]);
        string[] args = ["100000", dir["values.bin"]];
        var values = Corpus.Run("x86_64-linux-relibc", dir["values"], dir.Path, args, timeoutMs: 600_000);
        Assert.True(values.ExitCode == 0, values.ToString());
        var check = Corpus.Run("x86_64-linux-gnu", dir["check"], dir.Path, args, timeoutMs: 600_000);
        Assert.True(check.ExitCode == 0, check.StdOut + check.StdErr);
        Assert.EndsWith("every result within 1 ulp\n", check.StdOut, StringComparison.Ordinal);
    }
}
