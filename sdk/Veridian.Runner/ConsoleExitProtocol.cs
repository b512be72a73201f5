namespace Veridian.Runner;

/// <summary>
/// How a guest whose machine has no exit device with a status (aarch64 <c>virt</c>: PSCI SYSTEM_OFF always
/// makes QEMU exit 0) reports failure: it writes a line <c>veridian-exit: &lt;n&gt;</c> on its console before
/// powering off. The last such line wins; without one, a clean power-off means 0.
/// </summary>
public static class ConsoleExitProtocol
{
    /// <summary>The line prefix the guest writes.</summary>
    public const string Prefix = "veridian-exit: ";

    /// <summary>The status the console output reports, or null when it reports none.</summary>
    public static int? Find(string output)
    {
        int? status = null;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(line.AsSpan(Prefix.Length), out var n))
                status = n;
        }
        return status;
    }
}
