using System.CommandLine;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian toolchain ...</c>: the toolchain's own files (target-prefixed entry points).</summary>
internal sealed class ToolchainCommand : Command
{
    public ToolchainCommand()
        : base("toolchain", "Toolchain files: target-prefixed compiler entry points (x86_64-veridian-user-relibc-cc, ...).")
    {
        Subcommands.Add(new ToolchainInstallShimsCommand());
    }
}
