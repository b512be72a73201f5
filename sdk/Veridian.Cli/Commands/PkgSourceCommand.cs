using System.CommandLine;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg source add|list|remove</c>: the repositories a sysroot installs from (docs/pkg-repository.md).</summary>
internal sealed class PkgSourceCommand : Command
{
    public PkgSourceCommand()
        : base("source", "The package repositories of a sysroot: add one with its root metadata, list them, remove one.")
    {
        Subcommands.Add(new PkgSourceAddCommand());
        Subcommands.Add(new PkgSourceListCommand());
        Subcommands.Add(new PkgSourceRemoveCommand());
    }
}
