namespace Veridian.Cli.Tests;

public class ErrorReportingTests
{
    [Fact]
    public void Unknown_command_exits_1_with_VDN1001_and_a_list_of_commands()
    {
        var (exit, _, err) = CliHarness.Run("frobnicate");
        Assert.Equal(1, exit);
        Assert.StartsWith("error VDN1001: unknown command 'frobnicate'", err);
        Assert.Contains("hint: the commands are:", err);
        Assert.Contains("doctor", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Theory]
    [InlineData("doctr", "doctor")]
    [InlineData("docter", "doctor")]
    [InlineData("completoin", "completion")]
    public void A_misspelt_command_gets_a_did_you_mean(string typed, string expected)
    {
        var (exit, _, err) = CliHarness.Run(typed);
        Assert.Equal(1, exit);
        Assert.Contains($"did you mean '{expected}'?", err);
    }

    [Fact]
    public void An_unknown_option_exits_1_with_VDN1003_and_names_the_command_help()
    {
        var (exit, _, err) = CliHarness.Run("doctor", "--frob");
        Assert.Equal(1, exit);
        Assert.Contains("error VDN1003:", err);
        Assert.Contains("'veridian doctor --help'", err);
    }

    [Fact]
    public void A_bad_color_value_is_a_user_error_not_a_crash()
    {
        var (exit, _, err) = CliHarness.Run("--color", "purple", "doctor");
        Assert.Equal(1, exit);
        Assert.Contains("error VDN1003:", err);
    }

    [Fact]
    public void Help_lists_the_commands_and_global_options()
    {
        var (exit, output, _) = CliHarness.Run("--help");
        Assert.Equal(0, exit);
        Assert.Contains("doctor", output);
        Assert.Contains("--verbose", output);
        Assert.Contains("--color", output);
    }
}
