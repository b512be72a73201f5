using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg.Crypto;
using Veridian.Pkg.Format;
using Veridian.Pkg.IO;

namespace Veridian.Pkg.Repository;

/// <summary>What <see cref="RepoFolder.Publish"/> wrote.</summary>
public sealed record PublishResult(long? Root, long? Targets, long Snapshot, long Timestamp, int Packages);

/// <summary>
/// A repository folder as its publisher maintains it (docs/pkg-repository.md, Publisher commands): staged metadata
/// waits in <c>.staged/</c> for signatures; <see cref="Publish"/> makes it live, timestamp last.
/// </summary>
public sealed class RepoFolder
{
    public const string StagedDir = ".staged";
    public const string PackagesDir = "packages";

    private readonly TimeProvider _clock;

    public RepoFolder(string dir, TimeProvider? clock = null, RepoExpiry? expiry = null)
    {
        Root = Path.GetFullPath(dir);
        _clock = clock ?? TimeProvider.System;
        Expiry = expiry ?? RepoExpiry.Default;
    }

    public string Root { get; }
    public RepoExpiry Expiry { get; }

    private string Full(string relative) => Path.Combine(Root, relative);

    private DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>
    /// Creates the repository: one key per role in <paramref name="keysDir"/> (kept when present) and version 1 of the four
    /// roles. Refuses a folder that is already a repository.
    /// </summary>
    public static RepoFolder Init(string dir, string keysDir, TimeProvider? clock = null, RepoExpiry? expiry = null)
    {
        var repo = new RepoFolder(dir, clock, expiry);
        if (File.Exists(repo.Full(Metadata.RootName(1))))
            throw Bad($"'{repo.Root}' is already a repository (it has {Metadata.RootName(1)})");
        var keys = new Dictionary<Role, IReadOnlyList<PublicKey>>();
        foreach (var role in Roles.All)
        {
            var pub = Path.Combine(keysDir, Roles.Name(role) + ".pub");
            keys[role] = [File.Exists(pub) ? KeyFile.ReadPublic(pub) : KeyFile.CreatePair(keysDir, Roles.Name(role))];
        }
        Directory.CreateDirectory(repo.Full(PackagesDir));
        var root = RootMetadata.Create(1, repo.Now + repo.Expiry.Root, keys);
        var rootFile = Sign(new MetadataFile(root.Encode(), []), keysDir, root, Role.Root);
        root.RequireSelfSigned(rootFile, repo.Full(Metadata.RootName(1)));
        AtomicFile.CreateNew(repo.Full(Metadata.RootName(1)), rootFile.Encode(), Durability.Flush, FileModes.Public);
        var targets = new TargetsMetadata(1, MetaJson.Seconds(repo.Now + repo.Expiry.Targets), []);
        repo.WriteTargets(Sign(new MetadataFile(targets.Encode(), []), keysDir, root, Role.Targets), 1, root);
        repo.PublishSnapshotAndTimestamp(keysDir, root, 1, forceSnapshot: true);
        return repo;
    }

    public bool IsRepository => File.Exists(Full(Metadata.RootName(1))) && File.Exists(Full(Metadata.Timestamp));

    private void RequireRepository()
    {
        if (!IsRepository)
            throw Bad($"'{Root}' is not a repository", "create one with 'veridian pkg repo init <dir> --keys <keys-dir>'");
    }

    /// <summary>The newest root (the highest N.root.json of an unbroken chain from 1).</summary>
    public Meta<RootMetadata> CurrentRoot()
    {
        RequireRepository();
        Meta<RootMetadata>? root = null;
        for (var v = 1L; File.Exists(Full(Metadata.RootName(v))); v++)
            root = Metadata.Root(File.ReadAllBytes(Full(Metadata.RootName(v))), Full(Metadata.RootName(v)));
        return root!;
    }

    public Meta<TimestampMetadata> CurrentTimestamp() => Metadata.TimestampOf(File.ReadAllBytes(Full(Metadata.Timestamp)), Full(Metadata.Timestamp));

    public Meta<SnapshotMetadata> CurrentSnapshot()
    {
        var name = Metadata.SnapshotName(CurrentTimestamp().Value.Snapshot.Version);
        return Metadata.Snapshot(File.ReadAllBytes(Full(name)), Full(name));
    }

    public Meta<TargetsMetadata> CurrentTargets()
    {
        var name = Metadata.TargetsName(CurrentSnapshot().Value.Targets.Version);
        return Metadata.Targets(File.ReadAllBytes(Full(name)), Full(name));
    }

