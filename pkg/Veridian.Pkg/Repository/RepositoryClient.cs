using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg.Format;

namespace Veridian.Pkg.Repository;

/// <summary>Options of <see cref="RepositoryClient"/>.</summary>
public sealed record ClientOptions
{
    public TimeProvider Clock { get; init; } = TimeProvider.System;
    public DownloadPolicy Policy { get; init; } = DownloadPolicy.Default;

    /// <summary>The test seam: called with "root" or "final" before each commit of the trusted state; it may throw.</summary>
    public Action<string>? BeforeCommit { get; init; }

    /// <summary>The most root versions one update walks.</summary>
    public int MaxRootRotations { get; init; } = 1024;
}

/// <summary>What one update found.</summary>
public sealed record UpdateResult(TrustedState State, long RootVersion, long TimestampVersion, long TargetsVersion, int Packages, bool Changed);

/// <summary>
/// The client of one source: the update procedure of TUF §5 (docs/pkg-repository.md, The update procedure) and the
/// download of a package the targets metadata vouches for. Every check has its own code.
/// </summary>
public sealed class RepositoryClient(IRepositoryTransport transport, string statePath, ClientOptions? options = null)
{
    private readonly ClientOptions _options = options ?? new ClientOptions();

    public IRepositoryTransport Transport { get; } = transport;
    public string StatePath { get; } = statePath;

    /// <summary>Runs the update procedure and commits the new trusted state; a refused update leaves the previous one.</summary>
    public UpdateResult Update(CancellationToken cancel = default)
    {
        var now = _options.Clock.GetUtcNow();
        var state = TrustedState.Load(StatePath);
        var before = state.Encode();

        // §5.3: walk the root chain.
        var root = state.Root;
        for (var i = 0; i < _options.MaxRootRotations; i++)
        {
            var v = root.Value.Version + 1;
            var name = Metadata.RootName(v);
            var bytes = FetchBytes(name, MetadataFile.MaxRootBytes, cancel);
            if (bytes is null)
                break;
            var where = Where(name);
            var next = Metadata.Root(bytes, where);
            next.File.RequireThreshold(root.Value, Role.Root, where, RepoCodes.BadRotation, $"the trusted root's (version {root.Value.Version})");
            next.Value.RequireSelfSigned(next.File, where);
            if (next.Value.Version != v)
                throw DiagnosticException.Error(RepoCodes.BadRotation, $"{name} holds root version {next.Value.Version}, not {v}", new SourceLocation(where),
                    "the chain of roots must be consecutive; the repository is broken or forged");
            // §5.3.11: after a rotation of the timestamp or snapshot keys, forget the versions the old keys vouched for
            // (recovery from a fast-forward attack by a compromised key).
            if (!next.Value.Roles[Role.Timestamp].SameAs(root.Value.Roles[Role.Timestamp]) || !next.Value.Roles[Role.Snapshot].SameAs(root.Value.Roles[Role.Snapshot]))
                state = state with { Timestamp = null, Snapshot = null };
            if (!next.Value.Roles[Role.Targets].SameAs(root.Value.Roles[Role.Targets]))
                state = state with { Targets = null };
            root = next;
        }
        if (root != state.Root)
        {
            state = state with { Root = root };
            Commit(state, "root");
        }
        RequireFresh("root", root.Value.Expires, now, Metadata.RootName(root.Value.Version));

        // §5.4: timestamp.
        var tsBytes = FetchBytes(Metadata.Timestamp, MetadataFile.MaxTimestampBytes, cancel)
            ?? throw DiagnosticException.Error(RepoCodes.Unreachable, $"{Where(Metadata.Timestamp)} does not exist", hint: "is the URL the repository's root folder?");
        var tsWhere = Where(Metadata.Timestamp);
        var ts = Metadata.TimestampOf(tsBytes, tsWhere);
        ts.File.RequireThreshold(root.Value, Role.Timestamp, tsWhere);
        if (state.Timestamp is { } oldTs)
        {
            if (ts.Value.Version < oldTs.Value.Version)
                throw Rollback("timestamp", ts.Value.Version, oldTs.Value.Version, tsWhere);
            if (ts.Value.Snapshot.Version < oldTs.Value.Snapshot.Version)
                throw Rollback("snapshot (named by the timestamp)", ts.Value.Snapshot.Version, oldTs.Value.Snapshot.Version, tsWhere);
        }
        RequireFresh("timestamp", ts.Value.Expires, now, tsWhere);

        // §5.5: the snapshot the timestamp names.
        var snapRef = ts.Value.Snapshot;
        var snapName = Metadata.SnapshotName(snapRef.Version);
        var snapshot = state.Snapshot is { } trustedSnap && Matches(trustedSnap.Bytes, snapRef) ? trustedSnap : null;
        if (snapshot is null)
        {
            var bytes = FetchExact(snapName, snapRef, "the timestamp", cancel);
            snapshot = Metadata.Snapshot(bytes, Where(snapName));
            snapshot.File.RequireThreshold(root.Value, Role.Snapshot, Where(snapName));
        }
        if (snapshot.Value.Version != snapRef.Version)
            throw DiagnosticException.Error(RepoCodes.MixAndMatch, $"{snapName} holds snapshot version {snapshot.Value.Version}, but the timestamp names {snapRef.Version}", new SourceLocation(Where(snapName)));
        if (state.Snapshot is { } oldSnap)
        {
            if (snapshot.Value.Version < oldSnap.Value.Version)
                throw Rollback("snapshot", snapshot.Value.Version, oldSnap.Value.Version, Where(snapName));
            if (snapshot.Value.Targets.Version < oldSnap.Value.Targets.Version)
                throw Rollback("targets (named by the snapshot)", snapshot.Value.Targets.Version, oldSnap.Value.Targets.Version, Where(snapName));
        }
        RequireFresh("snapshot", snapshot.Value.Expires, now, Where(snapName));

        // §5.6: the targets the snapshot names.
        var targetsRef = snapshot.Value.Targets;
        var targetsName = Metadata.TargetsName(targetsRef.Version);
        var targets = state.Targets is { } trustedTargets && Matches(trustedTargets.Bytes, targetsRef) ? trustedTargets : null;
        if (targets is null)
        {
            var bytes = FetchExact(targetsName, targetsRef, "the snapshot", cancel);
            targets = Metadata.Targets(bytes, Where(targetsName));
            targets.File.RequireThreshold(root.Value, Role.Targets, Where(targetsName));
        }
        if (targets.Value.Version != targetsRef.Version)
            throw DiagnosticException.Error(RepoCodes.MixAndMatch, $"{targetsName} holds targets version {targets.Value.Version}, but the snapshot names {targetsRef.Version}", new SourceLocation(Where(targetsName)));
        if (state.Targets is { } oldTargets && targets.Value.Version < oldTargets.Value.Version)
            throw Rollback("targets", targets.Value.Version, oldTargets.Value.Version, Where(targetsName));
        RequireFresh("targets", targets.Value.Expires, now, Where(targetsName));

        state = state with { Timestamp = ts, Snapshot = snapshot, Targets = targets };
        var changed = !state.Encode().AsSpan().SequenceEqual(before);
        if (changed)
            Commit(state, "final");
        return new UpdateResult(state, root.Value.Version, ts.Value.Version, targets.Value.Version, targets.Value.Targets.Count, changed);
    }

