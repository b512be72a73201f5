using System.CommandLine;
using Veridian.Build.Cache;
using Veridian.Cli.Console;
using Veridian.Diagnostics;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian cache clean</c>: deletes every cache entry.</summary>
internal sealed class CacheCleanCommand : Command
{
    public CacheCleanCommand()
        : base("clean", "Delete every entry of the build cache (projects' out/ folders are kept).")
    {
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var cache = ActionCache.ForUser();
            var freed = cache.Clean();
            terminal.Out.WriteLine($"cleaned {cache.Root}: {freed} bytes freed");
            return ExitCodes.Ok;
        });
    }
}
