using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg.Repository;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg repo add DIR FILE.vpkg…</c>: copies packages in and stages a new targets metadata.</summary>
internal sealed class PkgRepoAddCommand : Command
{
    private readonly Argument<string> _dir = PkgRepoCommand.Dir();
    private readonly Argument<string[]> _files = new("packages") { Description = "Signed .vpkg files.", Arity = ArgumentArity.OneOrMore };

    public PkgRepoAddCommand()
        : base("add", "Add signed packages: copy them into packages/ and stage a targets metadata of the next version (sign it, then publish).")
    {
        Arguments.Add(_dir);
        Arguments.Add(_files);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            foreach (var e in new RepoFolder(parse.GetValue(_dir)!).Add(parse.GetValue(_files)!))
                terminal.Out.WriteLine($"staged {e.Name} {e.Version} for {e.Target} ({e.Length} bytes) as {e.Path}");
            terminal.Out.WriteLine("next: 'veridian pkg repo sign <dir> --role targets --key <targets.secret>', then 'veridian pkg repo publish'");
            return 0;
        });
    }
}
