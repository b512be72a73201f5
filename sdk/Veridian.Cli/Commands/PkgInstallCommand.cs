using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg.Install;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg install &lt;file.vpkg…&gt; --sysroot D</c>: one all-or-nothing transaction.</summary>
internal sealed class PkgInstallCommand : Command
{
    private readonly Argument<string[]> _files = new("packages") { Description = "The .vpkg files.", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string> _sysroot = PkgOptions.Sysroot();
    private readonly Option<double> _lockTimeout = PkgOptions.LockTimeout();

    public PkgInstallCommand()
        : base("install", "Verify packages completely, then install or upgrade them in a sysroot as one transaction (all or nothing).")
    {
        Arguments.Add(_files);
        Options.Add(_sysroot);
        Options.Add(_lockTimeout);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var installer = new Installer(new Sysroot(parse.GetValue(_sysroot)!), PkgOptions.Install(parse, _lockTimeout, terminal.Err));
            var result = installer.Install(parse.GetValue(_files)!);
            foreach (var m in result.Messages)
                terminal.Report(m);
            foreach (var p in result.Installed)
                terminal.Out.WriteLine($"installed {p}");
            return 0;
        });
    }
}
