using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg.Install;
using Veridian.Pkg.Repository;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg source list --sysroot S</c>.</summary>
internal sealed class PkgSourceListCommand : Command
{
    private readonly Option<string> _sysroot = PkgOptions.Sysroot();

    public PkgSourceListCommand()
        : base("list", "List a sysroot's sources, highest priority first, with the versions of their trusted metadata.")
    {
        Options.Add(_sysroot);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var sysroot = new Sysroot(parse.GetValue(_sysroot)!);
            sysroot.RequireInitialised();
            foreach (var s in SourceList.Ordered(SourceList.Load(sysroot)))
            {
                var state = TrustedState.Load(SourceList.StatePath(sysroot, s.Name));
                var targets = state.Targets is { } t ? $"targets {t.Value.Version}, {t.Value.Targets.Count} packages" : "not updated yet";
                terminal.Out.WriteLine($"{s.Name}\t{s.Url}\tpriority {s.Priority}\troot {state.Root.Value.Version}, {targets}");
            }
            return 0;
        });
    }
}
