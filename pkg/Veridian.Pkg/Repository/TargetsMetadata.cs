using System.Text.Json;
using Veridian.Pkg.Format;

namespace Veridian.Pkg.Repository;

/// <summary>
/// One package of a repository as its targets metadata vouches for it: what the resolver needs (copied from the
/// package's manifest) and what the download needs (exact length and SHA-256 of the file, its metadata length).
/// </summary>
public sealed record TargetEntry
{
    public required string Path { get; init; }
    public required string Name { get; init; }
    public required string Version { get; init; }
    public required string Target { get; init; }
    public required string Channel { get; init; }
    public required long Length { get; init; }
    public required string Sha256 { get; init; }
    public required long MetadataLength { get; init; }
    public IReadOnlyList<Dependency> Depends { get; init; } = [];
    public IReadOnlyList<string> Provides { get; init; } = [];
    public IReadOnlyList<string> Conflicts { get; init; } = [];

    /// <summary>Where <c>repo add</c> puts a package: <c>packages/&lt;name&gt;/&lt;name&gt;-&lt;version&gt;-&lt;target&gt;.vpkg</c>.</summary>
    public static string PathFor(Manifest m) => $"packages/{m.Name}/{m.Name}-{m.Version}-{m.Target}.vpkg";

    /// <summary>The entry for a verified package.</summary>
    public static TargetEntry For(Package package, long length, string sha256) => new()
    {
        Path = PathFor(package.Manifest), Name = package.Manifest.Name, Version = package.Manifest.Version, Target = package.Manifest.Target,
        Channel = Manifest.ChannelText(package.Manifest.Channel), Length = length, Sha256 = sha256, MetadataLength = package.Head.PayloadStart,
        Depends = package.Manifest.Depends, Provides = package.Manifest.Provides, Conflicts = package.Manifest.Conflicts,
    };

    /// <summary>The first field in which a package's manifest differs from this entry, or null when it says the same.</summary>
    public string? Difference(Manifest m)
    {
        if (m.Name != Name)
            return $"name '{m.Name}' (targets metadata: '{Name}')";
        if (m.Version != Version)
            return $"version {m.Version} (targets metadata: {Version})";
        if (m.Target != Target)
            return $"target {m.Target} (targets metadata: {Target})";
        if (Manifest.ChannelText(m.Channel) != Channel)
            return $"channel {Manifest.ChannelText(m.Channel)} (targets metadata: {Channel})";
        if (!m.Depends.SequenceEqual(Depends))
            return "dependencies";
        if (!m.Provides.SequenceEqual(Provides, StringComparer.Ordinal))
            return "provides";
        if (!m.Conflicts.SequenceEqual(Conflicts, StringComparer.Ordinal))
            return "conflicts";
        return null;
    }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject(Path);
        w.WriteString("name", Name);
        w.WriteString("version", Version);
        w.WriteString("target", Target);
        w.WriteString("channel", Channel);
        w.WriteNumber("length", Length);
        w.WriteString("sha256", Sha256);
        w.WriteNumber("metadataLength", MetadataLength);
        Manifest.WriteDepends(w, Depends);
        Manifest.WriteStrings(w, "provides", Provides);
        Manifest.WriteStrings(w, "conflicts", Conflicts);
        w.WriteEndObject();
    }

    internal static TargetEntry Read(JsonProperty p, string file)
    {
        var o = p.Value;
        if (o.ValueKind != JsonValueKind.Object)
            throw MetaJson.Bad(file, $"target '{p.Name}' must be an object");
        var depends = new List<Dependency>();
        foreach (var d in MetaJson.Arr(o, "depends", file).EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Object)
                throw MetaJson.Bad(file, $"target '{p.Name}': each dependency is an object");
            var range = MetaJson.Str(d, "range", file);
            if (!VersionRange.TryParse(range, out _, out var why))
                throw MetaJson.Bad(file, $"target '{p.Name}': range '{range}' {why}");
            depends.Add(new Dependency(MetaJson.Str(d, "name", file), range));
        }
        List<string> Names(string field) => MetaJson.Arr(o, field, file).EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : throw MetaJson.Bad(file, $"target '{p.Name}': '{field}' holds names")).ToList();
        var entry = new TargetEntry
        {
            Path = p.Name, Name = MetaJson.Str(o, "name", file), Version = MetaJson.Str(o, "version", file), Target = MetaJson.Str(o, "target", file),
            Channel = MetaJson.Str(o, "channel", file), Length = MetaJson.Int(o, "length", file, 1), Sha256 = MetaJson.Hex32(o, "sha256", file),
            MetadataLength = MetaJson.Int(o, "metadataLength", file, 1), Depends = depends, Provides = Names("provides"), Conflicts = Names("conflicts"),
        };
        if (!SemVersion.TryParse(entry.Version, out _))
            throw MetaJson.Bad(file, $"target '{p.Name}': version '{entry.Version}' is not a semantic version");
        if (p.Name.Split('/').Any(c => c is "" or "." or "..") || p.Name.Contains('\\') || p.Name.StartsWith('.') || p.Name.Any(char.IsControl))
            throw MetaJson.Bad(file, $"target path '{p.Name}' is not a safe relative path");
        return entry;
    }
}

/// <summary>The targets metadata: every package of this state of the repository, by path.</summary>
public sealed record TargetsMetadata(long Version, DateTimeOffset Expires, IReadOnlyList<TargetEntry> Targets)
{
    public byte[] Encode() => CanonicalJson.Write(w =>
    {
        w.WriteStartObject();
        MetaJson.Header(w, "targets", Version, Expires);
        w.WriteStartObject("targets");
        foreach (var t in Targets.OrderBy(t => t.Path, StringComparer.Ordinal))
            t.Write(w);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static TargetsMetadata Decode(JsonElement s, string file)
    {
        MetaJson.Type(s, "targets", file);
        var targets = MetaJson.Obj(s, "targets", file).EnumerateObject().Select(p => TargetEntry.Read(p, file)).ToList();
        return new TargetsMetadata(MetaJson.Int(s, "version", file, 1), MetaJson.Time(s, "expires", file), targets);
    }
}
