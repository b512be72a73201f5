using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg.Install;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg list --sysroot D [--json]</c>: the installed packages.</summary>
internal sealed class PkgListCommand : Command
{
    private readonly Option<string> _sysroot = PkgOptions.Sysroot();
    private readonly Option<double> _lockTimeout = PkgOptions.LockTimeout();
    private readonly Option<bool> _json = GlobalOptions.Json();

    public PkgListCommand()
        : base("list", "List the packages installed in a sysroot (recovering an interrupted transaction first).")
    {
        Options.Add(_sysroot);
        Options.Add(_lockTimeout);
        Options.Add(_json);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var installer = new Installer(new Sysroot(parse.GetValue(_sysroot)!), PkgOptions.Install(parse, _lockTimeout, terminal.Err));
            var (db, recovered) = installer.List();
            if (recovered is not null)
                terminal.Report(recovered);
            if (parse.GetValue(_json))
            {
                terminal.WriteJson(db.Packages.Select(p => new { p.Name, p.Version, p.Target, p.Kind, p.Channel, p.KeyId, p.Summary, files = p.Entries.Count }).ToList());
                return 0;
            }
            terminal.WriteTable(["name", "version", "target", "channel", "entries", "summary"],
                db.Packages.Select(p => (IReadOnlyList<string>)[p.Name, p.Version, p.Target, p.Channel, p.Entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Summary]));
            return 0;
        });
    }
}
