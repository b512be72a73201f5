using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg.Install;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg upgrade [NAME…] --sysroot D</c>: the newest versions that keep everything installed satisfied, in one transaction.</summary>
internal sealed class PkgUpgradeCommand : Command
{
    private readonly Argument<string[]> _names = new("names") { Description = "Installed packages to upgrade (default: all).", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string> _sysroot = PkgOptions.Sysroot();
    private readonly Option<double> _lockTimeout = PkgOptions.LockTimeout();
    private readonly Option<bool> _offline = PkgOptions.Offline();

    public PkgUpgradeCommand()
        : base("upgrade", "Update the sources, then upgrade installed packages to the newest versions that keep every dependency satisfied (one transaction).")
    {
        Arguments.Add(_names);
        Options.Add(_sysroot);
        Options.Add(_lockTimeout);
        Options.Add(_offline);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var sysroot = new Sysroot(parse.GetValue(_sysroot)!);
            var manager = PkgOptions.Manager(sysroot, PkgOptions.Install(parse, _lockTimeout, terminal.Err), parse.GetValue(_offline), terminal);
            return PkgOptions.Render(terminal, manager.Upgrade(parse.GetValue(_names) ?? []));
        });
    }
}
