using System.CommandLine;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg …</c>: signed, reproducible packages (docs/pkg-format.md).</summary>
internal sealed class PkgCommand : Command
{
    public PkgCommand()
        : base("pkg", "Signed, reproducible .vpkg packages: keys, build, sign, verify, info, install/remove/list in a sysroot, repositories and sources.")
    {
        Subcommands.Add(new PkgKeyCommand());
        Subcommands.Add(new PkgInitCommand());
        Subcommands.Add(new PkgBuildCommand());
        Subcommands.Add(new PkgSignCommand());
        Subcommands.Add(new PkgVerifyCommand());
        Subcommands.Add(new PkgInfoCommand());
        Subcommands.Add(new PkgInstallCommand());
        Subcommands.Add(new PkgUpgradeCommand());
        Subcommands.Add(new PkgRemoveCommand());
        Subcommands.Add(new PkgListCommand());
        Subcommands.Add(new PkgRepoCommand());
        Subcommands.Add(new PkgSourceCommand());
        Subcommands.Add(new PkgUpdateCommand());
    }
}
