using System.Text;
using Veridian.Diagnostics;

namespace Veridian.Pkg.Resolve;

/// <summary>
/// Turns the derivation of a failed resolution into sentences, as PubGrub's error reporting does: each derived
/// incompatibility is "Because A and B, C.", external facts are said in words, and a derived fact used twice gets a line
/// number to refer to.
/// </summary>
internal sealed class Explanation
{
    private readonly Solver _solver;
    private readonly List<string> _lines = [];
    private readonly Dictionary<Incompatibility, int> _numbers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Incompatibility, int> _uses = new(ReferenceEqualityComparer.Instance);

    public Explanation(Solver solver, Incompatibility failure)
    {
        _solver = solver;
        Count(failure);
        if (failure.Cause != Cause.Derived)
            _lines.Add(Capital(Describe(failure)) + ".");
        else
            Visit(failure, conclusion: true);
    }

    private void Count(Incompatibility inc)
    {
        _uses[inc] = _uses.GetValueOrDefault(inc) + 1;
        if (_uses[inc] > 1 || inc.Cause != Cause.Derived)
            return;
        Count(inc.Left!);
        Count(inc.Right!);
    }

    private void Visit(Incompatibility inc, bool conclusion = false)
    {
        var (l, r) = (inc.Left!, inc.Right!);
        string Ref(Incompatibility x) => _numbers.TryGetValue(x, out var n) ? $"{Describe(x)} ({n})" : Describe(x);
        if (l.Cause == Cause.Derived && r.Cause == Cause.Derived)
        {
            if (!_numbers.ContainsKey(l))
                Visit(l);
            if (!_numbers.ContainsKey(r))
                Visit(r);
            Write(inc, $"Because {Ref(l)} and {Ref(r)}, {Describe(inc)}.", conclusion);
        }
        else if (l.Cause == Cause.Derived || r.Cause == Cause.Derived)
        {
            var (derived, external) = l.Cause == Cause.Derived ? (l, r) : (r, l);
            if (_numbers.ContainsKey(derived))
            {
                Write(inc, $"Because {Describe(external)} and {Ref(derived)}, {Describe(inc)}.", conclusion);
            }
            else
            {
                Visit(derived);
                Write(inc, $"And because {Describe(external)}, {Describe(inc)}.", conclusion);
            }
        }
        else
        {
            // The request first: "Because you request hello and hello 1.2.0 depends on …".
            var (first, second) = r.Cause == Cause.Request && l.Cause != Cause.Request ? (r, l) : (l, r);
            Write(inc, $"Because {Describe(first)} and {Describe(second)}, {Describe(inc)}.", conclusion);
        }
    }

    private void Write(Incompatibility inc, string line, bool conclusion)
    {
        if (conclusion && _lines.Count > 0)
        {
            line = line.StartsWith("And because ", StringComparison.Ordinal)
                ? "So, because " + line["And because ".Length..]
                : "So, " + char.ToLowerInvariant(line[0]) + line[1..];
        }
        if (!conclusion && _uses.GetValueOrDefault(inc) > 1)
        {
            _numbers[inc] = _numbers.Count + 1;
            line += $" ({_numbers[inc]})";
        }
        _lines.Add(line);
    }

    public override string ToString() => "the request cannot be satisfied:\n  " + string.Join("\n  ", _lines);

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private const int Root = 0;

    private string Describe(Incompatibility inc)
    {
        var t = inc.Terms;
        var self = t.Count > 0 ? t[0] : default;
        string Other() => TermText(t[1], inc.Range);
        switch (inc.Cause)
        {
            case Cause.Request:
                return inc.Range == "*" ? $"you request {_solver.DomainOf(t[1].Package).Name}" : $"you request {Other()}";
            case Cause.Dependency:
                return $"{TermText(self)} depends on {Other()}";
            case Cause.Provides:
                return $"{TermText(self)} stands for {Other()}";
            case Cause.Conflict:
                return $"{TermText(self)} conflicts with {TermText(t[1])}";
            case Cause.Removed:
                return $"you remove {_solver.DomainOf(t[1].Package).Name}";
            case Cause.Missing:
                var asked = inc.Via == Cause.Request ? "you request" : $"{TermText(self)} depends on";
                return $"{asked} {inc.Missing} {inc.Range}, but {NoVersions(inc.Missing!, inc.Range!)}";
            case Cause.NoVersions:
                return $"no version of {TermText(self)} can be chosen";
            case Cause.Root:
                return "the request is made";
            case Cause.Derived:
                break;
        }
        var positives = t.Where(x => x.Positive).ToList();
        var negatives = t.Where(x => !x.Positive).ToList();
        var rootPos = positives.Any(x => x.Package == Root);
        positives.RemoveAll(x => x.Package == Root);
        var who = positives.Select(x => TermText(x)).ToList();
        if (rootPos)
            who.Insert(0, "the request");
        var needs = negatives.Select(x => TermText(x.Negate())).ToList();
        if (who.Count == 0 && needs.Count == 0)
            return "no solution exists";
        if (needs.Count == 0)
            return who.Count == 1 ? (rootPos ? "the request cannot be satisfied" : $"{who[0]} cannot be installed") : $"{Join(who, "and")} cannot be installed together";
        if (who.Count == 0)
            return $"{Join(needs, "or")} is required";
        return $"{Join(who, "and")} {(who.Count == 1 ? "requires" : "together require")} {Join(needs, "or")}";
    }

    private static string Join(List<string> items, string word) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + $" {word} " + items[^1];

    /// <summary>A term in words: "hello 1.2.0", "relibc >=0.3.0" (the range as written, when known), "zlib 1.2.0 or 1.3.0".</summary>
    private string TermText(Term term, string? range = null)
    {
        var d = _solver.DomainOf(term.Package);
        if (term.Package == Root)
            return "the request";
        if (range is not null && range != "*")
            return $"{d.Name} {range}";
        var set = term.Set.Indices().ToList();
        if (set.Count == d.Size && set.Count != 1)
            return d.Name;
        var names = set.Select(i => d.Options[i]).Select(o => o.Real is { } c ? c.Version.Text : $"(provided by {o.Provider!.Name} {o.Provider.Version})").ToList();
        if (names.Count > 4)
            names = [.. names.Take(3), $"… ({names.Count} versions)"];
        return $"{d.Name} {Join(names, "or")}";
    }

    private string NoVersions(string name, string range)
    {
        var here = _solver.UniverseOf.Versions(name);
        var elsewhere = _solver.UniverseOf.Elsewhere(name);
        var target = _solver.UniverseOf.Target;
        var sb = new StringBuilder();
        if (here.Count == 0 && elsewhere.Count == 0)
        {
            sb.Append($"no source has a package named {name}");
            if (Suggest.Closest(name, _solver.UniverseOf.Names) is { } s)
                sb.Append($" (did you mean {s}?)");
            return sb.ToString();
        }
        if (here.Count > 0)
            sb.Append($"no version of {name} matching {range} is available for {target} (available: {string.Join(", ", here.Select(c => c.Version.Text).Take(6))})");
        else
            sb.Append($"{name} is not available for {target}");
        var other = elsewhere.Where(e => range == "*" || Format.VersionRange.Parse(range).Contains(Format.SemVersion.Parse(e.Version))).ToList();
        if (other.Count > 0)
            sb.Append($" ({name} {other[0].Version} exists only for {string.Join(", ", other.Select(o => o.Target).Distinct())})");
        return sb.ToString();
    }
}
