using System.Globalization;
using System.Text.Json;
using Veridian.Diagnostics;
using Veridian.Pkg.IO;

namespace Veridian.Pkg.Repository;

/// <summary>Field readers for repository metadata: every failure is VDN6201 naming the file and the field.</summary>
internal static class MetaJson
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static DiagnosticException Bad(string file, string message) =>
        DiagnosticException.Error(RepoCodes.BadMetadata, message, new SourceLocation(file), "the repository's metadata is broken or forged; tell its publisher");

    public static JsonElement Obj(JsonElement parent, string field, string file)
    {
        if (!parent.TryGetProperty(field, out var v) || v.ValueKind != JsonValueKind.Object)
            throw Bad(file, $"'{field}' must be an object");
        return v;
    }

    public static JsonElement Arr(JsonElement parent, string field, string file)
    {
        if (!parent.TryGetProperty(field, out var v) || v.ValueKind != JsonValueKind.Array)
            throw Bad(file, $"'{field}' must be an array");
        return v;
    }

    public static string Str(JsonElement parent, string field, string file)
    {
        if (!parent.TryGetProperty(field, out var v) || v.ValueKind != JsonValueKind.String)
            throw Bad(file, $"'{field}' must be a string");
        return v.GetString()!;
    }

    public static long Int(JsonElement parent, string field, string file, long min = 0)
    {
        if (!parent.TryGetProperty(field, out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var n) || n < min)
            throw Bad(file, $"'{field}' must be an integer ≥ {min}");
        return n;
    }

    public static string Hex32(JsonElement parent, string field, string file)
    {
        var s = Str(parent, field, file);
        if (Hex.TryParse(s, 32) is null)
            throw Bad(file, $"'{field}' must be 64 lower-case hex digits");
        return s;
    }

    public static DateTimeOffset Time(JsonElement parent, string field, string file)
    {
        var s = Str(parent, field, file);
        if (!DateTimeOffset.TryParseExact(s, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            throw Bad(file, $"'{field}' must be a UTC time like 2027-01-01T00:00:00Z");
        return t;
    }

    public static string TimeText(DateTimeOffset t) => t.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Truncated to whole seconds, as the metadata stores times.</summary>
    public static DateTimeOffset Seconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    public static void Type(JsonElement signed, string expected, string file)
    {
        var t = Str(signed, "_type", file);
        if (t != expected)
            throw Bad(file, $"the metadata is of type '{t}', not '{expected}'");
        if (Int(signed, "spec", file) != 1)
            throw Bad(file, "'spec' must be 1");
    }

    public static void Header(Utf8JsonWriter w, string type, long version, DateTimeOffset expires)
    {
        w.WriteString("_type", type);
        w.WriteNumber("spec", 1);
        w.WriteNumber("version", version);
        w.WriteString("expires", TimeText(expires));
    }
}
