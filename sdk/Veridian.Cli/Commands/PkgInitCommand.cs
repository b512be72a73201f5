using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg.Install;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg init --sysroot D --target T</c>: prepares a sysroot for packages.</summary>
internal sealed class PkgInitCommand : Command
{
    private readonly Option<string> _sysroot = PkgOptions.Sysroot();
    private readonly Option<string> _target = new("--target") { Description = "The sysroot's target (a canonical triple, see 'veridian targets list').", Required = true };

    public PkgInitCommand()
        : base("init", "Prepare a sysroot for packages: its target, trust store, package database and lock.")
    {
        Options.Add(_sysroot);
        Options.Add(_target);
        SetAction(parse =>
        {
            var s = Sysroot.Init(parse.GetValue(_sysroot)!, parse.GetValue(_target)!);
            Terminal.From(parse).Out.WriteLine($"sysroot {s.Root} for {s.ReadTarget()}");
            return 0;
        });
    }
}
