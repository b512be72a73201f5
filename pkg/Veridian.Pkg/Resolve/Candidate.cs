using Veridian.Pkg.Format;
using Veridian.Pkg.Repository;

namespace Veridian.Pkg.Resolve;

/// <summary>
/// One package version the resolver may choose: from a source's targets metadata (<see cref="Entry"/> set), or an
/// installed package (<see cref="Installed"/>), which may be both.
/// </summary>
public sealed record Candidate
{
    public required string Name { get; init; }
    public required SemVersion Version { get; init; }
    public required string Target { get; init; }
    public IReadOnlyList<Dependency> Depends { get; init; } = [];
    public IReadOnlyList<string> Provides { get; init; } = [];
    public IReadOnlyList<string> Conflicts { get; init; } = [];

    /// <summary>The source that offers it, and its targets entry; null for an installed package no source offers.</summary>
    public string? Source { get; init; }
    public TargetEntry? Entry { get; init; }

    /// <summary>This exact version is installed in the sysroot.</summary>
    public bool Installed { get; init; }

    public override string ToString() => $"{Name} {Version}";

    public static Candidate Of(TargetEntry e, string source) => new()
    {
        Name = e.Name, Version = SemVersion.Parse(e.Version), Target = e.Target, Depends = e.Depends, Provides = e.Provides, Conflicts = e.Conflicts,
        Source = source, Entry = e,
    };
}

/// <summary>
/// Everything the resolver may choose from, for one sysroot target: per package name its candidates (target equal to
/// the sysroot's, or <c>any</c>), and — for explanations only — the versions that exist for other targets.
/// </summary>
public sealed class Universe(string target)
{
    private readonly Dictionary<string, List<Candidate>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Version, string Target)>> _elsewhere = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Candidate>> _providers = new(StringComparer.Ordinal);

    public string Target { get; } = target;

    public IEnumerable<string> Names => _byName.Keys.Concat(_elsewhere.Keys).Distinct();

    /// <summary>Adds a candidate; one of another target is kept only to be named in explanations. The first of a name, version and target wins.</summary>
    public void Add(Candidate c)
    {
        if (c.Target != Target && c.Target != TargetName.Any)
        {
            if (!_elsewhere.TryGetValue(c.Name, out var list))
                _elsewhere[c.Name] = list = [];
            list.Add((c.Version.Text, c.Target));
            return;
        }
        if (!_byName.TryGetValue(c.Name, out var same))
            _byName[c.Name] = same = [];
        var twin = same.FindIndex(x => x.Version.Equals(c.Version));
        if (twin >= 0)
        {
            // One candidate per version: a source's (it can be downloaded; the first source wins), marked installed if either is.
            var a = same[twin];
            same[twin] = (a.Entry is not null || c.Entry is null ? a : c) with { Installed = a.Installed || c.Installed };
            return;
        }
        same.Add(c);
        foreach (var p in c.Provides.Where(p => p != c.Name))
        {
            if (!_providers.TryGetValue(p, out var prov))
                _providers[p] = prov = [];
            prov.Add(c);
        }
    }

    public bool Has(string name) => _byName.ContainsKey(name);

    /// <summary>The candidates of a name, newest first.</summary>
    public IReadOnlyList<Candidate> Versions(string name) =>
        _byName.TryGetValue(name, out var l) ? l.OrderByDescending(c => c.Version).ToList() : [];

    /// <summary>Candidates of other packages that provide <paramref name="name"/>.</summary>
    public IReadOnlyList<Candidate> Providers(string name) =>
        _providers.TryGetValue(name, out var l) ? l.OrderBy(c => c.Name, StringComparer.Ordinal).ThenByDescending(c => c.Version).ToList() : [];

    public IReadOnlyList<(string Version, string Target)> Elsewhere(string name) => _elsewhere.TryGetValue(name, out var l) ? l : [];
}
