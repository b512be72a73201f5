using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg.Install;
using Veridian.Pkg.Repository;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg source remove NAME --sysroot S</c>.</summary>
internal sealed class PkgSourceRemoveCommand : Command
{
    private readonly Argument<string> _name = new("name") { Description = "The source's name." };
    private readonly Option<string> _sysroot = PkgOptions.Sysroot();

    public PkgSourceRemoveCommand()
        : base("remove", "Remove a source and its trusted metadata (installed packages stay).")
    {
        Arguments.Add(_name);
        Options.Add(_sysroot);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var sysroot = new Sysroot(parse.GetValue(_sysroot)!);
            sysroot.RequireInitialised();
            using var _ = SysrootLock.Acquire(sysroot, TimeSpan.FromSeconds(60), m => terminal.Err.WriteLine($"note: {m}"));
            SourceList.Remove(sysroot, parse.GetValue(_name)!);
            terminal.Out.WriteLine($"removed source {parse.GetValue(_name)}");
            return 0;
        });
    }
}
