using System.Text.RegularExpressions;

namespace Veridian.Tests;

/// <summary>
/// The output of tests/c/veridian-init/init.c, the /init that runs a whole corpus in one VeridianOS boot: each program's
/// output between "@@@ begin &lt;name&gt;" and "@@@ end &lt;name&gt; &lt;status&gt;", with a newline of the launcher's own
/// before the end line (a program's last line may have none).
/// </summary>
public static partial class CorpusLauncher
{
    /// <summary>The launcher's source.</summary>
    public static string SourcePath => Repo.PathOf("tests", "c", "veridian-init", "init.c");

    /// <summary>Each framed program's output (without the launcher's newline) and exit status, by name.</summary>
    public static IReadOnlyDictionary<string, (string Output, int Status)> Runs(string console) =>
        Framed().Matches(console).ToDictionary(m => m.Groups["name"].Value,
            m => (m.Groups["output"].Value[..^1], int.Parse(m.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"@@@ begin (?<name>\S+)\n(?<output>.*?\n)@@@ end \k<name> (?<status>-?\d+)\n", RegexOptions.Singleline)]
    private static partial Regex Framed();
}
