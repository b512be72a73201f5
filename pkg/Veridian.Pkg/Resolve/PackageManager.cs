using System.Collections.Concurrent;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg.Format;
using Veridian.Pkg.Install;
using Veridian.Pkg.Repository;

namespace Veridian.Pkg.Resolve;

/// <summary>Options of <see cref="PackageManager"/>.</summary>
public sealed record ManagerOptions
{
    public InstallOptions Install { get; init; } = new();
    public ClientOptions Client { get; init; } = new();

    /// <summary>Resolve against the trusted metadata as it is, without updating the sources first.</summary>
    public bool Offline { get; init; }

    /// <summary>How many packages are downloaded at once.</summary>
    public int ParallelDownloads { get; init; } = 4;

    /// <summary>Told of each step (update, download) for a progress display.</summary>
    public Action<string>? Progress { get; init; }
}

/// <summary>What a change by name did: the transaction, the resolved set, and where the lock file was written.</summary>
public sealed record ManagerResult(TransactionResult Transaction, IReadOnlyList<string> Resolved, string? LockPath);

/// <summary>
/// Installs, upgrades and removes packages by name (docs/pkg-repository.md, Installing by name): under the sysroot's lock it
/// updates the sources, resolves with <see cref="Solver"/> against their trusted targets and the installed packages, downloads
/// what is missing (bounded and hash-checked), and applies the whole set as one transaction of <see cref="Installer"/>.
/// </summary>
public sealed class PackageManager(Sysroot sysroot, ManagerOptions? options = null)
{
    private readonly ManagerOptions _options = options ?? new ManagerOptions();

    public Sysroot Sysroot { get; } = sysroot;

    public string LockPath => Sysroot.Full(LockFile.DefaultPath);

    public string CacheDir => Sysroot.Full(Pkg.Install.Sysroot.StateDir + "/cache");

    /// <summary><c>install NAME[@RANGE]…</c>: the request plus everything installed stays satisfied; installed versions are preferred.</summary>
    public ManagerResult Install(IReadOnlyList<string> specs)
    {
        var requested = specs.Select(ParseSpec).ToList();
        return Run(db => (new ResolveRequest { Require = [.. requested, .. Keep(db)] }, requested.Select(r => r.Name).ToHashSet(StringComparer.Ordinal)));
    }

    /// <summary>
    /// <c>install --dry-run NAME…</c>: resolves as <see cref="Install"/> would (after updating the sources unless offline) and returns
    /// what would be installed, without downloading or changing anything.
    /// </summary>
    public IReadOnlyList<Candidate> DryRun(IReadOnlyList<string> specs)
    {
        var requested = specs.Select(ParseSpec).ToList();
        var sources = SourceList.Load(Sysroot);
        if (!_options.Offline)
        {
            using var _ = SysrootLock.Acquire(Sysroot, _options.Install.LockTimeout, _options.Install.OnWait);
            foreach (var s in SourceList.Ordered(sources))
                SourceList.Update(Sysroot, s, _options.Client);
        }
        var db = Sysroot.ReadDatabase();
        var resolution = new Solver(BuildUniverse(db, sources), new ResolveRequest { Require = [.. requested, .. Keep(db)] }).Solve();
        return resolution.Values.Where(c => db.Find(c.Name)?.Version != c.Version.Text).ToList();
    }

    /// <summary><c>upgrade [NAME…]</c>: the newest versions of the named (or all installed) packages that keep everything satisfied.</summary>
    public ManagerResult Upgrade(IReadOnlyList<string> names) => Run(db =>
    {
        foreach (var n in names)
            RequireInstalled(db, n);
        var upgrade = (names.Count > 0 ? names : db.Packages.Select(p => p.Name)).ToHashSet(StringComparer.Ordinal);
        return (new ResolveRequest { Require = Keep(db), Upgrade = upgrade }, new HashSet<string>(StringComparer.Ordinal));
    });

    /// <summary><c>install --from-lock FILE</c>: exactly the locked versions (and their bytes); installed packages the lock lacks are removed.</summary>
    public ManagerResult Sync(string lockFile)
    {
        var locked = LockFile.Load(lockFile);
        return Run(db =>
        {
            if (locked.Target != Sysroot.ReadTarget())
                throw DiagnosticException.Error(ResolveCodes.BadLock, $"the lock file is for {locked.Target}, the sysroot for {Sysroot.ReadTarget()}");
            var names = locked.Packages.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            return (new ResolveRequest
            {
                Require = locked.Packages.Select(p => new Requirement(p.Name, VersionRange.Parse("=" + p.Version))).ToList(),
                Forbid = db.Packages.Select(p => p.Name).Where(n => !names.Contains(n)).ToList(),
                Prefer = locked.Packages.ToDictionary(p => p.Name, p => SemVersion.Parse(p.Version)),
            }, names);
        }, locked);
    }

