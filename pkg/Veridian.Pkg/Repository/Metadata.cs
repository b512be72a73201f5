namespace Veridian.Pkg.Repository;

/// <summary>A decoded metadata file of one role: the file (signed bytes and signatures) and what it says.</summary>
public sealed record Meta<T>(MetadataFile File, T Value, byte[] Bytes);

/// <summary>Decoders of the four roles' files and the names they have in a repository.</summary>
public static class Metadata
{
    public const string Timestamp = "timestamp.json";

    public static string RootName(long version) => $"{version}.root.json";
    public static string SnapshotName(long version) => $"{version}.snapshot.json";
    public static string TargetsName(long version) => $"{version}.targets.json";

    public static Meta<RootMetadata> Root(byte[] data, string file)
    {
        RootMetadata? value = null;
        var f = MetadataFile.Decode(data, file, el => (value = RootMetadata.Decode(el, file)).Encode());
        return new Meta<RootMetadata>(f, value!, data);
    }

    public static Meta<TimestampMetadata> TimestampOf(byte[] data, string file)
    {
        TimestampMetadata? value = null;
        var f = MetadataFile.Decode(data, file, el => (value = TimestampMetadata.Decode(el, file)).Encode());
        return new Meta<TimestampMetadata>(f, value!, data);
    }

    public static Meta<SnapshotMetadata> Snapshot(byte[] data, string file)
    {
        SnapshotMetadata? value = null;
        var f = MetadataFile.Decode(data, file, el => (value = SnapshotMetadata.Decode(el, file)).Encode());
        return new Meta<SnapshotMetadata>(f, value!, data);
    }

    public static Meta<TargetsMetadata> Targets(byte[] data, string file)
    {
        TargetsMetadata? value = null;
        var f = MetadataFile.Decode(data, file, el => (value = TargetsMetadata.Decode(el, file)).Encode());
        return new Meta<TargetsMetadata>(f, value!, data);
    }
}
