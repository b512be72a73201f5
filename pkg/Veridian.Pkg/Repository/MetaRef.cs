using System.Text.Json;

namespace Veridian.Pkg.Repository;

/// <summary>What a timestamp says of a snapshot, or a snapshot of a targets file: its version, exact length and SHA-256.</summary>
public sealed record MetaRef(long Version, long Length, string Sha256)
{
    internal void Write(Utf8JsonWriter w, string name)
    {
        w.WriteStartObject(name);
        w.WriteNumber("version", Version);
        w.WriteNumber("length", Length);
        w.WriteString("sha256", Sha256);
        w.WriteEndObject();
    }

    internal static MetaRef Read(JsonElement meta, string name, string file)
    {
        var o = MetaJson.Obj(meta, name, file);
        return new MetaRef(MetaJson.Int(o, "version", file, 1), MetaJson.Int(o, "length", file, 1), MetaJson.Hex32(o, "sha256", file));
    }
}

/// <summary>The snapshot metadata: which targets metadata belongs to this state.</summary>
public sealed record SnapshotMetadata(long Version, DateTimeOffset Expires, MetaRef Targets)
{
    public byte[] Encode() => Format.CanonicalJson.Write(w =>
    {
        w.WriteStartObject();
        MetaJson.Header(w, "snapshot", Version, Expires);
        w.WriteStartObject("meta");
        Targets.Write(w, "targets.json");
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static SnapshotMetadata Decode(JsonElement s, string file)
    {
        MetaJson.Type(s, "snapshot", file);
        return new SnapshotMetadata(MetaJson.Int(s, "version", file, 1), MetaJson.Time(s, "expires", file), MetaRef.Read(MetaJson.Obj(s, "meta", file), "targets.json", file));
    }
}

/// <summary>The timestamp metadata: which snapshot is current; short-lived.</summary>
public sealed record TimestampMetadata(long Version, DateTimeOffset Expires, MetaRef Snapshot)
{
    public byte[] Encode() => Format.CanonicalJson.Write(w =>
    {
        w.WriteStartObject();
        MetaJson.Header(w, "timestamp", Version, Expires);
        w.WriteStartObject("meta");
        Snapshot.Write(w, "snapshot.json");
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static TimestampMetadata Decode(JsonElement s, string file)
    {
        MetaJson.Type(s, "timestamp", file);
        return new TimestampMetadata(MetaJson.Int(s, "version", file, 1), MetaJson.Time(s, "expires", file), MetaRef.Read(MetaJson.Obj(s, "meta", file), "snapshot.json", file));
    }
}
