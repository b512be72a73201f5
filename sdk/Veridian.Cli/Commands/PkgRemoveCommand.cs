using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg.Install;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg remove &lt;name…&gt; --sysroot D</c>: one all-or-nothing transaction; refused when a package that stays depends on one that goes.</summary>
internal sealed class PkgRemoveCommand : Command
{
    private readonly Argument<string[]> _names = new("names") { Description = "Installed package names.", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string> _sysroot = PkgOptions.Sysroot();
    private readonly Option<double> _lockTimeout = PkgOptions.LockTimeout();

    public PkgRemoveCommand()
        : base("remove", "Remove packages from a sysroot as one transaction; refused (explained) if a remaining package depends on them; files the user modified are kept.")
    {
        Arguments.Add(_names);
        Options.Add(_sysroot);
        Options.Add(_lockTimeout);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var manager = PkgOptions.Manager(new Sysroot(parse.GetValue(_sysroot)!), PkgOptions.Install(parse, _lockTimeout, terminal.Err), offline: true, terminal);
            return PkgOptions.Render(terminal, manager.Remove(parse.GetValue(_names)!));
        });
    }
}
