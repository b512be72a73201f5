using System.Text.Encodings.Web;
using System.Text.Json;

namespace Veridian.Pkg.Format;

/// <summary>
/// The canonical JSON of pkg's signed documents (the package manifest, repository metadata): no insignificant
/// whitespace, <c>\uXXXX</c> escapes only for control characters, <c>"</c> and <c>\</c>; each writer emits its keys in
/// its documented order. A reader re-encodes what it parsed and compares bytes (<see cref="IsCanonical"/>), so a
/// document has exactly one encoding and no parser differential can hide a field.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions s_writer = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The bytes <paramref name="write"/> produces on a canonical writer.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, s_writer))
            write(w);
        return ms.ToArray();
    }

    /// <summary>Parses strictly (no comments, no trailing commas); null with <paramref name="error"/> when it is not JSON.</summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> data, int maxDepth, out string error)
    {
        try
        {
            error = "";
            return JsonDocument.Parse(data, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = maxDepth });
        }
        catch (JsonException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>True when <paramref name="reencoded"/> (what the reader wrote back from its parse) equals the input bytes.</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> data, ReadOnlySpan<byte> reencoded) => data.SequenceEqual(reencoded);
}
