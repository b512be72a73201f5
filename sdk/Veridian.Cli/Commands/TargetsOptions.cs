using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Triples;

namespace Veridian.Cli.Commands;

/// <summary>Options and steps the <c>targets</c> subcommands share.</summary>
internal static class TargetsOptions
{
    /// <summary>The environment variable naming the SDK sysroot.</summary>
    public const string SysrootVariable = "VERIDIAN_SYSROOT";

    public static Option<string?> Sysroot() => new("--sysroot")
    {
        Description = $"The SDK sysroot (<sysroot>/<triple>/{{include,lib}}); default ${SysrootVariable}, else artifacts/sysroot in the SDK checkout.",
    };

    /// <summary>The sysroot to use: the option, else $VERIDIAN_SYSROOT, else &lt;checkout&gt;/artifacts/sysroot.</summary>
    public static string SysrootOrDefault(string? option)
    {
        if (!string.IsNullOrEmpty(option))
            return Path.GetFullPath(option);
        var env = Environment.GetEnvironmentVariable(SysrootVariable);
        if (!string.IsNullOrEmpty(env))
            return Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Veridian.slnx")))
                return Path.Combine(dir.FullName, "artifacts", "sysroot");
        }
        return Path.Combine(AppContext.BaseDirectory, "sysroot");
    }

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
