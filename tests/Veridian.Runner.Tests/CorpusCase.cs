namespace Veridian.Runner.Tests;

/// <summary>A C corpus program (tests/c/*.c): its expected stdout is stated in the file as <c>// expect: &lt;line&gt;</c> lines.</summary>
internal sealed record CorpusCase(string Path, string Name, string ExpectedOutput)
{
    public const string Marker = "// expect:";

    public static CorpusCase Load(string path)
    {
        var lines = File.ReadAllLines(path)
            .Where(l => l.StartsWith(Marker, StringComparison.Ordinal))
            .Select(l => l[Marker.Length..] is var rest && rest.StartsWith(' ') ? rest[1..] : rest)
            .ToList();
        if (lines.Count == 0)
            throw new InvalidDataException($"{path} states no expected output ('{Marker} ...' lines)");
        return new CorpusCase(path, System.IO.Path.GetFileName(path), string.Concat(lines.Select(l => l + "\n")));
    }
}

/// <summary>tests/c/quarantine.txt: known failures, each with a reason.</summary>
internal sealed record QuarantineEntry(string File, string Target, string Opt, string Reason)
{
    public static IReadOnlyList<QuarantineEntry> Load(string path) =>
        System.IO.File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries))
            .Select(p => p.Length == 4 ? new QuarantineEntry(p[0], p[1], p[2], p[3])
                : throw new InvalidDataException($"{path}: '{string.Join(' ', p)}' is not '<file> <target> <opt> <reason>'"))
            .ToList();

    public bool Covers(string file, string target, string opt) =>
        File == file && (Target == "*" || Target == target || (Target.StartsWith("*-", StringComparison.Ordinal) && target.EndsWith(Target[1..], StringComparison.Ordinal))) &&
        (Opt == "*" || Opt == opt);
}
