using System.Text.Json;
using System.Text.RegularExpressions;
using Veridian.Diagnostics;

namespace Veridian.Pkg.Format;

/// <summary>What a package is for: the manifest's <c>kind</c>.</summary>
public enum PackageKind
{
    Binary,
    Library,
    Kernel,
    Data,
    Source,
    Meta,
}

/// <summary>Which trust channel a package is published on; a key is trusted per channel.</summary>
public enum Channel
{
    Core,
    Devel,
    ThirdParty,
}

/// <summary>A dependency: a package name and a version range such as <c>&gt;=1.0.0, &lt;2.0.0</c>.</summary>
public sealed record Dependency(string Name, string Range);

/// <summary>How the package was built: source hash, toolchain versions, SOURCE_DATE_EPOCH.</summary>
public sealed record BuildInfo(string? SourceHash, IReadOnlyDictionary<string, string> Toolchain, long? SourceDateEpoch);

/// <summary>The manifest (docs/pkg-format.md, Manifest). Encoded as canonical JSON by <see cref="Encode"/>.</summary>
public sealed partial record Manifest
{
    public const int FormatVersion = 2;

    public required string Name { get; init; }
    public required string Version { get; init; }
    public required string Target { get; init; }
    public required PackageKind Kind { get; init; }
    public required Channel Channel { get; init; }
    public string Summary { get; init; } = "";
    public string License { get; init; } = "";
    public IReadOnlyList<Dependency> Depends { get; init; } = [];
    public IReadOnlyList<string> Provides { get; init; } = [];
    public IReadOnlyList<string> Conflicts { get; init; } = [];
    public BuildInfo Build { get; init; } = new(null, new SortedDictionary<string, string>(StringComparer.Ordinal), null);

    public static string KindText(PackageKind kind) => kind switch
    {
        PackageKind.Binary => "binary",
        PackageKind.Library => "library",
        PackageKind.Kernel => "kernel",
        PackageKind.Data => "data",
        PackageKind.Source => "source",
        PackageKind.Meta => "meta",
    };

    public static string ChannelText(Channel channel) => channel switch
    {
        Channel.Core => "core",
        Channel.Devel => "devel",
        Channel.ThirdParty => "third-party",
    };

    public static bool TryParseChannel(string text, out Channel channel)
    {
        foreach (var c in Enum.GetValues<Channel>())
        {
            if (ChannelText(c) == text)
            {
                channel = c;
                return true;
            }
        }
        channel = default;
        return false;
    }

