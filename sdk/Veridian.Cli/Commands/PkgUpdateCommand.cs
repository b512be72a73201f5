using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg.Install;
using Veridian.Pkg.Repository;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg update --sysroot S</c>: the TUF update procedure for every source (docs/pkg-repository.md).</summary>
internal sealed class PkgUpdateCommand : Command
{
    private readonly Option<string> _sysroot = PkgOptions.Sysroot();
    private readonly Option<double> _lockTimeout = PkgOptions.LockTimeout();

    public PkgUpdateCommand()
        : base("update", "Fetch and verify every source's signed metadata (root chain, timestamp, snapshot, targets); a refused update changes nothing.")
    {
        Options.Add(_sysroot);
        Options.Add(_lockTimeout);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var sysroot = new Sysroot(parse.GetValue(_sysroot)!);
            sysroot.RequireInitialised();
            using var _ = SysrootLock.Acquire(sysroot, TimeSpan.FromSeconds(parse.GetValue(_lockTimeout)), m => terminal.Err.WriteLine($"note: {m}"));
            foreach (var s in SourceList.Ordered(SourceList.Load(sysroot)))
            {
                var r = SourceList.Update(sysroot, s);
                terminal.Out.WriteLine($"{s.Name}: root {r.RootVersion}, timestamp {r.TimestampVersion}, targets {r.TargetsVersion}, {r.Packages} packages{(r.Changed ? "" : " (unchanged)")}");
            }
            return 0;
        });
    }
}
