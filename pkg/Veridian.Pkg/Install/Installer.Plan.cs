using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg.Format;
using Veridian.Pkg.IO;

namespace Veridian.Pkg.Install;

public sealed partial class Installer
{
    /// <summary>A planned transaction: journal operations in execution order and the database after it.</summary>
    private sealed class Plan
    {
        public List<JournalOp> Ops { get; } = [];
        public List<(Package Package, Entry Entry, JournalOp Op)> Staged { get; } = [];
        public List<Diagnostic> Messages { get; } = [];
        public List<string> Removed { get; } = [];
        public InstalledDatabase NewDatabase { get; set; } = InstalledDatabase.Empty;
        private int _next;

        public string StageName(string path, string suffix) => ParentOf(path) + PathRules.ReservedPrefix + _next++ + suffix;

        private static string ParentOf(string path)
        {
            var slash = path.LastIndexOf('/');
            return slash < 0 ? "" : path[..(slash + 1)];
        }
    }

    private enum DiskState
    {
        Missing,
        Unmodified,
        Modified,
    }

    private Plan PlanInstall(IReadOnlyList<Package> packages, InstalledDatabase db) => PlanChange([], packages, db, null);

    private Plan PlanRemove(IReadOnlyList<string> names, InstalledDatabase db) => PlanChange(names, [], db, null);

