using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg.Repository;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian pkg repo publish DIR --keys KEYS</c>: makes staged metadata live; with nothing staged, renews the timestamp.</summary>
internal sealed class PkgRepoPublishCommand : Command
{
    private readonly Argument<string> _dir = PkgRepoCommand.Dir();
    private readonly Option<string> _keys = PkgRepoCommand.Keys();

    public PkgRepoPublishCommand()
        : base("publish", "Check the staged root/targets reach their thresholds, write them, then a new snapshot and timestamp (signed with the online keys in --keys).")
    {
        Arguments.Add(_dir);
        Options.Add(_keys);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var r = new RepoFolder(parse.GetValue(_dir)!).Publish(parse.GetValue(_keys)!);
            var parts = new List<string>();
            if (r.Root is { } root)
                parts.Add($"root {root}");
            if (r.Targets is { } targets)
                parts.Add($"targets {targets}");
            parts.Add($"snapshot {r.Snapshot}");
            parts.Add($"timestamp {r.Timestamp}");
            terminal.Out.WriteLine($"published {string.Join(", ", parts)} ({r.Packages} package{(r.Packages == 1 ? "" : "s")})");
            return 0;
        });
    }
}
