using System.Text.Json;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg.Format;
using Veridian.Pkg.IO;

namespace Veridian.Pkg.Resolve;

/// <summary>One locked package: exact version and target, and (when it came from a source) the source and the file's SHA-256.</summary>
public sealed record LockedPackage(string Name, string Version, string Target, string? Source, string? Sha256);

/// <summary>
/// The lock file: the exact set a resolution chose (docs/pkg-repository.md, Lock file), canonical JSON sorted by name.
/// <c>pkg install --from-lock FILE</c> reproduces it: the same versions, the same bytes.
/// </summary>
public sealed record LockFile(string Target, IReadOnlyList<LockedPackage> Packages)
{
    public const string DefaultPath = "etc/veridian/packages.lock";

    public byte[] Encode() => CanonicalJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("format", 1);
        w.WriteString("target", Target);
        w.WriteStartArray("packages");
        foreach (var p in Packages.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            w.WriteString("version", p.Version);
            w.WriteString("target", p.Target);
            if (p.Source is not null)
                w.WriteString("source", p.Source);
            if (p.Sha256 is not null)
                w.WriteString("sha256", p.Sha256);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public void Save(string path) => AtomicFile.Write(path, Encode(), Durability.Flush, FileModes.Public);

    public static LockFile Load(string path)
    {
        if (!File.Exists(path))
            throw Bad(path, "the lock file does not exist");
        var data = File.ReadAllBytes(path);
        using var doc = CanonicalJson.TryParse(data, 8, out var error) ?? throw Bad(path, $"not valid JSON: {error}");
        LockFile result;
        try
        {
            var o = doc.RootElement;
            if (o.GetProperty("format").GetInt32() != 1)
                throw Bad(path, "'format' must be 1");
            var packages = o.GetProperty("packages").EnumerateArray().Select(p => new LockedPackage(
                p.GetProperty("name").GetString()!, p.GetProperty("version").GetString()!, p.GetProperty("target").GetString()!,
                p.TryGetProperty("source", out var s) ? s.GetString() : null, p.TryGetProperty("sha256", out var h) ? h.GetString() : null)).ToList();
            result = new LockFile(o.GetProperty("target").GetString()!, packages);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
        {
            throw Bad(path, e.Message);
        }
        if (!CanonicalJson.IsCanonical(data, result.Encode()))
            throw Bad(path, "not in canonical form (write lock files with veridian only)");
        if (result.Packages.Any(p => !SemVersion.TryParse(p.Version, out _)))
            throw Bad(path, "a version is not a semantic version");
        return result;
    }

    private static DiagnosticException Bad(string path, string why) =>
        DiagnosticException.Error(ResolveCodes.BadLock, $"lock file '{path}': {why}", new SourceLocation(path));
}