    /// <summary>
    /// <c>remove NAME…</c>: refused (VDN6301, explained) when a package that stays depends on one that goes and nothing else
    /// installed satisfies the dependency; dependencies that were not satisfied before are not this removal's concern.
    /// </summary>
    public ManagerResult Remove(IReadOnlyList<string> names)
    {
        var installer = new Installer(Sysroot, _options.Install);
        var tx = installer.Change(db =>
        {
            foreach (var n in names)
                RequireInstalled(db, n);
            var gone = names.ToHashSet(StringComparer.Ordinal);
            var after = db.Packages.Where(p => !gone.Contains(p.Name)).ToList();
            var problems = new List<string>();
            foreach (var p in after)
            {
                foreach (var d in p.Depends)
                {
                    var range = VersionRange.Parse(d.Range);
                    var before = Satisfiers(db.Packages, d.Name, range);
                    var still = Satisfiers(after, d.Name, range);
                    if (before.Count > 0 && still.Count == 0)
                        problems.Add($"{p.Name} {p.Version} depends on {d.Name} {d.Range}, which only {string.Join(" and ", before)} satisfied");
                }
            }
            if (problems.Count > 0)
                throw DiagnosticException.Error(ResolveCodes.Unsatisfiable, $"cannot remove {string.Join(", ", names)}:\n  " + string.Join("\n  ", problems.Select(x => "because " + x + ",")) + "\n  removing it would break them.",
                    hint: "nothing was changed; remove the dependent packages too (in the same command), or keep it");
            return new ChangeSet { Remove = names };
        });
        WriteLock(Sysroot.ReadDatabase().Packages.Select(p => new LockedPackage(p.Name, p.Version, p.Target, p.Source, null)).ToList(), keepHashes: true);
        return new ManagerResult(tx, Sysroot.ReadDatabase().Packages.Select(p => $"{p.Name} {p.Version}").ToList(), LockPath);
    }

    private static List<string> Satisfiers(IEnumerable<InstalledPackage> packages, string name, VersionRange range) =>
        packages.Where(p => (p.Name == name && range.Contains(SemVersion.Parse(p.Version))) || (p.Name != name && p.Provides.Contains(name)))
            .Select(p => $"{p.Name} {p.Version}").ToList();

    private static void RequireInstalled(InstalledDatabase db, string name)
    {
        if (db.Find(name) is null)
            throw DiagnosticException.Error(PkgCodes.NotInstalled, $"package '{name}' is not installed",
                hint: Suggest.Closest(name, db.Packages.Select(p => p.Name)) is { } s ? $"did you mean '{s}'?" : "see 'veridian pkg list'");
    }

    /// <summary>Every installed package stays installed (at any version the resolver prefers to keep).</summary>
    private static List<Requirement> Keep(InstalledDatabase db) =>
        db.Packages.Select(p => new Requirement(p.Name, VersionRange.Any)).ToList();

    public static Requirement ParseSpec(string spec)
    {
        var at = spec.IndexOf('@');
        var name = at < 0 ? spec : spec[..at];
        var range = at < 0 ? "*" : spec[(at + 1)..];
        var why = "";
        if (name.Length == 0 || !VersionRange.TryParse(range, out var r, out why))
            throw DiagnosticException.Error(ResolveCodes.BadRequest, $"'{spec}' is not NAME or NAME@RANGE{(why.Length == 0 ? "" : $": the range {why}")}", hint: "for example zlib, or zlib@>=1.2.0, <2.0.0");
        return new Requirement(name, r);
    }

