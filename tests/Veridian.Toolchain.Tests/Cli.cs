using Veridian.Tests;

namespace Veridian.Toolchain.Tests;

/// <summary>The veridian executable (<see cref="VeridianCli"/>), run as a child process.</summary>
internal static class Cli
{
    public static string Exe => VeridianCli.Exe;

    public static ProcessResult Run(string workingDirectory, params string[] args) => VeridianCli.Run(args, workingDirectory);

    /// <summary>Writes the target-prefixed entry points into <paramref name="dir"/>.</summary>
    public static void InstallShims(string dir)
    {
        var r = Repo.Run(Exe, ["toolchain", "install-shims", dir]);
        Assert.True(r.ExitCode == 0, r.ToString());
    }
}
