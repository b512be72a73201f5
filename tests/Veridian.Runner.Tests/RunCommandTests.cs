using Veridian.Tests;
using Veridian.Triples;

namespace Veridian.Runner.Tests;

/// <summary>`veridian run` on Linux programs: arguments after `--` reach the program; its exit status is the command's.</summary>
public class RunCommandTests
{
    [Theory]
    [InlineData("x86_64-linux-gnu")]
    [InlineData("aarch64-linux-gnu")]
    [InlineData("riscv64-linux-gnu")]
    public void A_linux_program_gets_the_arguments_after_the_separator_and_its_exit_status_is_the_commands(string triple)
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.Combine("args.c"), """
            #include <stdio.h>
            int main(int argc, char **argv) {
                for (int i = 1; i < argc; ++i) printf("[%s]", argv[i]);
                printf("\n");
                return argc;
            }
            """);
        var target = TargetDatabase.Resolve(triple);
        EngineBuild.Program(target, temp.Path, "args.c", 2, "args", temp.Path);

        var r = VeridianCli.Run(["run", "--target", triple, temp.Combine("args"), "--", "one", "two words", "--three"]);
        Assert.True(r.ExitCode == 4, $"exit {r.ExitCode}\n{r.StdOut}\n{r.StdErr}");
        Assert.Equal("[one][two words][--three]\n", r.StdOut);
    }

    [Fact]
    public void A_timeout_that_is_not_positive_is_a_usage_error()
    {
        var r = VeridianCli.Run(["run", "--target", "x86_64-linux-gnu", "--timeout", "0", "/bin/true"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error VDN1003: --timeout must be a positive number of seconds", r.StdErr);
    }

    [Fact]
    public void An_unknown_target_reports_the_triples_diagnostic()
    {
        var r = VeridianCli.Run(["run", "--target", "sparc-linux-gnu", "/bin/true"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error VDN2001", r.StdErr);
    }
}
