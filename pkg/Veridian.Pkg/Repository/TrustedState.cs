using System.Text;
using System.Text.Json;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg.Format;
using Veridian.Pkg.IO;

namespace Veridian.Pkg.Repository;

/// <summary>
/// What a client trusts of one source: the raw metadata files of the four roles, kept in one file written atomically
/// (docs/pkg-repository.md, Client configuration), and re-verified against the trusted root whenever it is loaded.
/// </summary>
public sealed record TrustedState
{
    public required Meta<RootMetadata> Root { get; init; }
    public Meta<TimestampMetadata>? Timestamp { get; init; }
    public Meta<SnapshotMetadata>? Snapshot { get; init; }
    public Meta<TargetsMetadata>? Targets { get; init; }

    /// <summary>The first state of a source: a root file given out of band, which must be signed by a threshold of its own root keys.</summary>
    public static TrustedState FromRoot(byte[] rootBytes, string file)
    {
        var root = Metadata.Root(rootBytes, file);
        root.Value.RequireSelfSigned(root.File, file);
        return new TrustedState { Root = root };
    }

    public byte[] Encode() => CanonicalJson.Write(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("root");
        w.WriteRawValue(Root.Bytes, skipInputValidation: true);
        if (Snapshot is not null)
        {
            w.WritePropertyName("snapshot");
            w.WriteRawValue(Snapshot.Bytes, skipInputValidation: true);
        }
        if (Targets is not null)
        {
            w.WritePropertyName("targets");
            w.WriteRawValue(Targets.Bytes, skipInputValidation: true);
        }
        if (Timestamp is not null)
        {
            w.WritePropertyName("timestamp");
            w.WriteRawValue(Timestamp.Bytes, skipInputValidation: true);
        }
        w.WriteEndObject();
    });

    /// <summary>Replaces the state file completely or not at all (temp file, fsync, rename, fsync of the folder).</summary>
    public void Save(string path) => AtomicFile.Write(path, Encode(), Durability.Flush, FileModes.Public);

    public static TrustedState Load(string path)
    {
        if (!File.Exists(path))
            throw DiagnosticException.Error(RepoCodes.BadSource, $"the trusted state '{path}' is missing", hint: "add the source again with 'veridian pkg source add'");
        var data = File.ReadAllBytes(path);
        using var doc = CanonicalJson.TryParse(data, 80, out var error) ?? throw Damaged(path, error);
        var o = doc.RootElement;
        byte[]? Part(string name) => o.TryGetProperty(name, out var v) ? Encoding.UTF8.GetBytes(v.GetRawText()) : null;
        var root = Metadata.Root(Part("root") ?? throw Damaged(path, "no root"), path);
        root.Value.RequireSelfSigned(root.File, path);
        var state = new TrustedState
        {
            Root = root,
            Timestamp = Part("timestamp") is { } t ? Metadata.TimestampOf(t, path) : null,
            Snapshot = Part("snapshot") is { } s ? Metadata.Snapshot(s, path) : null,
            Targets = Part("targets") is { } g ? Metadata.Targets(g, path) : null,
        };
        state.Timestamp?.File.RequireThreshold(root.Value, Role.Timestamp, path);
        state.Snapshot?.File.RequireThreshold(root.Value, Role.Snapshot, path);
        state.Targets?.File.RequireThreshold(root.Value, Role.Targets, path);
        if (!CanonicalJson.IsCanonical(data, state.Encode()))
            throw Damaged(path, "not in canonical form");
        return state;
    }

    private static DiagnosticException Damaged(string path, string why) =>
        DiagnosticException.Error(RepoCodes.BadSource, $"the trusted state '{path}' is damaged: {why}", new SourceLocation(path),
            "it is written atomically, so this is outside damage; remove the source and add it again with its root file");
}
