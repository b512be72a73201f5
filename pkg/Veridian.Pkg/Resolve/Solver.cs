using Veridian.Diagnostics;
using Veridian.Pkg.Format;

namespace Veridian.Pkg.Resolve;

/// <summary>A requirement of the request: a name and a range.</summary>
public sealed record Requirement(string Name, VersionRange Range);

/// <summary>How the resolver prefers among versions that all satisfy the request.</summary>
public enum Preference
{
    /// <summary>The installed version, else the newest (install, remove).</summary>
    Installed,

    /// <summary>The newest version (upgrade).</summary>
    Newest,
}

/// <summary>What the resolver is asked: requirements, names to remove, names whose preference is the newest version.</summary>
public sealed record ResolveRequest
{
    public IReadOnlyList<Requirement> Require { get; init; } = [];
    public IReadOnlyList<string> Forbid { get; init; } = [];

    /// <summary>Names for which the newest version is preferred even when another is installed (upgrade).</summary>
    public IReadOnlySet<string> Upgrade { get; init; } = new HashSet<string>();

    /// <summary>Exact versions to prefer (a lock file), by name.</summary>
    public IReadOnlyDictionary<string, SemVersion> Prefer { get; init; } = new Dictionary<string, SemVersion>();
}

/// <summary>
/// PubGrub (Natalie Weizenbaum's algorithm, as in Dart's pub): a complete resolver with conflict-driven clause learning, whose
/// failures come with a derivation that <see cref="Explanation"/> turns into sentences. <c>provides</c> make a name's domain
/// hold its providers too; <c>conflicts</c> are incompatibilities of two selections.
/// </summary>
public sealed partial class Solver
{
    private const int RootPackage = 0;

    private readonly Universe _universe;
    private readonly ResolveRequest _request;
    private readonly List<Domain> _domains = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<Incompatibility> _incompatibilities = [];
    private readonly Dictionary<int, List<Incompatibility>> _byPackage = [];
    private readonly HashSet<(int, int)> _expanded = [];
    private readonly List<Assignment> _assignments = [];
    private readonly Dictionary<int, Term> _accumulated = [];
    private readonly Dictionary<int, int> _decisions = [];

    /// <summary>Packages with a positive accumulated term and no decision: the only ones <see cref="Decide"/> looks at.</summary>
    private readonly HashSet<int> _pending = [];

    /// <summary>Work done, for the bench: decisions and conflicts.</summary>
    public int Decisions { get; private set; }
    public int Conflicts { get; private set; }

    public Solver(Universe universe, ResolveRequest request)
    {
        _universe = universe;
        _request = request;
        _domains.Add(new Domain("(request)", [new Option(null, null)]));
        _ids["(request)"] = RootPackage;
    }

    /// <summary>One choice in a package's domain: a real candidate of that name, or another package that provides it.</summary>
    internal sealed record Option(Candidate? Real, Candidate? Provider);

    internal sealed record Domain(string Name, IReadOnlyList<Option> Options)
    {
        public int Size => Options.Count;
    }

    private sealed record Assignment(Term Term, int Level, Incompatibility? Cause)
    {
        public bool IsDecision => Cause is null;
    }

    internal Domain DomainOf(int id) => _domains[id];

    internal Universe UniverseOf => _universe;

    internal int Id(string name)
    {
        if (_ids.TryGetValue(name, out var id))
            return id;
        var options = _universe.Versions(name).Select(c => new Option(c, null))
            .Concat(_universe.Providers(name).Select(p => new Option(null, p))).ToList();
        id = _domains.Count;
        _domains.Add(new Domain(name, options));
        _ids[name] = id;
        return id;
    }

    /// <summary>The set of a name's options a range allows: its versions in the range, and every provider (provides carry no version).</summary>
    private VersionSet Allowed(int id, VersionRange range)
    {
        var d = _domains[id];
        return VersionSet.Of(d.Size, Enumerable.Range(0, d.Size).Where(i => d.Options[i].Real is not { } c || range.Contains(c.Version)));
    }

    private VersionSet Full(int id) => VersionSet.Full(_domains[id].Size);

    private Term Pos(int id, VersionSet s) => new(id, true, s);

