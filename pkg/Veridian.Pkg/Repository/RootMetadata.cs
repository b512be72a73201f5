using System.Text.Json;
using Veridian.Pkg.Crypto;
using Veridian.Pkg.Format;
using Veridian.Pkg.IO;

namespace Veridian.Pkg.Repository;

/// <summary>The keys and threshold of one role.</summary>
public sealed record RoleKeys(IReadOnlyList<string> KeyIds, int Threshold)
{
    public bool SameAs(RoleKeys other) => Threshold == other.Threshold && KeyIds.SequenceEqual(other.KeyIds, StringComparer.Ordinal);
}

/// <summary>The root metadata: every role's keys and threshold (docs/pkg-repository.md, root).</summary>
public sealed record RootMetadata
{
    public required long Version { get; init; }
    public required DateTimeOffset Expires { get; init; }

    /// <summary>Key id (hex SHA-256 of the key) → 32-byte Ed25519 public key.</summary>
    public required IReadOnlyDictionary<string, byte[]> Keys { get; init; }

    public required IReadOnlyDictionary<Role, RoleKeys> Roles { get; init; }

    /// <summary>A root whose four roles have one key each, given as public keys.</summary>
    public static RootMetadata Create(long version, DateTimeOffset expires, IReadOnlyDictionary<Role, IReadOnlyList<PublicKey>> keys, IReadOnlyDictionary<Role, int>? thresholds = null)
    {
        var all = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var roles = new Dictionary<Role, RoleKeys>();
        foreach (var role in Repository.Roles.All)
        {
            foreach (var k in keys[role])
                all[k.IdHex] = k.Key;
            roles[role] = new RoleKeys(keys[role].Select(k => k.IdHex).Distinct().Order(StringComparer.Ordinal).ToList(), thresholds?.GetValueOrDefault(role, 1) ?? 1);
        }
        return new RootMetadata { Version = version, Expires = MetaJson.Seconds(expires), Keys = all, Roles = roles };
    }

    public byte[] Encode() => CanonicalJson.Write(w =>
    {
        w.WriteStartObject();
        MetaJson.Header(w, "root", Version, Expires);
        w.WriteStartObject("keys");
        foreach (var (id, key) in Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(id);
            w.WriteString("keytype", "ed25519");
            w.WriteString("public", Hex.Of(key));
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("roles");
        foreach (var role in Repository.Roles.All)
        {
            w.WriteStartObject(Repository.Roles.Name(role));
            w.WriteStartArray("keyids");
            foreach (var id in Roles[role].KeyIds)
                w.WriteStringValue(id);
            w.WriteEndArray();
            w.WriteNumber("threshold", Roles[role].Threshold);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static RootMetadata Decode(JsonElement s, string file)
    {
        MetaJson.Type(s, "root", file);
        var keys = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var p in MetaJson.Obj(s, "keys", file).EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Object || MetaJson.Str(p.Value, "keytype", file) != "ed25519")
                throw MetaJson.Bad(file, $"key {p.Name} is not an ed25519 key");
            var key = Hex.TryParse(MetaJson.Str(p.Value, "public", file), 32) ?? throw MetaJson.Bad(file, $"key {p.Name}: 'public' is not 64 hex digits");
            if (Hex.Of(Ed25519Keys.KeyId(key)) != p.Name)
                throw MetaJson.Bad(file, $"key id {p.Name} is not the SHA-256 of its public key");
            if (!Ed25519Keys.IsStrongPublicKey(key))
                throw MetaJson.Bad(file, $"key {p.Name} is weak (small order or non-canonical)");
            keys[p.Name] = key;
        }
        var rolesObj = MetaJson.Obj(s, "roles", file);
        var roles = new Dictionary<Role, RoleKeys>();
        foreach (var role in Repository.Roles.All)
        {
            var r = MetaJson.Obj(rolesObj, Repository.Roles.Name(role), file);
            var ids = new List<string>();
            foreach (var id in MetaJson.Arr(r, "keyids", file).EnumerateArray())
            {
                if (id.ValueKind != JsonValueKind.String || !keys.ContainsKey(id.GetString()!))
                    throw MetaJson.Bad(file, $"role {Repository.Roles.Name(role)} lists a key id that is not in 'keys'");
                ids.Add(id.GetString()!);
            }
            if (ids.Distinct().Count() != ids.Count || !ids.SequenceEqual(ids.Order(StringComparer.Ordinal)))
                throw MetaJson.Bad(file, $"role {Repository.Roles.Name(role)}: key ids must be sorted and distinct");
            var threshold = MetaJson.Int(r, "threshold", file, 1);
            if (threshold > ids.Count)
                throw MetaJson.Bad(file, $"role {Repository.Roles.Name(role)}: threshold {threshold} exceeds its {ids.Count} keys");
            roles[role] = new RoleKeys(ids, (int)threshold);
        }
        return new RootMetadata { Version = MetaJson.Int(s, "version", file, 1), Expires = MetaJson.Time(s, "expires", file), Keys = keys, Roles = roles };
    }
}

/// <summary>Checks shared by the publisher and the client.</summary>
public static class RootChecks
{
    /// <summary>A root must be signed by a threshold of its own root keys (TUF §5.3.5).</summary>
    public static void RequireSelfSigned(this RootMetadata root, MetadataFile file, string path) =>
        file.RequireThreshold(root, Role.Root, path, RepoCodes.BadRotation, whose: $"its own (version {root.Version})");
}