    /// <summary>The one canonical encoding of this manifest.</summary>
    public byte[] Encode() => CanonicalJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("format", FormatVersion);
            w.WriteString("name", Name);
            w.WriteString("version", Version);
            w.WriteString("target", Target);
            w.WriteString("kind", KindText(Kind));
            w.WriteString("channel", ChannelText(Channel));
            w.WriteString("summary", Summary);
            w.WriteString("license", License);
            WriteDepends(w, Depends);
            WriteStrings(w, "provides", Provides);
            WriteStrings(w, "conflicts", Conflicts);
            w.WriteStartObject("build");
            if (Build.SourceHash is { } sh)
                w.WriteString("sourceHash", sh);
            w.WriteStartObject("toolchain");
            foreach (var (k, v) in Build.Toolchain.OrderBy(p => p.Key, StringComparer.Ordinal))
                w.WriteString(k, v);
            w.WriteEndObject();
            if (Build.SourceDateEpoch is { } epoch)
                w.WriteNumber("sourceDateEpoch", epoch);
            w.WriteEndObject();
            w.WriteEndObject();
        });

    /// <summary>The <c>depends</c> array in canonical form: <c>{"name", "range"}</c> objects (the manifest's and the repository's targets entries).</summary>
    internal static void WriteDepends(Utf8JsonWriter w, IReadOnlyList<Dependency> depends)
    {
        w.WriteStartArray("depends");
        foreach (var d in depends)
        {
            w.WriteStartObject();
            w.WriteString("name", d.Name);
            w.WriteString("range", d.Range);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>An array of strings named <paramref name="name"/> (<c>provides</c>, <c>conflicts</c>).</summary>
    internal static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
            w.WriteStringValue(v);
        w.WriteEndArray();
    }

    /// <summary>Decodes a manifest from a package: it must be valid and byte-for-byte canonical.</summary>
    public static Manifest Decode(ReadOnlySpan<byte> data, string file)
    {
        var manifest = Parse(data, file, requireFormat: true);
        if (!CanonicalJson.IsCanonical(data, manifest.Encode()))
            throw Bad(file, "the manifest is not in canonical form (key order, whitespace, escapes or duplicate keys)");
        return manifest;
    }

    /// <summary>Reads a manifest written by a user for <c>pkg build</c> (any JSON layout; the same fields, <c>format</c> optional).</summary>
    public static Manifest ParseInput(ReadOnlySpan<byte> data, string file) => Parse(data, file, requireFormat: false);

    private static Manifest Parse(ReadOnlySpan<byte> data, string file, bool requireFormat)
    {
        var doc = CanonicalJson.TryParse(data.ToArray(), 8, out var error) ?? throw Bad(file, $"the manifest is not valid JSON: {error}");
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Bad(file, "the manifest is not a JSON object");
            var known = new HashSet<string>(StringComparer.Ordinal) { "format", "name", "version", "target", "kind", "channel", "summary", "license", "depends", "provides", "conflicts", "build" };
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in root.EnumerateObject())
            {
                if (!known.Contains(p.Name))
                    throw Bad(file, $"unknown manifest field '{p.Name}'");
                if (!seen.Add(p.Name))
                    throw Bad(file, $"manifest field '{p.Name}' appears twice");
            }
            if (root.TryGetProperty("format", out var format))
            {
                if (format.ValueKind != JsonValueKind.Number || !format.TryGetInt32(out var f) || f != FormatVersion)
                    throw Bad(file, $"manifest format must be {FormatVersion}");
            }
            else if (requireFormat)
            {
                throw Bad(file, "the manifest has no 'format' field");
            }
            var name = RequiredString(root, "name", file);
            if (!NamePattern().IsMatch(name))
                throw Bad(file, $"package name '{name}' must match [a-z0-9][a-z0-9+._-]{{0,63}}");
            var version = RequiredString(root, "version", file);
            if (!SemVerPattern().IsMatch(version))
                throw Bad(file, $"version '{version}' is not a semantic version (MAJOR.MINOR.PATCH[-pre][+build])");
            var target = RequiredString(root, "target", file);
            if (!TargetName.IsValid(target, out var why))
                throw Bad(file, $"target '{target}' {why}");
            var kindText = RequiredString(root, "kind", file);
            PackageKind? kind = null;
            foreach (var k in Enum.GetValues<PackageKind>())
            {
                if (KindText(k) == kindText)
                    kind = k;
            }
            if (kind is null)
                throw Bad(file, $"kind '{kindText}' is not one of binary, library, kernel, data, source, meta");
            var channelText = RequiredString(root, "channel", file);
            if (!TryParseChannel(channelText, out var channel))
                throw Bad(file, $"channel '{channelText}' is not one of core, devel, third-party");
            var summary = OptionalString(root, "summary", file) ?? "";
            var license = OptionalString(root, "license", file) ?? "";
            foreach (var (field, value) in new[] { ("summary", summary), ("license", license) })
            {
                if (value.Any(c => c < 0x20 || c == 0x7f))
                    throw Bad(file, $"'{field}' must be one line without control characters");
            }
            var depends = new List<Dependency>();
            if (root.TryGetProperty("depends", out var deps))
            {
                if (deps.ValueKind != JsonValueKind.Array)
                    throw Bad(file, "'depends' must be an array");
                foreach (var d in deps.EnumerateArray())
                {
                    if (d.ValueKind != JsonValueKind.Object || d.EnumerateObject().Any(p => p.Name is not ("name" or "range")))
                        throw Bad(file, "each dependency is an object with 'name' and 'range'");
                    var dn = RequiredString(d, "name", file);
                    var dr = RequiredString(d, "range", file);
                    if (!NamePattern().IsMatch(dn))
                        throw Bad(file, $"dependency name '{dn}' is not a package name");
                    if (!IsRange(dr))
                        throw Bad(file, $"dependency range '{dr}' must be comparators like '>=1.0.0, <2.0.0'");
                    depends.Add(new Dependency(dn, dr));
                }
            }
            var provides = NameList(root, "provides", file);
            var conflicts = NameList(root, "conflicts", file);
            var toolchain = new SortedDictionary<string, string>(StringComparer.Ordinal);
            string? sourceHash = null;
            long? epoch = null;
            if (root.TryGetProperty("build", out var build))
            {
                if (build.ValueKind != JsonValueKind.Object || build.EnumerateObject().Any(p => p.Name is not ("sourceHash" or "toolchain" or "sourceDateEpoch")))
                    throw Bad(file, "'build' is an object with 'sourceHash', 'toolchain' and 'sourceDateEpoch'");
                sourceHash = OptionalString(build, "sourceHash", file);
                if (build.TryGetProperty("toolchain", out var tc))
                {
                    if (tc.ValueKind != JsonValueKind.Object)
                        throw Bad(file, "'build.toolchain' must map tool names to versions");
                    foreach (var p in tc.EnumerateObject())
                    {
                        if (p.Value.ValueKind != JsonValueKind.String || !toolchain.TryAdd(p.Name, p.Value.GetString()!))
                            throw Bad(file, $"'build.toolchain.{p.Name}' must be a string given once");
                    }
                }
                if (build.TryGetProperty("sourceDateEpoch", out var e))
                {
                    if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out var v) || v < 0)
                        throw Bad(file, "'build.sourceDateEpoch' must be a non-negative integer");
                    epoch = v;
                }
            }
            return new Manifest
            {
                Name = name, Version = version, Target = target, Kind = kind.Value, Channel = channel, Summary = summary, License = license,
                Depends = depends, Provides = provides, Conflicts = conflicts, Build = new BuildInfo(sourceHash, toolchain, epoch),
            };
        }
    }

    private static bool IsRange(string range)
    {
        var parts = range.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length > 0 && parts.All(p => ComparatorPattern().IsMatch(p));
    }

    private static List<string> NameList(JsonElement root, string field, string file)
    {
        var list = new List<string>();
        if (!root.TryGetProperty(field, out var arr))
            return list;
        if (arr.ValueKind != JsonValueKind.Array)
            throw Bad(file, $"'{field}' must be an array of package names");
        foreach (var v in arr.EnumerateArray())
        {
            if (v.ValueKind != JsonValueKind.String || !NamePattern().IsMatch(v.GetString()!))
                throw Bad(file, $"'{field}' must be an array of package names");
            list.Add(v.GetString()!);
        }
        return list;
    }

    private static string RequiredString(JsonElement obj, string field, string file) =>
        OptionalString(obj, field, file) ?? throw Bad(file, $"the manifest has no '{field}'");

    private static string? OptionalString(JsonElement obj, string field, string file)
    {
        if (!obj.TryGetProperty(field, out var v))
            return null;
        if (v.ValueKind != JsonValueKind.String)
            throw Bad(file, $"'{field}' must be a string");
        return v.GetString();
    }

    private static DiagnosticException Bad(string file, string message) =>
        DiagnosticException.Error(PkgCodes.BadManifest, message, new SourceLocation(file));

    [GeneratedRegex("^[a-z0-9][a-z0-9+._-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex SemVerPattern();

    [GeneratedRegex(@"^(>=|<=|>|<|=|\^|~)(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex ComparatorPattern();
}
