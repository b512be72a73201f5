using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg.Repository;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg repo remove DIR NAME[@VERSION]…</c>: stages a targets metadata without those packages.</summary>
internal sealed class PkgRepoRemoveCommand : Command
{
    private readonly Argument<string> _dir = PkgRepoCommand.Dir();
    private readonly Argument<string[]> _names = new("packages") { Description = "NAME (every version) or NAME@VERSION.", Arity = ArgumentArity.OneOrMore };

    public PkgRepoRemoveCommand()
        : base("remove", "Stage a targets metadata without the named packages (their files stay, so older states stay whole).")
    {
        Arguments.Add(_dir);
        Arguments.Add(_names);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            foreach (var e in new RepoFolder(parse.GetValue(_dir)!).Remove(parse.GetValue(_names)!))
                terminal.Out.WriteLine($"staged removal of {e.Name} {e.Version} for {e.Target}");
            return 0;
        });
    }
}
