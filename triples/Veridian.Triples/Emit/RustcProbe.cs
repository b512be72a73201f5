using System.Diagnostics;
using System.Globalization;

namespace Veridian.Triples.Emit;

/// <summary>Asks the host's rustc which LLVM it uses (for <see cref="EmitOptions.RustLlvmMajor"/>).</summary>
public static class RustcProbe
{
    /// <summary>The LLVM major version from <c>rustc -vV</c>, or null when rustc is absent or says nothing usable.</summary>
    public static int? LlvmMajor(string rustc = "rustc")
    {
        try
        {
            var psi = new ProcessStartInfo(rustc, "-vV") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var p = Process.Start(psi);
            if (p is null)
                return null;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return ParseLlvmMajor(text);
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
