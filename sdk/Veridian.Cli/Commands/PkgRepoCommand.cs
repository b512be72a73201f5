using System.CommandLine;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg repo …</c>: create and maintain a signed package repository (docs/pkg-repository.md).</summary>
internal sealed class PkgRepoCommand : Command
{
    public PkgRepoCommand()
        : base("repo", "Package repositories with TUF-style signed metadata: init, add, remove, rotate, sign, publish, serve.")
    {
        Subcommands.Add(new PkgRepoInitCommand());
        Subcommands.Add(new PkgRepoAddCommand());
        Subcommands.Add(new PkgRepoRemoveCommand());
        Subcommands.Add(new PkgRepoRotateCommand());
        Subcommands.Add(new PkgRepoSignCommand());
        Subcommands.Add(new PkgRepoPublishCommand());
        Subcommands.Add(new PkgRepoServeCommand());
    }

    public static Argument<string> Dir() => new("repository") { Description = "The repository folder (what a web server serves)." };

    public static Option<string> Keys(bool required = true) => new("--keys") { Description = "The folder of the role keys (root, targets, snapshot, timestamp .secret/.pub).", Required = required };
}
