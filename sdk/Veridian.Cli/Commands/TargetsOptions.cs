using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Common;
using Veridian.Triples;

namespace Veridian.Cli.Commands;

/// <summary>Options and steps the <c>targets</c> subcommands share.</summary>
internal static class TargetsOptions
{
    public static Option<string?> Sysroot() => new("--sysroot")
    {
        Description = $"The SDK sysroot (<sysroot>/<triple>/{{include,lib}}); default ${SdkLayout.SysrootVariable}, else artifacts/sysroot in the SDK checkout.",
    };

    /// <summary>The sysroot to use: the option (made absolute), else <see cref="SdkLayout.DefaultSysroot"/>.</summary>
    public static string SysrootOrDefault(string? option) =>
        string.IsNullOrEmpty(option) ? SdkLayout.DefaultSysroot : Path.GetFullPath(option);

    /// <summary>Parses and resolves a triple; with --verbose, notes each alias rewrite.</summary>
    public static (Triple Triple, TargetInfo Target) Resolve(Terminal terminal, string text)
    {
        var triple = Triple.Parse(text);
        foreach (var rewrite in triple.Rewrites)
            terminal.Note($"{triple.Original}: {rewrite}");
        if (!triple.IsCanonical)
            terminal.Note($"'{triple.Original}' normalised to '{triple.Canonical}'");
        return (triple, TargetDatabase.Resolve(triple));
    }
}