    private string StagedPath(Role role) => Full(Path.Combine(StagedDir, Roles.Name(role) + ".json"));

    /// <summary>The staged targets (or, when none is staged, a copy of the current one at the next version).</summary>
    private TargetsMetadata StagedOrNextTargets()
    {
        var staged = StagedPath(Role.Targets);
        if (File.Exists(staged))
            return Metadata.Targets(File.ReadAllBytes(staged), staged).Value;
        var current = CurrentTargets().Value;
        return current with { Version = current.Version + 1 };
    }

    private void Stage(Role role, byte[] signed) =>
        AtomicFile.Write(StagedPath(role), new MetadataFile(signed, []).Encode(), Durability.Flush, FileModes.Public);

    /// <summary>
    /// Verifies each package's signature and metadata, copies it into <c>packages/</c> and stages a targets metadata of the
    /// next version with its entry (replacing an entry of the same name, version and target only if the bytes are equal).
    /// </summary>
    public IReadOnlyList<TargetEntry> Add(IReadOnlyList<string> files)
    {
        RequireRepository();
        var targets = StagedOrNextTargets();
        var list = targets.Targets.ToList();
        var added = new List<TargetEntry>();
        foreach (var file in files)
        {
            var package = Package.Open(file);
            if (!package.Head.IsSigned)
                throw DiagnosticException.Error(PkgCodes.NotSigned, $"'{file}' is not signed; a repository publishes signed packages only", new SourceLocation(file),
                    "sign it with 'veridian pkg sign <file> --key <name>.secret'");
            // The signature itself is checked by each client against the keys its sysroot trusts (the repository does not
            // know them); here the package must be signed and whole.
            package.ReadUnverified();
            package.VerifyPayload();
            var sha = Sha256Hash.HexOfFile(file);
            var entry = TargetEntry.For(package, new FileInfo(file).Length, sha);
            var dest = Full(entry.Path);
            if (File.Exists(dest))
            {
                if (Sha256Hash.HexOfFile(dest) != sha)
                    throw Bad($"'{entry.Path}' is already in the repository with other bytes; a published package is never replaced",
                        "publish a new version instead");
            }
            else
            {
                AtomicFile.Copy(file, dest, Durability.Flush);
                File.SetUnixFileMode(dest, FileModes.Public);
            }
            list.RemoveAll(t => t.Path == entry.Path);
            list.Add(entry);
            added.Add(entry);
        }
        Stage(Role.Targets, (targets with { Targets = list, Expires = MetaJson.Seconds(Now + Expiry.Targets) }).Encode());
        return added;
    }

    /// <summary>Stages a targets metadata without the entries named <c>name</c> or <c>name@version</c> (files stay).</summary>
    public IReadOnlyList<TargetEntry> Remove(IReadOnlyList<string> specs)
    {
        RequireRepository();
        var targets = StagedOrNextTargets();
        var list = targets.Targets.ToList();
        var removed = new List<TargetEntry>();
        foreach (var spec in specs)
        {
            var at = spec.IndexOf('@');
            var name = at < 0 ? spec : spec[..at];
            var version = at < 0 ? null : spec[(at + 1)..];
            var gone = list.Where(t => t.Name == name && (version is null || t.Version == version)).ToList();
            if (gone.Count == 0)
                throw Bad($"the repository has no package '{spec}'", Suggest.Closest(name, list.Select(t => t.Name).Distinct()) is { } s ? $"did you mean '{s}'?" : null);
            list.RemoveAll(gone.Contains);
            removed.AddRange(gone);
        }
        Stage(Role.Targets, (targets with { Targets = list, Expires = MetaJson.Seconds(Now + Expiry.Targets) }).Encode());
        return removed;
    }