    /// <summary>The universe: each source's trusted targets (a name from the highest-priority source that has it for this target) and the installed packages.</summary>
    public Universe BuildUniverse(InstalledDatabase db, IReadOnlyList<Source> sources)
    {
        var target = Sysroot.ReadTarget();
        var universe = new Universe(target);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in SourceList.Ordered(sources))
        {
            var state = TrustedState.Load(SourceList.StatePath(Sysroot, s.Name));
            if (state.Targets is null)
                continue;
            foreach (var e in state.Targets.Value.Targets)
            {
                var usable = e.Target == target || e.Target == TargetName.Any;
                if (usable && owner.TryGetValue(e.Name, out var first) && first != s.Name)
                    continue;
                if (usable)
                    owner[e.Name] = s.Name;
                universe.Add(Candidate.Of(e, s.Name));
            }
        }
        foreach (var p in db.Packages)
        {
            universe.Add(new Candidate
            {
                Name = p.Name, Version = SemVersion.Parse(p.Version), Target = p.Target, Depends = p.Depends, Provides = p.Provides, Conflicts = p.Conflicts,
                Installed = true, Source = p.Source,
            });
        }
        return universe;
    }

    private ManagerResult Run(Func<InstalledDatabase, (ResolveRequest Request, HashSet<string> Requested)> ask, LockFile? locked = null)
    {
        var installer = new Installer(Sysroot, _options.Install);
        IReadOnlyDictionary<string, Candidate>? resolution = null;
        var tx = installer.Change(db =>
        {
            var sources = SourceList.Load(Sysroot);
            if (!_options.Offline)
            {
                foreach (var s in SourceList.Ordered(sources))
                {
                    _options.Progress?.Invoke($"updating {s.Name}");
                    SourceList.Update(Sysroot, s, _options.Client);
                }
            }
            var (request, requested) = ask(db);
            var universe = BuildUniverse(db, sources);
            resolution = new Solver(universe, request).Solve();
            if (locked is not null)
            {
                foreach (var l in locked.Packages)
                {
                    var c = resolution[l.Name];
                    if (l.Sha256 is not null && !(c.Installed && c.Entry is null) && c.Entry?.Sha256 != l.Sha256)
                        throw DiagnosticException.Error(ResolveCodes.BadLock, $"{l.Name} {l.Version} is no longer the package the lock recorded (SHA-256 {l.Sha256[..16]}…)",
                            hint: "the source republished it with other bytes; resolve again without --from-lock and review the change");
                }
            }
            var installed = db.Packages.ToDictionary(p => p.Name, StringComparer.Ordinal);
            var toInstall = resolution.Values.Where(c => !(installed.TryGetValue(c.Name, out var p) && p.Version == c.Version.Text)).ToList();
            var toRemove = db.Packages.Select(p => p.Name).Where(n => !resolution.ContainsKey(n)).ToList();
            var files = Download(toInstall, sources);
            var entries = toInstall.ToDictionary(c => c.Name, c => c.Entry!, StringComparer.Ordinal);
            return new ChangeSet
            {
                Install = files,
                Remove = toRemove,
                DependenciesOnly = toInstall.Select(c => c.Name).Where(n => !requested.Contains(n)).ToHashSet(StringComparer.Ordinal),
                Sources = toInstall.ToDictionary(c => c.Name, c => c.Source!, StringComparer.Ordinal),
                Check = p => RepositoryClient.RequireSameAsEntry(p, entries[p.Manifest.Name]),
            };
        });
        WriteLock(resolution!.Values.Select(c => new LockedPackage(c.Name, c.Version.Text, c.Target, c.Source, c.Entry?.Sha256)).ToList(), keepHashes: false);
        return new ManagerResult(tx, resolution.Values.Select(c => c.ToString()).ToList(), LockPath);
    }

    private void WriteLock(List<LockedPackage> packages, bool keepHashes)
    {
        if (keepHashes && File.Exists(LockPath))
        {
            var old = LockFile.Load(LockPath).Packages.ToDictionary(p => p.Name, StringComparer.Ordinal);
            packages = packages.Select(p => old.TryGetValue(p.Name, out var o) && o.Version == p.Version ? o : p).ToList();
        }
        new LockFile(Sysroot.ReadTarget(), packages).Save(LockPath);
    }

    /// <summary>Downloads the packages (several at once) into the cache, each bounded by and checked against its targets entry.</summary>
    private List<string> Download(IReadOnlyList<Candidate> packages, IReadOnlyList<Source> sources)
    {
        var byName = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var files = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var transports = new ConcurrentDictionary<string, IRepositoryTransport>(StringComparer.Ordinal);
        try
        {
            Parallel.ForEach(packages, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.ParallelDownloads) }, c =>
            {
                var entry = c.Entry ?? throw DiagnosticException.Error(ResolveCodes.Unsatisfiable, $"{c} is not offered by any source and is not installed");
                var dest = Path.Combine(CacheDir, c.Source!, Path.GetFileName(entry.Path));
                if (File.Exists(dest) && new FileInfo(dest).Length == entry.Length && Sha256Hash.HexOfFile(dest) == entry.Sha256)
                {
                    files[c.Name] = dest;
                    return;
                }
                var source = byName[c.Source!];
                var transport = transports.GetOrAdd(source.Name, _ => Transports.Open(source.Url, _options.Client.Policy));
                _options.Progress?.Invoke($"downloading {c} ({entry.Length} bytes)");
                new RepositoryClient(transport, SourceList.StatePath(Sysroot, source.Name), _options.Client).Download(entry, dest);
                files[c.Name] = dest;
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is DiagnosticException) is DiagnosticException d)
        {
            throw d;
        }
        finally
        {
            foreach (var t in transports.Values)
                t.Dispose();
        }
        return packages.Select(c => files[c.Name]).ToList();
    }
}
