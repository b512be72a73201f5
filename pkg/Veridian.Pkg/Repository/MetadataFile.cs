using System.Text;
using System.Text.Json;
using Veridian.Diagnostics;
using Veridian.Pkg.Crypto;
using Veridian.Pkg.Format;
using Veridian.Pkg.IO;

namespace Veridian.Pkg.Repository;

/// <summary>One signature of a metadata file: the signer's key id and the Ed25519 signature.</summary>
public sealed record MetadataSignature(string KeyId, byte[] Sig);

/// <summary>
/// A metadata file, <c>{"signed":…,"signatures":[…]}</c>, in canonical form (docs/pkg-repository.md, Metadata
/// files). <see cref="Signed"/> is the exact signed bytes; signatures are over <see cref="Context"/> + those bytes.
/// </summary>
public sealed class MetadataFile
{
    /// <summary>Size caps for metadata without a signed length: root and timestamp.</summary>
    public const long MaxRootBytes = 512 << 10;
    public const long MaxTimestampBytes = 64 << 10;

    /// <summary>Domain separation: differs from the package head's <c>veridian-vpkg-v2\0</c>.</summary>
    public static ReadOnlySpan<byte> Context => "veridian-repo-v1\0"u8;

    public MetadataFile(byte[] signed, IReadOnlyList<MetadataSignature> signatures, JsonElement? parsed = null)
    {
        Signed = signed;
        Signatures = [.. signatures.OrderBy(s => s.KeyId, StringComparer.Ordinal)];
        _parsed = parsed;
    }

    private JsonElement? _parsed;

    public byte[] Signed { get; }
    public IReadOnlyList<MetadataSignature> Signatures { get; }

    /// <summary>The parsed <c>signed</c> object.</summary>
    public JsonElement SignedElement => _parsed ??= JsonDocument.Parse(Signed).RootElement;

    public long Version => SignedElement.GetProperty("version").GetInt64();

    public static byte[] MessageOf(byte[] signed) => [.. Context, .. signed];

    /// <summary>This file with one more signature (replacing an earlier one by the same key).</summary>
    public MetadataFile SignedWith(byte[] secret, PublicKey key)
    {
        var sig = Ed25519Keys.Sign(secret, MessageOf(Signed));
        return new MetadataFile(Signed, [.. Signatures.Where(s => s.KeyId != key.IdHex), new MetadataSignature(key.IdHex, sig)], _parsed);
    }

    public byte[] Encode()
    {
        var head = Encoding.UTF8.GetBytes("{\"signed\":");
        var sigs = CanonicalJson.Write(w =>
        {
            w.WriteStartArray();
            foreach (var s in Signatures)
            {
                w.WriteStartObject();
                w.WriteString("keyid", s.KeyId);
                w.WriteString("sig", Hex.Of(s.Sig));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
        return [.. head, .. Signed, .. ",\"signatures\":"u8, .. sigs, (byte)'}'];
    }

    /// <summary>Parses a metadata file; its bytes must be the canonical encoding, its <c>signed</c> part canonical for its role (checked by <paramref name="reencode"/>).</summary>
    public static MetadataFile Decode(byte[] data, string file, Func<JsonElement, byte[]> reencode)
    {
        var doc = CanonicalJson.TryParse(data, 64, out var error) ?? throw MetaJson.Bad(file, $"not valid JSON: {error}");
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("signed", out var signedEl) || signedEl.ValueKind != JsonValueKind.Object)
            throw MetaJson.Bad(file, "not a metadata file (no 'signed' object)");
        var signed = Encoding.UTF8.GetBytes(signedEl.GetRawText());
        var sigs = new List<MetadataSignature>();
        foreach (var s in MetaJson.Arr(root, "signatures", file).EnumerateArray())
        {
            if (s.ValueKind != JsonValueKind.Object)
                throw MetaJson.Bad(file, "each signature is an object");
            var sig = Hex.TryParse(MetaJson.Str(s, "sig", file), 64) ?? throw MetaJson.Bad(file, "'sig' must be 128 hex digits");
            sigs.Add(new MetadataSignature(MetaJson.Hex32(s, "keyid", file), sig));
        }
        var result = new MetadataFile(signed, sigs, signedEl);
        if (!CanonicalJson.IsCanonical(signed, reencode(signedEl)))
            throw MetaJson.Bad(file, "the signed part is not in canonical form (key order, whitespace, escapes, unknown or duplicate fields)");
        if (!CanonicalJson.IsCanonical(data, result.Encode()))
            throw MetaJson.Bad(file, "the file is not in canonical form (signatures sorted by key id, no whitespace, nothing else)");
        return result;
    }

    /// <summary>
    /// The number of distinct keys that <paramref name="root"/> lists for <paramref name="role"/> with a valid signature; throws
    /// VDN6208 (or <paramref name="code"/>) when it is below the threshold, naming what was wrong.
    /// </summary>
    public int RequireThreshold(RootMetadata root, Role role, string file, string? code = null, string? whose = null)
    {
        var keys = root.Roles[role];
        var valid = 0;
        var problems = new List<string>();
        foreach (var s in Signatures.DistinctBy(s => s.KeyId))
        {
            if (!keys.KeyIds.Contains(s.KeyId))
            {
                problems.Add($"key {s.KeyId[..16]}… is not a {Roles.Name(role)} key");
                continue;
            }
            if (Ed25519Keys.Verify(root.Keys[s.KeyId], s.Sig, MessageOf(Signed), out var why))
                valid++;
            else
                problems.Add($"the signature by {s.KeyId[..16]}… is invalid ({why})");
        }
        if (valid < keys.Threshold)
        {
            throw DiagnosticException.Error(code ?? RepoCodes.BelowThreshold,
                $"{Roles.Name(role)} metadata has {valid} valid signature{(valid == 1 ? "" : "s")} by {whose ?? $"root version {root.Version}'s"} {Roles.Name(role)} keys; {keys.Threshold} required" +
                (problems.Count > 0 ? ": " + string.Join("; ", problems) : ""), new SourceLocation(file),
                "the metadata was forged, or signed with a key the root does not list; do not trust this repository until its publisher fixes it");
        }
        return valid;
    }
}