    /// <summary>Stages a root of the next version in which <paramref name="role"/> has other keys or another threshold.</summary>
    public RootMetadata Rotate(Role role, IReadOnlyList<PublicKey> add, IReadOnlyList<string> removeIds, int? threshold)
    {
        var staged = StagedPath(Role.Root);
        var current = File.Exists(staged) ? Metadata.Root(File.ReadAllBytes(staged), staged).Value : CurrentRoot().Value with { };
        var next = File.Exists(staged) ? current : current with { Version = current.Version + 1 };
        var ids = next.Roles[role].KeyIds.Where(id => !removeIds.Contains(id)).Concat(add.Select(k => k.IdHex)).Distinct().Order(StringComparer.Ordinal).ToList();
        var keys = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, k) in next.Keys)
            keys[id] = k;
        foreach (var k in add)
            keys[k.IdHex] = k.Key;
        var roles = next.Roles.ToDictionary(p => p.Key, p => p.Value);
        var t = threshold ?? Math.Min(roles[role].Threshold, Math.Max(1, ids.Count));
        if (ids.Count == 0 || t < 1 || t > ids.Count)
            throw Bad($"role {Roles.Name(role)} would have {ids.Count} keys and threshold {t}", "a role needs at least one key and 1 ≤ threshold ≤ keys");
        roles[role] = new RoleKeys(ids, t);
        // Keys no role lists any more leave the root.
        var used = roles.Values.SelectMany(r => r.KeyIds).ToHashSet(StringComparer.Ordinal);
        foreach (var id in keys.Keys.Where(id => !used.Contains(id)).ToList())
            keys.Remove(id);
        var result = next with { Keys = keys, Roles = roles, Expires = MetaJson.Seconds(Now + Expiry.Root) };
        Stage(Role.Root, result.Encode());
        return result;
    }

    /// <summary>Adds a signature to the staged metadata of <paramref name="role"/> (root or targets).</summary>
    public void Sign(Role role, byte[] secret, PublicKey key)
    {
        if (role is not (Role.Root or Role.Targets))
            throw Bad($"{Roles.Name(role)} metadata is signed by 'repo publish' with the online key, not staged", "stage and sign root or targets");
        var staged = StagedPath(role);
        if (!File.Exists(staged))
            throw Bad($"no {Roles.Name(role)} metadata is staged in '{Root}'", role == Role.Targets ? "stage one with 'veridian pkg repo add' or 'repo remove'" : "stage one with 'veridian pkg repo rotate'");
        var file = Decode(role, File.ReadAllBytes(staged), staged);
        AtomicFile.Write(staged, file.SignedWith(secret, key).Encode(), Durability.Flush, FileModes.Public);
    }

    private static MetadataFile Decode(Role role, byte[] bytes, string file) => role switch
    {
        Role.Root => Metadata.Root(bytes, file).File,
        Role.Targets => Metadata.Targets(bytes, file).File,
        Role.Snapshot => Metadata.Snapshot(bytes, file).File,
        Role.Timestamp => Metadata.TimestampOf(bytes, file).File,
    };

    /// <summary>
    /// Makes the staged metadata live: a staged root needs a threshold of the current root keys and of its own; a staged
    /// targets a threshold of the (new) root's targets keys. Then a new snapshot (when needed) and a new timestamp, signed
    /// with every <c>KEYS/&lt;role&gt;*.secret</c> the root lists for the role. Nothing is written when a check fails.
    /// </summary>
    public PublishResult Publish(string keysDir)
    {
        RequireRepository();
        var current = CurrentRoot();
        var root = current.Value;
        MetadataFile? newRoot = null;
        var stagedRoot = StagedPath(Role.Root);
        if (File.Exists(stagedRoot))
        {
            var staged = Metadata.Root(File.ReadAllBytes(stagedRoot), stagedRoot);
            if (staged.Value.Version != root.Version + 1)
                throw Bad($"the staged root has version {staged.Value.Version}, not {root.Version + 1}", "stage it again with 'veridian pkg repo rotate'");
            staged.File.RequireThreshold(root, Role.Root, stagedRoot, whose: $"the current root's (version {root.Version})");
            staged.Value.RequireSelfSigned(staged.File, stagedRoot);
            newRoot = staged.File;
            root = staged.Value;
        }
        MetadataFile? newTargets = null;
        var stagedTargets = StagedPath(Role.Targets);
        var targetsVersion = CurrentSnapshot().Value.Targets.Version;
        if (File.Exists(stagedTargets))
        {
            var staged = Metadata.Targets(File.ReadAllBytes(stagedTargets), stagedTargets);
            staged.File.RequireThreshold(root, Role.Targets, stagedTargets);
            newTargets = staged.File;
            targetsVersion = staged.Value.Version;
        }
        else if (newRoot is not null)
        {
            // The live targets must still verify under the new root.
            CurrentTargets().File.RequireThreshold(root, Role.Targets, Full(Metadata.TargetsName(targetsVersion)),
                code: RepoCodes.BadRepository);
        }
        if (newRoot is not null)
            AtomicFile.CreateNew(Full(Metadata.RootName(root.Version)), newRoot.Encode(), Durability.Flush, FileModes.Public);
        if (newTargets is not null)
            WriteTargets(newTargets, targetsVersion, root);
        var (snapshot, timestamp) = PublishSnapshotAndTimestamp(keysDir, root, targetsVersion, forceSnapshot: newTargets is not null || newRoot is not null);
        foreach (var role in new[] { Role.Root, Role.Targets })
            File.Delete(StagedPath(role));
        return new PublishResult(newRoot is null ? null : root.Version, newTargets is null ? null : targetsVersion, snapshot, timestamp, CurrentTargets().Value.Targets.Count);
    }

    private void WriteTargets(MetadataFile targets, long version, RootMetadata root)
    {
        var path = Full(Metadata.TargetsName(version));
        if (File.Exists(path))
            throw Bad($"'{Metadata.TargetsName(version)}' exists already; a published version is never rewritten");
        AtomicFile.CreateNew(path, targets.Encode(), Durability.Flush, FileModes.Public);
    }

    private (long Snapshot, long Timestamp) PublishSnapshotAndTimestamp(string keysDir, RootMetadata root, long targetsVersion, bool forceSnapshot)
    {
        var now = Now;
        Meta<TimestampMetadata>? oldTimestamp = File.Exists(Full(Metadata.Timestamp)) ? CurrentTimestamp() : null;
        Meta<SnapshotMetadata>? oldSnapshot = oldTimestamp is null ? null : CurrentSnapshot();
        var snapshotRef = oldTimestamp?.Value.Snapshot;
        var renew = forceSnapshot || oldSnapshot is null || oldSnapshot.Value.Expires < now + 2 * Expiry.Timestamp
            || !KeysStillSign(oldSnapshot.File, root, Role.Snapshot);
        if (renew)
        {
            var targetsBytes = File.ReadAllBytes(Full(Metadata.TargetsName(targetsVersion)));
            var version = (oldSnapshot?.Value.Version ?? 0) + 1;
            var snapshot = new SnapshotMetadata(version, MetaJson.Seconds(now + Expiry.Snapshot),
                new MetaRef(targetsVersion, targetsBytes.Length, Sha256Hash.HexOf(targetsBytes)));
            var signed = Sign(new MetadataFile(snapshot.Encode(), []), keysDir, root, Role.Snapshot);
            var bytes = signed.Encode();
            var path = Full(Metadata.SnapshotName(version));
            if (File.Exists(path))
                throw Bad($"'{Metadata.SnapshotName(version)}' exists already; a published version is never rewritten");
            AtomicFile.CreateNew(path, bytes, Durability.Flush, FileModes.Public);
            snapshotRef = new MetaRef(version, bytes.Length, Sha256Hash.HexOf(bytes));
        }
        var ts = new TimestampMetadata((oldTimestamp?.Value.Version ?? 0) + 1, MetaJson.Seconds(now + Expiry.Timestamp), snapshotRef!);
        var tsFile = Sign(new MetadataFile(ts.Encode(), []), keysDir, root, Role.Timestamp);
        // The commit point of a publish: everything the new timestamp names exists already.
        AtomicFile.Write(Full(Metadata.Timestamp), tsFile.Encode(), Durability.Flush, FileModes.Public);
        return (snapshotRef!.Version, ts.Version);
    }

    private static bool KeysStillSign(MetadataFile file, RootMetadata root, Role role)
    {
        try
        {
            file.RequireThreshold(root, role, "");
            return true;
        }
        catch (DiagnosticException)
        {
            return false;
        }
    }

    /// <summary>Signs with every <c>KEYS/&lt;role&gt;*.secret</c> whose key the root lists for the role; VDN6213 when none is there.</summary>
    private static MetadataFile Sign(MetadataFile file, string keysDir, RootMetadata root, Role role)
    {
        var ids = root.Roles[role].KeyIds;
        var found = 0;
        if (Directory.Exists(keysDir))
        {
            foreach (var secretPath in Directory.GetFiles(keysDir, Roles.Name(role) + "*.secret").Order(StringComparer.Ordinal))
            {
                var (secret, key) = KeyFile.ReadSecret(secretPath);
                if (!ids.Contains(key.IdHex))
                    continue;
                file = file.SignedWith(secret, key);
                Array.Clear(secret);
                found++;
            }
        }
        if (found < root.Roles[role].Threshold)
            throw Bad($"'{keysDir}' has {found} secret key{(found == 1 ? "" : "s")} of the {Roles.Name(role)} role ({Roles.Name(role)}*.secret listed in root version {root.Version}); {root.Roles[role].Threshold} needed",
                "pass the folder that holds the role keys with --keys");
        return file;
    }

    private static DiagnosticException Bad(string message, string? hint = null) => DiagnosticException.Error(RepoCodes.BadRepository, message, hint: hint);
}
