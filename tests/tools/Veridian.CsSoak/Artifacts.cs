using System.Globalization;
using System.Text;

namespace Veridian.CsSoak;

/// <summary>
/// A kept failure: artifacts/cs-soak/&lt;seed&gt;-&lt;triple&gt;-O&lt;n&gt;/ (or &lt;seed&gt;-generator/ when CoreCLR itself
/// cannot run the program) with the program, both outputs, the configuration and the exact commands to reproduce.
/// </summary>
public static class Artifacts
{
    public const string Program = "prog.cs";
    public const string Reduced = "reduced.cs";
    public const string ConfigFile = "config.txt";

    public static string DirName(ulong seed, Config? config) =>
        seed.ToString(CultureInfo.InvariantCulture) + "-" + (config?.Dir ?? "generator");

    public static string Keep(string outDir, ulong? seed, string program, OracleOutcome oracle, ConfigOutcome? outcome, string repoRoot)
    {
        var name = seed is { } s ? DirName(s, outcome?.Config) : "file-" + (outcome?.Config.Dir ?? "generator");
        var dir = Path.Combine(outDir, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, Program), program);
        if (oracle.Result is { } r)
            File.WriteAllText(Path.Combine(dir, "expected.out"), r.Observable);
        if (oracle.Problem is not null)
            File.WriteAllText(Path.Combine(dir, "oracle-problem.txt"), oracle.Problem + "\n");
        if (outcome is not null)
        {
            if (outcome.Actual is { } a)
                File.WriteAllText(Path.Combine(dir, "actual.out"), a.Observable);
            if (outcome.Detail.Length > 0)
                File.WriteAllText(Path.Combine(dir, "error.txt"), outcome.Detail + "\n");
            File.WriteAllText(Path.Combine(dir, ConfigFile),
                $"seed={seed?.ToString(CultureInfo.InvariantCulture) ?? ""}\ntriple={outcome.Config.Triple}\nlevel={outcome.Config.LevelFlag}\nverdict={outcome.Verdict}\n");
        }
        File.WriteAllText(Path.Combine(dir, "README.md"), Readme(dir, seed, outcome, oracle, repoRoot));
        return dir;
    }

    private static string Readme(string dir, ulong? seed, ConfigOutcome? outcome, OracleOutcome oracle, string repoRoot)
    {
        var rel = Path.GetRelativePath(repoRoot, dir);
        var sb = new StringBuilder();
        if (outcome is null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"# cs-soak seed {seed}: the generator made a program CoreCLR cannot run\n\n{oracle.Problem}\n\n");
            sb.Append(CultureInfo.InvariantCulture, $"Regenerate: `scripts/cs-soak gen {seed} -o prog.cs`. This is a bug in tests/tools/Veridian.CsSoak/Generator.\n");
            return sb.ToString();
        }
        var c = outcome.Config;
        sb.Append(CultureInfo.InvariantCulture, $"# cs-soak: {outcome.Verdict} on {c.Triple} {c.LevelFlag}\n\n");
        sb.Append(outcome.Verdict switch
        {
            Verdict.Mismatch => "Our build printed something else than CoreCLR (expected.out vs actual.out: stdout, then the exit code).\n",
            Verdict.Rejected => "Our compiler rejected a program of the subset (error.txt): a generator or compiler bug.\n",
            _ => "Compiling or linking the translated IR failed (error.txt).\n",
        });
        sb.Append("\nReproduce (from the repository root):\n\n```sh\n");
        sb.Append(CultureInfo.InvariantCulture, $"scripts/cs-soak check {rel}/{Program} --target {c.Triple} {c.LevelFlag}\n");
        if (seed is { } s)
            sb.Append(CultureInfo.InvariantCulture, $"scripts/cs-soak 1 {s}          # regenerate and re-run every configuration\n");
        sb.Append(CultureInfo.InvariantCulture, $"scripts/cs-soak reduce {rel}   # writes {Reduced} here\n");
        var run = string.Join(' ', new[] { VeridianPipeline.Runner(c.Triple, "/tmp/soak-prog").File }.Concat(VeridianPipeline.Runner(c.Triple, "/tmp/soak-prog").Args));
        sb.Append(CultureInfo.InvariantCulture, $"./veridian cs build --target {c.Triple} {c.LevelFlag} --static -o /tmp/soak-prog {rel}/{Program} tests/csharp/shim/Out.cs && {run}; echo \"[exit $?]\"\n");
        sb.Append("```\n");
        return sb.ToString();
    }

    /// <summary>Reads the configuration and original outcome of a kept failure (for `cs-soak reduce`).</summary>
    public static (Config Config, ConfigOutcome Outcome) Load(string dir)
    {
        var kv = File.ReadAllLines(Path.Combine(dir, ConfigFile)).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var config = Config.Parse(kv["triple"], kv["level"]);
        var verdict = Enum.Parse<Verdict>(kv["verdict"]);
        var errorFile = Path.Combine(dir, "error.txt");
        var detail = File.Exists(errorFile) ? File.ReadAllText(errorFile) : "";
        return (config, new ConfigOutcome(config, verdict, null, detail));
    }
}
