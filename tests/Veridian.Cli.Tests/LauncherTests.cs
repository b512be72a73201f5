using Veridian.Tests;

namespace Veridian.Cli.Tests;

/// <summary>The ./veridian launcher, run as a user would.</summary>
public class LauncherTests
{
    [Fact]
    public void A_second_start_with_no_source_change_builds_nothing()
    {
        var first = Repo.Run(Repo.PathOf("veridian"), ["--version"]);
        Assert.True(first.ExitCode == 0, first.ToString());
        var second = Repo.Run(Repo.PathOf("veridian"), ["--version"]);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.DoesNotContain("building the CLI", second.StdErr);
        Assert.Contains("libLLVM", second.StdOut);
    }

    [Fact]
    public void The_launcher_passes_the_exit_code_through()
    {
        var r = Repo.Run(Repo.PathOf("veridian"), ["frobnicate"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error VDN1001", r.StdErr);
    }
}
