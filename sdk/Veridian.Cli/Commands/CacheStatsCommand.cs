using System.CommandLine;
using Veridian.Build.Cache;
using Veridian.Cli.Console;
using Veridian.Diagnostics;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian cache stats</c>: where the cache is, how many entries and bytes, the limit.</summary>
internal sealed class CacheStatsCommand : Command
{
    private readonly Option<bool> _json = GlobalOptions.Json();

    public CacheStatsCommand()
        : base("stats", "Show the cache folder, entries, stored bytes and size limit.")
    {
        Options.Add(_json);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var stats = ActionCache.ForUser().Stats();
            if (parse.GetValue(_json))
            {
                terminal.WriteJson(stats);
                return ExitCodes.Ok;
            }
            terminal.WriteTable(["item", "value"],
            [
                ["directory", stats.Directory],
                ["entries", stats.Entries.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                ["files", stats.Files.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                ["bytes", $"{stats.Bytes} ({stats.Bytes / 1048576.0:0.0} MiB)"],
                ["limit", $"{stats.Limit} ({stats.Limit / 1048576.0:0.0} MiB)"],
                ["temp files", stats.TempFiles.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            ]);
            return ExitCodes.Ok;
        });
    }
}