    /// <summary>Removals first, then installs and upgrades, as one plan.</summary>
    private Plan PlanChange(IReadOnlyList<string> remove, IReadOnlyList<Package> packages, InstalledDatabase db, ChangeSet? change)
    {
        var plan = new Plan();
        var result = db.Packages.ToList();
        var rmdirs = new List<string>();
        foreach (var name in remove)
        {
            var pkg = result.FirstOrDefault(p => p.Name == name) ?? throw DiagnosticException.Error(PkgCodes.NotInstalled,
                $"package '{name}' is not installed in '{Sysroot.Root}'", hint: Suggest.Closest(name, result.Select(p => p.Name)) is { } s ? $"did you mean '{s}'?" : "see 'veridian pkg list'");
            result.Remove(pkg);
            plan.Removed.Add($"{pkg.Name} {pkg.Version}");
            PlanDrop(plan, pkg.Entries, name, Owners(result), rmdirs, "remove");
        }
        foreach (var package in packages)
        {
            var name = package.Manifest.Name;
            var old = result.FirstOrDefault(p => p.Name == name);
            result.RemoveAll(p => p.Name == name);
            var others = Owners(result);
            var othersFolded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var k in others.Keys)
                othersFolded.TryAdd(k, k);
            var oldByPath = old?.Entries.ToDictionary(e => e.Path, StringComparer.Ordinal) ?? [];
            var newPaths = new HashSet<string>(package.Entries.Select(e => e.Path), StringComparer.Ordinal);
            var recorded = new List<InstalledEntry>();
            var where = new SourceLocation(package.Path);
            foreach (var e in package.Entries)
            {
                if (others.TryGetValue(e.Path, out var owner))
                {
                    if (!(e.Type == EntryType.Directory && owner.Entry.Type == EntryType.Directory))
                        throw DiagnosticException.Error(PkgCodes.PathConflict, $"'{e.Path}' of '{name}' is already owned by package '{owner.Package}'", where,
                            $"remove '{owner.Package}' first, or rebuild one of the packages without that path");
                }
                else if (othersFolded.TryGetValue(e.Path, out var caseTwin))
                {
                    throw DiagnosticException.Error(PkgCodes.DuplicatePath, $"'{e.Path}' of '{name}' differs only in case from '{caseTwin}' of package '{others[caseTwin].Package}'", where);
                }
                var disk = Posix.Lstat(Sysroot.Full(e.Path));
                oldByPath.TryGetValue(e.Path, out var previous);
                switch (e.Type)
                {
                    case EntryType.Directory:
                        if (disk.Kind == NodeKind.Symlink)
                            throw DiagnosticException.Error(PkgCodes.SymlinkInParent, $"'{e.Path}' is a symlink in the sysroot; extraction never goes through links", where);
                        if (disk.Kind == NodeKind.None)
                        {
                            plan.Ops.Add(new JournalOp(JournalOpKind.Mkdir, e.Path, null, null));
                            recorded.Add(new InstalledEntry(e.Path, EntryType.Directory, e.Mode, null, null, false));
                        }
                        else if (disk.Kind == NodeKind.Directory)
                        {
                            var adopted = previous is not null ? previous.Adopted : owner.Package is null;
                            recorded.Add(new InstalledEntry(e.Path, EntryType.Directory, e.Mode, null, null, adopted));
                        }
                        else
                        {
                            throw DiagnosticException.Error(PkgCodes.PathConflict, $"'{e.Path}' exists in the sysroot and is not a directory", where);
                        }
                        break;
                    case EntryType.File:
                    case EntryType.Symlink:
                        var entry = new InstalledEntry(e.Path, e.Type, e.Mode, e.Type == EntryType.File ? Hex.Of(e.Sha256) : null, e.LinkTarget, false);
                        recorded.Add(entry);
                        if (previous is { Type: EntryType.File or EntryType.Symlink })
                        {
                            var state = StateOf(previous);
                            if (state == DiskState.Modified)
                            {
                                plan.Messages.Add(Kept(e.Path, name, "upgrade"));
                                break;
                            }
                            if (state == DiskState.Unmodified && previous.Type == e.Type && previous.Sha256 == entry.Sha256 && previous.Link == entry.Link && disk.Mode == e.Mode)
                                break;
                            AddPut(plan, package, e, backup: state == DiskState.Unmodified);
                        }
                        else if (disk.Kind == NodeKind.None)
                        {
                            AddPut(plan, package, e, backup: false);
                        }
                        else
                        {
                            throw DiagnosticException.Error(PkgCodes.PathConflict, $"'{e.Path}' exists in the sysroot and is not owned by any package", where,
                                "move the file away or remove the package that should own it");
                        }
                        break;
                }
            }
            if (old is not null)
                PlanDrop(plan, old.Entries.Where(e => !newPaths.Contains(e.Path)), name, others, rmdirs, "upgrade");
            var m = package.Manifest;
            result.Add(new InstalledPackage(name, m.Version, m.Target, Manifest.KindText(m.Kind), Manifest.ChannelText(m.Channel), Hex.Of(package.Head.KeyId), m.Summary, recorded)
            {
                Depends = m.Depends, Provides = m.Provides, Conflicts = m.Conflicts,
                Requested = old?.Requested == true || change is null || !change.DependenciesOnly.Contains(name),
                Source = change?.Sources.GetValueOrDefault(name),
            });
        }
        plan.NewDatabase = new InstalledDatabase(1, result).Normalised();
        AddRmdirs(plan, rmdirs, Owners(result));
        if (packages.Count > 0)
            CheckLinks(plan.NewDatabase);
        return plan;
    }

    /// <summary>Plans removing paths a package no longer has: unmodified files go, modified ones stay (disowned).</summary>
    private void PlanDrop(Plan plan, IEnumerable<InstalledEntry> entries, string name, Dictionary<string, (string? Package, InstalledEntry Entry)> others, List<string> rmdirs, string verb)
    {
        foreach (var e in entries)
        {
            if (e.Type == EntryType.Directory)
            {
                if (!e.Adopted)
                    rmdirs.Add(e.Path);
                continue;
            }
            if (others.ContainsKey(e.Path))
                continue;
            switch (StateOf(e))
            {
                case DiskState.Missing:
                    break;
                case DiskState.Modified:
                    plan.Messages.Add(Kept(e.Path, name, verb));
                    break;
                case DiskState.Unmodified:
                    plan.Ops.Add(new JournalOp(JournalOpKind.Delete, e.Path, null, plan.StageName(e.Path, ".old")));
                    break;
            }
        }
    }

    /// <summary>Directories to remove after the commit (deepest first), unless another package still owns them.</summary>
    private static void AddRmdirs(Plan plan, List<string> rmdirs, Dictionary<string, (string? Package, InstalledEntry Entry)> owners)
    {
        foreach (var d in rmdirs.Distinct().Where(d => !owners.ContainsKey(d)).OrderByDescending(d => d, Comparer<string>.Create(EntryTable.ComparePaths)))
            plan.Ops.Add(new JournalOp(JournalOpKind.Rmdir, d, null, null));
    }

    private static void AddPut(Plan plan, Package package, Entry e, bool backup)
    {
        var op = new JournalOp(JournalOpKind.Put, e.Path, plan.StageName(e.Path, ".new"), backup ? plan.StageName(e.Path, ".old") : null);
        plan.Ops.Add(op);
        plan.Staged.Add((package, e, op));
    }

    private static Diagnostic Kept(string path, string package, string verb) =>
        Diagnostic.Warning(PkgCodes.ModifiedFileKept, $"'{path}' was modified since '{package}' installed it; kept as it is ({verb})",
            hint: "compare it with the packaged version and merge by hand if needed");

    private static Dictionary<string, (string? Package, InstalledEntry Entry)> Owners(IEnumerable<InstalledPackage> packages)
    {
        var owners = new Dictionary<string, (string? Package, InstalledEntry Entry)>(StringComparer.Ordinal);
        foreach (var p in packages)
        {
            foreach (var e in p.Entries)
                owners.TryAdd(e.Path, (p.Name, e));
        }
        return owners;
    }

    /// <summary>Whether an installed file or symlink is still what the package put there.</summary>
    private DiskState StateOf(InstalledEntry e)
    {
        var full = Sysroot.Full(e.Path);
        var disk = Posix.Lstat(full);
        if (disk.Kind == NodeKind.None)
            return DiskState.Missing;
        return e.Type switch
        {
            EntryType.File => disk.Kind == NodeKind.File && Sha256Hash.HexOfFile(full) == e.Sha256 ? DiskState.Unmodified : DiskState.Modified,
            EntryType.Symlink => disk.Kind == NodeKind.Symlink && new FileInfo(full).LinkTarget == e.Link ? DiskState.Unmodified : DiskState.Modified,
            EntryType.Directory => disk.Kind == NodeKind.Directory ? DiskState.Unmodified : DiskState.Modified,
        };
    }

    /// <summary>
    /// Every symlink of every package, resolved through the sysroot as it will be (package entries first,
    /// then what is on disk), must stay inside the sysroot; a new link can redirect an old chain.
    /// </summary>
    private void CheckLinks(InstalledDatabase db)
    {
        var view = new Dictionary<string, InstalledEntry>(StringComparer.Ordinal);
        foreach (var p in db.Packages)
        {
            foreach (var e in p.Entries)
                view.TryAdd(e.Path, e);
        }
        (EntryType, string?)? Lookup(string path)
        {
            if (view.TryGetValue(path, out var e))
                return (e.Type, e.Link);
            var full = Sysroot.Full(path);
            return Posix.Lstat(full).Kind switch
            {
                NodeKind.None => null,
                NodeKind.Symlink => (EntryType.Symlink, new FileInfo(full).LinkTarget),
                NodeKind.Directory => (EntryType.Directory, null),
                NodeKind.File or NodeKind.Other => (EntryType.File, null),
            };
        }
        foreach (var p in db.Packages)
        {
            foreach (var e in p.Entries.Where(e => e.Type == EntryType.Symlink))
            {
                if (SymlinkResolver.Escapes(e.Path, e.Link!, Lookup, _options.Limits.MaxSymlinkHops, out var why))
                    throw DiagnosticException.Error(PkgCodes.SymlinkEscapes, $"symlink '{e.Path}' -> '{e.Link}' of '{p.Name}' {why} once installed");
            }
        }
    }
}
