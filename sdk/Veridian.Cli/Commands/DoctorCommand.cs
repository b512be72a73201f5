using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Diagnostics;
using Veridian.Host;
using Veridian.Llvm;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian doctor</c>: every host component with its path, version and status.</summary>
internal sealed class DoctorCommand : Command
{
    private readonly Option<bool> _json = GlobalOptions.Json();

    public DoctorCommand()
        : base("doctor", "Check the host: clang, lld, libLLVM, QEMU, firmware and cross C libraries (exit 2 if something is missing).")
    {
        Options.Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var terminal = Terminal.From(parse);
        var dotnet = Task.Run(HostProbe.DotnetSdkVersion);
        var statuses = HostProbe.ProbeAll(path => LlvmLibrary.TryGetVersion(path));
        var missing = statuses.Where(s => !s.Found).ToList();
        var missingPackages = missing.Select(s => s.Component.Package).Distinct().Order(StringComparer.Ordinal).ToList();
        var installCommand = missingPackages.Count == 0 ? null : $"sudo apt-get install -y {string.Join(' ', missingPackages)}";
        var report = new DoctorReport(
            missing.Count == 0,
            new DotnetInfo(dotnet.Result, Environment.Version.ToString()),
            statuses.Select(s => new ComponentReport(s.Name, s.Component.Package, s.Component.Kind, s.Path, s.Found, s.Version, s.Component.Purpose)).ToList(),
            missingPackages,
            installCommand);

        if (parse.GetValue(_json))
        {
            terminal.WriteJson(report);
        }
        else
        {
            var rows = new List<IReadOnlyList<string>>
            {
                new[] { ".NET SDK", report.Dotnet.Sdk is null ? "missing" : "ok", report.Dotnet.Sdk ?? "-", $"runtime {report.Dotnet.Runtime}" },
            };
            rows.AddRange(report.Components.Select(c => (IReadOnlyList<string>)new[]
            {
                c.Name, c.Found ? "ok" : "missing", c.Version ?? "-", c.Path,
            }));
            terminal.WriteTable(["component", "status", "version", "path"], rows);
        }

        if (installCommand is null)
            return ExitCodes.Ok;
        terminal.Report(Diagnostic.Error(CliCodes.HostComponentMissing,
            $"{missing.Count} host component(s) missing: {string.Join(", ", missing.Select(m => m.Name))}",
            hint: $"run scripts/bootstrap-host, or: {installCommand}"));
        return ExitCodes.HostMissing;
    }

    private sealed record DoctorReport(bool Ok, DotnetInfo Dotnet, IReadOnlyList<ComponentReport> Components, IReadOnlyList<string> MissingPackages, string? InstallCommand);

    private sealed record DotnetInfo(string? Sdk, string Runtime);

    private sealed record ComponentReport(string Name, string Package, HostComponentKind Kind, string Path, bool Found, string? Version, string Purpose);
}
