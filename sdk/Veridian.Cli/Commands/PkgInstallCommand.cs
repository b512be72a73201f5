using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Diagnostics;
using Veridian.Pkg.Install;
using Veridian.Pkg.Resolve;

namespace Veridian.Cli.Commands;

/// <summary>
/// <c>veridian pkg install &lt;file.vpkg…&gt; | &lt;NAME[@RANGE]…&gt; | --from-lock FILE --sysroot D</c>: one all-or-nothing
/// transaction; names are resolved against the sources (docs/pkg-repository.md, Installing by name).
/// </summary>
internal sealed class PkgInstallCommand : Command
{
    private readonly Argument<string[]> _packages = new("packages") { Description = ".vpkg files, or package names with an optional range (zlib, zlib@>=1.2.0, <2.0.0).", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string> _sysroot = PkgOptions.Sysroot();
    private readonly Option<double> _lockTimeout = PkgOptions.LockTimeout();
    private readonly Option<string?> _fromLock = new("--from-lock") { Description = "Install exactly the packages of this lock file (their versions and bytes); others are removed." };
    private readonly Option<bool> _offline = PkgOptions.Offline();
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Resolve the names and print what would be installed; download and change nothing." };

    public PkgInstallCommand()
        : base("install", "Install packages in a sysroot as one transaction (all or nothing): files as given, names resolved with their dependencies from the sources.")
    {
        Arguments.Add(_packages);
        Options.Add(_sysroot);
        Options.Add(_lockTimeout);
        Options.Add(_fromLock);
        Options.Add(_offline);
        Options.Add(_dryRun);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var sysroot = new Sysroot(parse.GetValue(_sysroot)!);
            var args = parse.GetValue(_packages) ?? [];
            var options = PkgOptions.Install(parse, _lockTimeout, terminal.Err);
            var files = args.Count(a => a.EndsWith(".vpkg", StringComparison.Ordinal));
            if (parse.GetValue(_fromLock) is { } lockFile)
            {
                if (args.Length > 0)
                    throw DiagnosticException.Error(CliCodes.BadArguments, "--from-lock installs the lock file's packages; give no packages with it");
                return PkgOptions.Render(terminal, PkgOptions.Manager(sysroot, options, parse.GetValue(_offline), terminal).Sync(lockFile));
            }
            if (args.Length == 0)
                throw DiagnosticException.Error(CliCodes.BadArguments, "name at least one package (a .vpkg file or NAME[@RANGE]), or give --from-lock");
            if (files == args.Length)
            {
                var result = new Installer(sysroot, options).Install(args);
                foreach (var m in result.Messages)
                    terminal.Report(m);
                foreach (var p in result.Installed)
                    terminal.Out.WriteLine($"installed {p}");
                return 0;
            }
            if (parse.GetValue(_dryRun) && files == 0)
            {
                foreach (var c in PkgOptions.Manager(sysroot, options, parse.GetValue(_offline), terminal).DryRun(args))
                    terminal.Out.WriteLine($"would install {c.Name} {c.Version} from {c.Source}");
                return 0;
            }
            if (files > 0)
                throw DiagnosticException.Error(CliCodes.BadArguments, "give either .vpkg files or package names, not both", hint: "add the files to a repository, or install them in a separate command");
            return PkgOptions.Render(terminal, PkgOptions.Manager(sysroot, options, parse.GetValue(_offline), terminal).Install(args));
        });
    }
}
