using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg.Repository;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg repo init DIR --keys KEYS</c>: role keys (when missing) and version 1 of the four roles.</summary>
internal sealed class PkgRepoInitCommand : Command
{
    private readonly Argument<string> _dir = PkgRepoCommand.Dir();
    private readonly Option<string> _keys = PkgRepoCommand.Keys();

    public PkgRepoInitCommand()
        : base("init", "Create a repository: one key per role in --keys (kept when present), then root, targets, snapshot and timestamp version 1.")
    {
        Arguments.Add(_dir);
        Options.Add(_keys);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var repo = RepoFolder.Init(parse.GetValue(_dir)!, parse.GetValue(_keys)!);
            var root = repo.CurrentRoot().Value;
            terminal.Out.WriteLine($"created repository {repo.Root}: root version 1, expires {root.Expires:yyyy-MM-dd}");
            foreach (var role in Roles.All)
                terminal.Out.WriteLine($"  {Roles.Name(role),-9} key {root.Roles[role].KeyIds[0][..16]}…, threshold {root.Roles[role].Threshold}");
            terminal.Out.WriteLine($"give clients {Path.Combine(repo.Root, Metadata.RootName(1))} out of band ('veridian pkg source add … --root 1.root.json')");
            return 0;
        });
    }
}
