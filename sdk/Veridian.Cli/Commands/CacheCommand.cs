using System.CommandLine;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian cache stats|clean</c>: the user-wide action cache of <c>veridian build</c>.</summary>
internal sealed class CacheCommand : Command
{
    public CacheCommand()
        : base("cache", "Inspect or empty the build cache ($VERIDIAN_CACHE_DIR, else $XDG_CACHE_HOME/veridian).")
    {
        Subcommands.Add(new CacheStatsCommand());
        Subcommands.Add(new CacheCleanCommand());
    }
}