    /// <summary>
    /// Downloads a package the targets metadata vouches for into <paramref name="destination"/>: at most its signed length
    /// (VDN6206), then its length and SHA-256 must be the entry's (VDN6202). The file is written completely or not at all.
    /// </summary>
    public void Download(TargetEntry entry, string destination, CancellationToken cancel = default)
    {
        var where = Where(entry.Path);
        AtomicFile.Write(destination, temp =>
        {
            using (var fs = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                if (!Transport.Fetch(entry.Path, entry.Length, fs, cancel))
                    throw DiagnosticException.Error(RepoCodes.Unreachable, $"{where} does not exist, though the targets metadata lists it", hint: "the mirror is incomplete; try again later");
            }
            var length = new FileInfo(temp).Length;
            var sha = Sha256Hash.HexOfFile(temp);
            if (length != entry.Length || sha != entry.Sha256)
                throw DiagnosticException.Error(RepoCodes.PackageMismatch,
                    $"{entry.Name} {entry.Version} from {where} is {length} bytes with SHA-256 {sha[..16]}…; the targets metadata says {entry.Length} bytes, {entry.Sha256[..16]}…",
                    new SourceLocation(where), "the file on the server is not the package the repository signed; it was not installed");
        }, Durability.None);
    }

    /// <summary>The package's manifest must say what its targets entry says (VDN6210).</summary>
    public static void RequireSameAsEntry(Package package, TargetEntry entry)
    {
        if (entry.Difference(package.Manifest) is { } diff)
            throw DiagnosticException.Error(RepoCodes.ManifestDiffers, $"{entry.Path}: the package's manifest differs from its targets entry in its {diff}",
                new SourceLocation(package.Path), "the repository signed wrong metadata for this package; it was not installed");
    }

    private static bool Matches(byte[] bytes, MetaRef r) => bytes.Length == r.Length && Sha256Hash.HexOf(bytes) == r.Sha256;

    private byte[] FetchExact(string name, MetaRef r, string parent, CancellationToken cancel)
    {
        var bytes = FetchBytes(name, r.Length, cancel) ?? throw DiagnosticException.Error(RepoCodes.Unreachable, $"{Where(name)} does not exist, though {parent} names it");
        if (bytes.Length != r.Length || Sha256Hash.HexOf(bytes) != r.Sha256)
            throw DiagnosticException.Error(RepoCodes.MixAndMatch,
                $"{name} is {bytes.Length} bytes with SHA-256 {Sha256Hash.HexOf(bytes)[..16]}…, but {parent} names {r.Length} bytes, {r.Sha256[..16]}…", new SourceLocation(Where(name)),
                "the files on the server do not belong to one published state (a mix-and-match attack or a broken mirror)");
        return bytes;
    }

    private byte[]? FetchBytes(string name, long max, CancellationToken cancel)
    {
        using var ms = new MemoryStream();
        return Transport.Fetch(name, max, ms, cancel) ? ms.ToArray() : null;
    }

    private void Commit(TrustedState state, string step)
    {
        _options.BeforeCommit?.Invoke(step);
        state.Save(StatePath);
    }

    private string Where(string name) => Transport.Location.TrimEnd('/') + "/" + name;

    private static void RequireFresh(string role, DateTimeOffset expires, DateTimeOffset now, string where)
    {
        if (expires <= now)
            throw DiagnosticException.Error(RepoCodes.Expired, $"the {role} metadata expired at {MetaJson.TimeText(expires)} (now {MetaJson.TimeText(now)})", new SourceLocation(where),
                "the repository has not published since, or a mirror serves a frozen copy (a freeze attack); try later or another mirror");
    }

    private static DiagnosticException Rollback(string role, long got, long trusted, string where) =>
        DiagnosticException.Error(RepoCodes.Rollback, $"the server offers {role} version {got}, older than the trusted version {trusted}", new SourceLocation(where),
            "the mirror serves stale or replayed metadata (a rollback attack); nothing was changed");
}
