using System.Globalization;
using Veridian.Common;

namespace Veridian.Triples.Emit;

/// <summary>Asks the host's rustc which LLVM it uses (for <see cref="EmitOptions.RustLlvmMajor"/>).</summary>
public static class RustcProbe
{
    /// <summary>The LLVM major version from <c>rustc -vV</c>, or null when rustc is absent, hangs (30 s) or says nothing usable.</summary>
    public static int? LlvmMajor(string rustc = "rustc")
    {
        try
        {
            var run = ProcessRunner.Run(new ProcessRequest(rustc, ["-vV"]) { Timeout = TimeSpan.FromSeconds(30) });
            return run.TimedOut ? null : ParseLlvmMajor(run.StdOut);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Reads "LLVM version: 22.1.2" from <c>rustc -vV</c> output.</summary>
    public static int? ParseLlvmMajor(string rustcVerbose)
    {
        foreach (var line in rustcVerbose.Split('\n'))
        {
            const string prefix = "LLVM version:";
            if (!line.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var version = line[prefix.Length..].Trim();
            var dot = version.IndexOf('.');
            if (int.TryParse(dot < 0 ? version : version[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var major))
                return major;
        }
        return null;
    }
}
