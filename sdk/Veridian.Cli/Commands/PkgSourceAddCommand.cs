using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg.Install;
using Veridian.Pkg.Repository;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg source add NAME URL --root root.json --sysroot S [--priority P] [--mirror URL…]</c>.</summary>
internal sealed class PkgSourceAddCommand : Command
{
    private readonly Argument<string> _name = new("name") { Description = "A name for the source (a-z, 0-9, '-', '_', '.')." };
    private readonly Argument<string> _url = new("url") { Description = "http://, https://, file:// URL or folder of the repository." };
    private readonly Option<string> _root = new("--root") { Description = "The repository's root metadata (N.root.json), obtained out of band: the first thing trusted.", Required = true };
    private readonly Option<int> _priority = new("--priority") { Description = "Higher wins when two sources offer the same package (default 0)." };
    private readonly Option<string[]> _mirrors = new("--mirror") { Description = "Another URL with the same repository, tried in order when the first fails (repeatable)." };
    private readonly Option<string> _sysroot = PkgOptions.Sysroot();

    public PkgSourceAddCommand()
        : base("add", "Add a repository to a sysroot; its root metadata file is the trust anchor (checked to be signed by its own root keys).")
    {
        Arguments.Add(_name);
        Arguments.Add(_url);
        Options.Add(_root);
        Options.Add(_priority);
        Options.Add(_mirrors);
        Options.Add(_sysroot);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var sysroot = new Sysroot(parse.GetValue(_sysroot)!);
            using var _ = SysrootLock.Acquire(sysroot, TimeSpan.FromSeconds(60), m => terminal.Err.WriteLine($"note: {m}"));
            var s = SourceList.Add(sysroot, parse.GetValue(_name)!, parse.GetValue(_url)!, parse.GetValue(_root)!, parse.GetValue(_priority), parse.GetValue(_mirrors) ?? []);
            terminal.Out.WriteLine($"added source {s.Name} ({s.Url}, priority {s.Priority}); run 'veridian pkg update' to fetch its metadata");
            return 0;
        });
    }
}
