using System.Text.RegularExpressions;
using Veridian.Common;
using Veridian.Diagnostics;

namespace Veridian.Host;

/// <summary>Checks which host components are present and reads their versions.</summary>
public static partial class HostProbe
{
    /// <summary>
    /// Probes every component in parallel. <paramref name="llvmVersion"/> reads the version of a
    /// libLLVM file (the LLVM bindings provide it; this layer does not load LLVM itself).
    /// </summary>
    public static IReadOnlyList<ComponentStatus> ProbeAll(Func<string, string?> llvmVersion)
    {
        var components = HostComponents.All;
        var fileVersions = new Lazy<IReadOnlyDictionary<string, string>>(() =>
            DebianPackageVersions(components.Where(c => c.Kind == HostComponentKind.File).Select(c => c.Package)));
        var results = new ComponentStatus[components.Count];
        Parallel.For(0, components.Count, i => results[i] = Probe(components[i], llvmVersion, fileVersions));
        return results;
    }

    private static ComponentStatus Probe(HostComponent c, Func<string, string?> llvmVersion, Lazy<IReadOnlyDictionary<string, string>> fileVersions)
    {
        if (!File.Exists(c.Path))
            return new ComponentStatus(c, false, null);
        var version = c.Kind switch
        {
            HostComponentKind.Tool => ToolVersion(c.Path),
            HostComponentKind.Llvm => llvmVersion(c.Path),
            HostComponentKind.File => fileVersions.Value.GetValueOrDefault(c.Package),
        };
        return new ComponentStatus(c, true, version);
    }

    /// <summary>The path of a required tool, or a VDN1002 diagnostic (exit 2) saying how to install it.</summary>
    public static string RequireTool(string componentName)
    {
        var c = HostComponents.Get(componentName);
        if (File.Exists(c.Path))
            return c.Path;
        throw DiagnosticException.Error(
            CliCodes.HostComponentMissing,
            $"host component '{c.Name}' ({c.Purpose}) is missing: {c.Path} does not exist",
            hint: c.Set == HostPackageSet.Test
                ? $"it is in the test set: run scripts/bootstrap-host --set all, or: sudo apt-get install {c.Package}"
                : $"run scripts/bootstrap-host, or: sudo apt-get install {c.Package}",
            exitCode: ExitCodes.HostMissing);
    }

    /// <summary>The first version-looking token of <c>tool --version</c>, e.g. 19.1.7 or 7.2.22.</summary>
    public static string? ToolVersion(string path, string argument = "--version")
    {
        var output = Run(path, argument);
        if (output is null)
            return null;
        var m = VersionPattern().Match(output);
        return m.Success ? m.Value : output.Split('\n')[0].Trim();
    }

    /// <summary>The installed SDK version of the <c>dotnet</c> on PATH, if any.</summary>
    public static string? DotnetSdkVersion() => Run("dotnet", "--version")?.Trim();

    private static IReadOnlyDictionary<string, string> DebianPackageVersions(IEnumerable<string> packages)
    {
        var args = new List<string> { "-W", "-f=${Package} ${Version}\\n" };
        args.AddRange(packages.Distinct());
        var output = Run("dpkg-query", [.. args]) ?? "";
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    }

    /// <summary>A probe's output (stdout, else stderr), or null when the program is missing or does not answer within 10 s.</summary>
    private static string? Run(string file, params string[] args)
    {
        try
        {
            // Probes run in the temp directory: some tools write files where they run (csmith --version
            // leaves platform.info behind), and doctor must not touch the user's directory.
            var run = ProcessRunner.Run(new ProcessRequest(file, args) { WorkingDirectory = Path.GetTempPath(), Timeout = TimeSpan.FromSeconds(10) });
            if (run.TimedOut)
                return null;
            var text = run.StdOut;
            return text.Length > 0 ? text : run.StdErr;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\d+\.\d+(\.\d+)?")]
    private static partial Regex VersionPattern();
}
