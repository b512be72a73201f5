using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Diagnostics;
using Veridian.Pkg.Crypto;
using Veridian.Pkg.Repository;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg repo rotate DIR --role R [--add-key K.pub] [--remove-key ID] [--threshold N]</c>: stages the next root.</summary>
internal sealed class PkgRepoRotateCommand : Command
{
    private readonly Argument<string> _dir = PkgRepoCommand.Dir();
    private readonly Option<string> _role = new("--role") { Description = "root, targets, snapshot or timestamp.", Required = true };
    private readonly Option<string[]> _add = new("--add-key") { Description = "A public key file to add to the role (repeatable)." };
    private readonly Option<string[]> _remove = new("--remove-key") { Description = "A key id (64 hex) to remove from the role (repeatable)." };
    private readonly Option<int?> _threshold = new("--threshold") { Description = "The role's new threshold." };

    public PkgRepoRotateCommand()
        : base("rotate", "Stage a root of the next version with a role's keys or threshold changed; sign it with the old and the new root keys, then publish.")
    {
        Arguments.Add(_dir);
        Options.Add(_role);
        Options.Add(_add);
        Options.Add(_remove);
        Options.Add(_threshold);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var role = PkgRepoSignCommand.ParseRole(parse.GetValue(_role)!);
            var add = (parse.GetValue(_add) ?? []).Select(KeyFile.ReadPublic).ToList();
            var root = new RepoFolder(parse.GetValue(_dir)!).Rotate(role, add, parse.GetValue(_remove) ?? [], parse.GetValue(_threshold));
            terminal.Out.WriteLine($"staged root version {root.Version}: {Roles.Name(role)} has {root.Roles[role].KeyIds.Count} keys, threshold {root.Roles[role].Threshold}");
            terminal.Out.WriteLine("sign it with a threshold of the current root keys and of the new ones ('veridian pkg repo sign --role root'), then publish");
            return 0;
        });
    }
}
