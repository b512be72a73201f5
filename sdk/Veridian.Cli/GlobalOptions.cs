using System.CommandLine;

namespace Veridian.Cli;

/// <summary>Options every command accepts (they are recursive: valid after any verb).</summary>
public static class GlobalOptions
{
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Say more: show normalisations, tool command lines, and stack traces of internal errors.",
        Recursive = true,
    };

    public static readonly Option<ColorMode> Color = new("--color")
    {
        Description = "Colour output: auto (a terminal, no CI, no NO_COLOR), always, or never.",
        Recursive = true,
        DefaultValueFactory = _ => ColorMode.Auto,
    };

    /// <summary>A fresh <c>--json</c> option for a command whose output is data.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Write the result as JSON to stdout." };
}
