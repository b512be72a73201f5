using System.CommandLine;
using Veridian.Build.Sysroot;
using Veridian.Cli.Console;
using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Cli.Commands;

/// <summary>
/// <c>veridian sysroot build --target T [--sysroot DIR]</c>: the same path <c>veridian cc</c> takes on demand
/// (<see cref="SysrootBuilder.Ensure"/>), asked for explicitly; prints where the sysroot is and whether it changed.
/// </summary>
internal sealed class SysrootBuildCommand : Command
{
    private readonly Option<string> _target = new("--target", "-t")
    {
        Description = "A relibc target: <arch>-veridian-user-relibc or <arch>-linux-relibc.",
        Required = true,
    };

    private readonly Option<string?> _sysroot = new("--sysroot")
    {
        Description = "The sysroot folder (default: $VERIDIAN_SYSROOT, else artifacts/sysroot of the SDK checkout).",
    };

    public SysrootBuildCommand()
        : base("build", "Build relibc-cs and its crt objects for a target and install them as <sysroot>/<triple>/{include,lib}.")
    {
        Options.Add(_target);
        Options.Add(_sysroot);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var target = TargetDatabase.Resolve(parse.GetValue(_target)!);
            RequireBackend(target);
            var sysroot = Path.GetFullPath(parse.GetValue(_sysroot) ?? Veridian.Common.SdkLayout.DefaultSysroot);
            var changed = SysrootBuilder.Ensure(target, sysroot);
            terminal.Out.WriteLine($"{Path.Combine(sysroot, target.Canonical)}: {(changed ? "installed" : "up to date")}");
            return ExitCodes.Ok;
        });
    }

    /// <summary>VDN1131 (BuildCodes.NoRelibcBackend) unless relibc-cs has a backend for the target.</summary>
    public static void RequireBackend(TargetInfo target)
    {
        if (!SysrootBuilder.HasBackend(target))
        {
            throw DiagnosticException.Error(Veridian.Build.BuildCodes.NoRelibcBackend,
                $"'{target.Canonical}' has no relibc-cs sysroot: its C library is not relibc-cs",
                hint: "pass an <arch>-veridian-user-relibc or <arch>-linux-relibc target");
        }
    }
}
