using Veridian.Host;
using Veridian.Tests;

namespace Veridian.Cli.Tests;

public class HostPackagesTests
{
    [Fact]
    public void The_embedded_component_list_is_the_file_bootstrap_installs_from()
    {
        var onDisk = HostComponents.Parse(File.ReadAllText(Repo.PathOf("scripts", "host-packages.txt")));
        Assert.Equal(onDisk, HostComponents.All);
    }

    [Fact]
    public void A_malformed_component_line_names_its_line_number()
    {
        var e = Assert.Throws<FormatException>(() => HostComponents.Parse("# c\nclang | clang-19 | tool\n"));
        Assert.Contains("host-packages.txt:2:", e.Message);
    }

    [Fact]
    public void Bootstrap_check_installs_nothing_and_passes_when_all_is_present()
    {
        var r = Repo.Run(Repo.PathOf("scripts", "bootstrap-host"), ["--check"]);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("host packages are present", r.StdOut);
    }

    [Fact]
    public void Completion_script_uses_the_suggest_directive()
    {
        var (exit, output, _) = CliHarness.Run("completion", "bash");
        Assert.Equal(0, exit);
        Assert.Contains("[suggest:", output);
        Assert.Contains("complete -o default -F _veridian_complete veridian", output);
    }
}
