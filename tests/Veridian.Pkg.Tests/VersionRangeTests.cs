using Veridian.Pkg.Format;

namespace Veridian.Pkg.Tests;

/// <summary>Semantic version precedence (semver.org §11) and the range comparators of dependencies.</summary>
public class VersionRangeTests
{
    [Theory]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1")]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha.beta")]
    [InlineData("1.0.0-alpha.beta", "1.0.0-beta")]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.11")]
    [InlineData("1.0.0-rc.1", "1.0.0")]
    [InlineData("1.9.0", "1.10.0")]
    [InlineData("0.3.0", "1.0.0")]
    public void Versions_order_by_semver_precedence(string lower, string higher)
    {
        Assert.True(SemVersion.Parse(lower).CompareTo(SemVersion.Parse(higher)) < 0);
        Assert.True(SemVersion.Parse(higher).CompareTo(SemVersion.Parse(lower)) > 0);
    }

    [Fact]
    public void Build_metadata_does_not_change_precedence() => Assert.Equal(SemVersion.Parse("1.2.3+a"), SemVersion.Parse("1.2.3+b"));

    [Theory]
    [InlineData(">=0.3.0, <0.4.0", "0.3.5", true)]
    [InlineData(">=0.3.0, <0.4.0", "0.4.0", false)]
    [InlineData("^1.2.0", "1.9.9", true)]
    [InlineData("^1.2.0", "2.0.0-rc.1", false)]
    [InlineData("^0.2.3", "0.2.9", true)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("~1.2.0", "1.2.7", true)]
    [InlineData("~1.2.0", "1.3.0", false)]
    [InlineData("=1.2.3", "1.2.3", true)]
    [InlineData(">1.2.3", "1.2.3", false)]
    [InlineData("<=1.2.3", "1.2.3", true)]
    [InlineData("*", "9.9.9", true)]
    public void Ranges_hold_exactly_their_versions(string range, string version, bool inside) =>
        Assert.Equal(inside, VersionRange.Parse(range).Contains(SemVersion.Parse(version)));

    [Theory]
    [InlineData(">=1.0")]
    [InlineData("1.0.0")]
    [InlineData(">=1.0.0,, <2.0.0")]
    public void Malformed_ranges_are_refused(string range) => Assert.False(VersionRange.TryParse(range, out _, out _));
}
