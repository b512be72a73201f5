using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg.Install;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg remove &lt;name…&gt; --sysroot D</c>: one all-or-nothing transaction; modified files are kept.</summary>
internal sealed class PkgRemoveCommand : Command
{
    private readonly Argument<string[]> _names = new("names") { Description = "Installed package names.", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string> _sysroot = PkgOptions.Sysroot();
    private readonly Option<double> _lockTimeout = PkgOptions.LockTimeout();

    public PkgRemoveCommand()
        : base("remove", "Remove packages from a sysroot as one transaction; files the user modified are kept and reported.")
    {
        Arguments.Add(_names);
        Options.Add(_sysroot);
        Options.Add(_lockTimeout);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var installer = new Installer(new Sysroot(parse.GetValue(_sysroot)!), PkgOptions.Install(parse, _lockTimeout, terminal.Err));
            var result = installer.Remove(parse.GetValue(_names)!);
            foreach (var m in result.Messages)
                terminal.Report(m);
            foreach (var p in result.Removed)
                terminal.Out.WriteLine($"removed {p}");
            return 0;
        });
    }
}
