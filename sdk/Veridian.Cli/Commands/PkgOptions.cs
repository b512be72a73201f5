using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Pkg.Install;
using Veridian.Pkg.Resolve;

namespace Veridian.Cli.Commands;

/// <summary>Options shared by the <c>pkg</c> commands.</summary>
internal static class PkgOptions
{
    public static Option<string> Sysroot(bool required = true) => new("--sysroot")
    {
        Description = "The sysroot directory (created by 'veridian pkg init').",
        Required = required,
    };

    public static Option<double> LockTimeout() => new("--lock-timeout")
    {
        Description = "Seconds to wait for another package operation on the sysroot before failing (default 60).",
        DefaultValueFactory = _ => 60,
    };

    /// <summary>The build time a package records: <c>$SOURCE_DATE_EPOCH</c> when set (VDN1003 unless a non-negative integer), else none.</summary>
    public static long? SourceDateEpoch()
    {
        if (Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH") is not { Length: > 0 } env)
            return null;
        if (!long.TryParse(env, out var e) || e < 0)
            throw Veridian.Diagnostics.DiagnosticException.Error(Veridian.Diagnostics.CliCodes.BadArguments, $"SOURCE_DATE_EPOCH '{env}' is not a non-negative integer");
        return e;
    }

    /// <summary>
    /// Options of an install or remove: lock wait message on stderr, and the test seam
    /// <c>VERIDIAN_PKG_KILL_AT_STEP=N</c>, which kills this process (SIGKILL) before step N so that tests
    /// can check recovery after a real process death.
    /// </summary>
    public static InstallOptions Install(ParseResult parse, Option<double> lockTimeout, TextWriter err)
    {
        IFaultSeam? seam = null;
        if (int.TryParse(Environment.GetEnvironmentVariable("VERIDIAN_PKG_KILL_AT_STEP"), out var killAt))
        {
            seam = new DelegateSeam((step, _) =>
            {
                if (step == killAt)
                    System.Diagnostics.Process.GetCurrentProcess().Kill();
            });
        }
        return new InstallOptions
        {
            LockTimeout = TimeSpan.FromSeconds(parse.GetValue(lockTimeout)),
            OnWait = message => err.WriteLine($"note: {message}"),
            Seam = seam,
        };
    }

    public static Option<bool> Offline() => new("--offline") { Description = "Resolve against the sources' trusted metadata as it is, without updating them first." };

    /// <summary>The package manager of a command, with progress lines on stderr.</summary>
    public static PackageManager Manager(Sysroot sysroot, InstallOptions install, bool offline, Terminal terminal) =>
        new(sysroot, new ManagerOptions { Install = install, Offline = offline, Progress = m => terminal.Err.WriteLine(m) });

    /// <summary>Prints what a change by name did.</summary>
    public static int Render(Terminal terminal, ManagerResult result)
    {
        foreach (var m in result.Transaction.Messages)
            terminal.Report(m);
        foreach (var p in result.Transaction.Removed)
            terminal.Out.WriteLine($"removed {p}");
        foreach (var p in result.Transaction.Installed)
            terminal.Out.WriteLine($"installed {p}");
        if (result.Transaction.Installed.Count == 0 && result.Transaction.Removed.Count == 0)
            terminal.Out.WriteLine("nothing to do");
        return 0;
    }
}
