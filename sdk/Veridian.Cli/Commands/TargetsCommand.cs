using System.CommandLine;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian targets list|show|emit</c>: the target database.</summary>
internal sealed class TargetsCommand : Command
{
    public TargetsCommand()
        : base("targets", "The target database: list the targets, show every fact of one, emit config files for clang, CMake, Meson, Rust.")
    {
        Subcommands.Add(new TargetsListCommand());
        Subcommands.Add(new TargetsShowCommand());
        Subcommands.Add(new TargetsEmitCommand());
    }
}
