using Veridian.Diagnostics;

namespace Veridian.Cli.Tests;

public class SuggestTests
{
    [Theory]
    [InlineData("x86-64", "x86_64")]
    [InlineData("aarch46", "aarch64")]
    [InlineData("riscv", "riscv64")]
    public void Closest_finds_the_plausible_typo(string input, string expected) =>
        Assert.Equal(expected, Suggest.Closest(input, ["x86_64", "aarch64", "riscv64"]));

    [Fact]
    public void Closest_returns_null_when_nothing_is_close() =>
        Assert.Null(Suggest.Closest("frobnicate", ["doctor", "completion"]));
}