    private Term Neg(int id, VersionSet s) => new(id, false, s);

    /// <summary>Solves the request: the chosen candidate per name (providers resolved to the providing package), or VDN6301 with the explanation.</summary>
    public IReadOnlyDictionary<string, Candidate> Solve()
    {
        // The root must be selected; its "dependencies" are the request.
        AddIncompatibility(new Incompatibility([Neg(RootPackage, VersionSet.Full(1))], Cause.Root, null));
        var next = RootPackage;
        while (true)
        {
            Propagate(next);
            var choice = Decide();
            if (choice is null)
                break;
            next = choice.Value;
        }
        var result = new SortedDictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var (id, index) in _decisions)
        {
            if (id == RootPackage)
                continue;
            if (_domains[id].Options[index].Real is { } c)
                result[c.Name] = c;
        }
        return result;
    }

    private void AddIncompatibility(Incompatibility inc)
    {
        _incompatibilities.Add(inc);
        foreach (var t in inc.Terms)
        {
            if (!_byPackage.TryGetValue(t.Package, out var list))
                _byPackage[t.Package] = list = [];
            list.Add(inc);
        }
    }

    private Term? AccumulatedOf(int id) => _accumulated.TryGetValue(id, out var t) ? t : null;

    private enum Relation
    {
        Satisfied,
        Contradicted,
        Inconclusive,
        AlmostSatisfied,
    }

    private Relation Relate(Incompatibility inc, out Term unsatisfied)
    {
        unsatisfied = default;
        var found = false;
        foreach (var t in inc.Terms)
        {
            var acc = AccumulatedOf(t.Package);
            if (acc is { } a)
            {
                if (a.Satisfies(t))
                    continue;
                if (a.Contradicts(t))
                    return Relation.Contradicted;
            }
            if (found)
                return Relation.Inconclusive;
            found = true;
            unsatisfied = t;
        }
        return found ? Relation.AlmostSatisfied : Relation.Satisfied;
    }

    private void Propagate(int start)
    {
        var changed = new Stack<int>();
        changed.Push(start);
        while (changed.Count > 0)
        {
            var package = changed.Pop();
            if (!_byPackage.TryGetValue(package, out var list))
                continue;
            for (var i = list.Count - 1; i >= 0; i--)
            {
                var inc = list[i];
                var relation = Relate(inc, out var term);
                if (relation == Relation.Satisfied)
                {
                    var root = Resolve(inc);
                    if (Relate(root, out var t) != Relation.AlmostSatisfied)
                        throw new InvalidOperationException("PubGrub: the learned incompatibility is not almost satisfied after backjumping");
                    Derive(t.Negate(), root);
                    changed.Clear();
                    changed.Push(t.Package);
                    break;
                }
                if (relation == Relation.AlmostSatisfied)
                {
                    Derive(term.Negate(), inc);
                    changed.Push(term.Package);
                }
            }
        }
    }

    private int Level => _decisions.Count;

    private void Derive(Term term, Incompatibility cause)
    {
        _assignments.Add(new Assignment(term, Level, cause));
        var acc = AccumulatedOf(term.Package) is { } a ? a.Intersect(term) : term;
        _accumulated[term.Package] = acc;
        if (acc.Positive && !_decisions.ContainsKey(term.Package))
            _pending.Add(term.Package);
    }

    /// <summary>Conflict resolution: learns an incompatibility and backjumps (PubGrub's "conflict resolution").</summary>
    private Incompatibility Resolve(Incompatibility inc)
    {
        Conflicts++;
        var learned = false;
        while (true)
        {
            if (inc.Terms.Count == 0 || (inc.Terms.Count == 1 && inc.Terms[0].Package == RootPackage && inc.Terms[0].Positive))
                throw DiagnosticException.Error(ResolveCodes.Unsatisfiable, new Explanation(this, inc).ToString(),
                    hint: "nothing was changed; relax a version range, add the missing package to a source, or remove the conflicting package first");
            var (satisfierIndex, previousLevel) = FindSatisfier(inc);
            var satisfier = _assignments[satisfierIndex];
            var term = inc.Terms.First(t => t.Package == satisfier.Term.Package);
            if (satisfier.IsDecision || previousLevel != satisfier.Level)
            {
                if (learned)
                    AddIncompatibility(inc);
                Backtrack(previousLevel);
                return inc;
            }
            var terms = inc.Terms.Where(t => t.Package != satisfier.Term.Package)
                .Concat(satisfier.Cause!.Terms.Where(t => t.Package != satisfier.Term.Package)).ToList();
            var rest = satisfier.Term.Intersect(term.Negate());
            if (!rest.IsEmpty && !(rest.Positive == false && rest.Set.IsEmpty))
                terms.Add(rest.Negate());
            inc = new Incompatibility(Merge(terms), Cause.Derived, null, inc, satisfier.Cause);
            learned = true;
        }
    }

    /// <summary>Merges terms of one package by intersection, so an incompatibility has at most one term per package.</summary>
    private static List<Term> Merge(IEnumerable<Term> terms)
    {
        var by = new Dictionary<int, Term>();
        foreach (var t in terms)
            by[t.Package] = by.TryGetValue(t.Package, out var o) ? o.Intersect(t) : t;
        return [.. by.Values.OrderBy(t => t.Package)];
    }

    private (int Satisfier, int PreviousLevel) FindSatisfier(Incompatibility inc)
    {
        var firstSatisfied = new Dictionary<int, int>();
        var acc = new Dictionary<int, Term>();
        var remaining = inc.Terms.ToDictionary(t => t.Package);
        var satisfier = -1;
        for (var i = 0; i < _assignments.Count && remaining.Count > 0; i++)
        {
            var a = _assignments[i].Term;
            acc[a.Package] = acc.TryGetValue(a.Package, out var p) ? p.Intersect(a) : a;
            if (remaining.TryGetValue(a.Package, out var t) && acc[a.Package].Satisfies(t))
            {
                firstSatisfied[a.Package] = i;
                remaining.Remove(a.Package);
                satisfier = i;
            }
        }
        if (satisfier < 0)
            throw new InvalidOperationException("PubGrub: no satisfier for a satisfied incompatibility");
        var sat = _assignments[satisfier];
        var previous = 1;
        foreach (var (package, index) in firstSatisfied)
        {
            if (package != sat.Term.Package)
                previous = Math.Max(previous, _assignments[index].Level);
        }
        // The satisfier's own package: the earliest earlier assignment that, with the satisfier, already satisfies the term.
        var own = inc.Terms.First(t => t.Package == sat.Term.Package);
        Term? before = null;
        for (var i = 0; i < satisfier; i++)
        {
            var a = _assignments[i];
            if (a.Term.Package != sat.Term.Package)
                continue;
            before = before is { } b ? b.Intersect(a.Term) : a.Term;
            if (before.Value.Intersect(sat.Term).Satisfies(own))
            {
                previous = Math.Max(previous, a.Level);
                break;
            }
        }
        return (satisfier, previous);
    }

    private void Backtrack(int level)
    {
        while (_assignments.Count > 0 && _assignments[^1].Level > level)
        {
            var a = _assignments[^1];
            _assignments.RemoveAt(_assignments.Count - 1);
            if (a.IsDecision)
                _decisions.Remove(a.Term.Package);
        }
        _accumulated.Clear();
        foreach (var a in _assignments)
            _accumulated[a.Term.Package] = _accumulated.TryGetValue(a.Term.Package, out var t) ? t.Intersect(a.Term) : a.Term;
        _pending.Clear();
        foreach (var (id, acc) in _accumulated)
        {
            if (acc.Positive && !_decisions.ContainsKey(id))
                _pending.Add(id);
        }
    }

    /// <summary>PubGrub's decision making: the undecided package with a positive term and the fewest options, at its preferred option.</summary>
    private int? Decide()
    {
        int? best = null;
        var bestCount = int.MaxValue;
        foreach (var id in _pending)
        {
            var count = _accumulated[id].Set.Count;
            if (count < bestCount || (count == bestCount && string.CompareOrdinal(_domains[id].Name, _domains[best!.Value].Name) < 0))
            {
                best = id;
                bestCount = count;
            }
        }
        if (best is not { } package)
            return null;
        var allowed = _accumulated[package].Set;
        if (allowed.IsEmpty)
        {
            AddIncompatibility(new Incompatibility([Pos(package, allowed)], Cause.NoVersions, null));
            return package;
        }
        var index = Prefer(package, allowed);
        if (index < 0)
        {
            AddIncompatibility(new Incompatibility([_accumulated[package]], Cause.NoVersions, null));
            return package;
        }
        Expand(package, index);
        Decisions++;
        _decisions[package] = index;
        _pending.Remove(package);
        var term = Pos(package, VersionSet.Of(_domains[package].Size, [index]));
        _assignments.Add(new Assignment(term, Level, null));
        _accumulated[package] = _accumulated[package].Intersect(term);
        return package;
    }

    private int Prefer(int package, VersionSet allowed)
    {
        var d = _domains[package];
        var indices = allowed.Indices().ToList();
        if (package == RootPackage)
            return 0;
        var upgrade = _request.Upgrade.Contains(d.Name);
        int Score(int i)
        {
            var o = d.Options[i];
            if (o.Real is { } c)
            {
                if (_request.Prefer.TryGetValue(c.Name, out var locked) && locked.Equals(c.Version))
                    return 0;
                if (c.Installed && !upgrade)
                    return 1;
                return 2;
            }
            return o.Provider!.Installed ? 3 : 4;
        }
        // Options are newest first, so the first of the best score is the newest of it.
        return indices.OrderBy(Score).ThenBy(i => i).DefaultIfEmpty(-1).First();
    }

    /// <summary>
    /// "<paramref name="self"/> needs <paramref name="name"/> in <paramref name="range"/>"; when nothing matches, the external fact
    /// "self cannot be chosen, because nothing matches" instead (a finite domain has no empty version set to speak of).
    /// </summary>
    private void AddDependency(Term self, string name, VersionRange range, Cause cause)
    {
        var id = Id(name);
        var allowed = Allowed(id, range);
        if (allowed.IsEmpty)
            AddIncompatibility(new Incompatibility([self], Cause.Missing, range.Text) { Missing = name, Via = cause });
        else
            AddIncompatibility(new Incompatibility([self, Neg(id, allowed)], cause, range.Text));
    }

    /// <summary>Adds the incompatibilities an option brings: its dependencies and conflicts, or the provider it stands for.</summary>
    private void Expand(int package, int index)
    {
        if (!_expanded.Add((package, index)))
            return;
        var self = Pos(package, VersionSet.Of(_domains[package].Size, [index]));
        if (package == RootPackage)
        {
            foreach (var r in _request.Require)
                AddDependency(self, r.Name, r.Range, Cause.Request);
            foreach (var name in _request.Forbid)
            {
                var id = Id(name);
                if (_domains[id].Size > 0)
                    AddIncompatibility(new Incompatibility([self, Pos(id, Full(id))], Cause.Removed, null));
            }
            return;
        }
        var option = _domains[package].Options[index];
        if (option.Provider is { } p)
        {
            var pid = Id(p.Name);
            var at = _domains[pid].Options.ToList().FindIndex(o => o.Real == p);
            AddIncompatibility(new Incompatibility([self, Neg(pid, VersionSet.Of(_domains[pid].Size, [at]))], Cause.Provides, null));
            return;
        }
        var c = option.Real!;
        foreach (var dep in c.Depends)
            AddDependency(self, dep.Name, VersionRange.Parse(dep.Range), Cause.Dependency);
        foreach (var name in c.Conflicts.Where(n => n != c.Name))
        {
            var id = Id(name);
            var real = VersionSet.Of(_domains[id].Size, Enumerable.Range(0, _domains[id].Size).Where(i => _domains[id].Options[i].Real is not null));
            if (!real.IsEmpty)
                AddIncompatibility(new Incompatibility([self, Pos(id, real)], Cause.Conflict, null));
            foreach (var provider in _universe.Providers(name).Where(x => x.Name != c.Name))
            {
                var pid = Id(provider.Name);
                var at = _domains[pid].Options.ToList().FindIndex(o => o.Real == provider);
                AddIncompatibility(new Incompatibility([self, Pos(pid, VersionSet.Of(_domains[pid].Size, [at]))], Cause.Conflict, null));
            }
        }
    }
}
