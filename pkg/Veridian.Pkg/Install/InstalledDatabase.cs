using System.Text.Json;
using System.Text.Json.Serialization;
using Veridian.Diagnostics;
using Veridian.Pkg.Format;

namespace Veridian.Pkg.Install;

/// <summary>
/// One path a package installed, with what it was at install time: <c>Sha256</c> is the hex hash of a
/// file's content (null otherwise); <c>Adopted</c> marks a directory that existed, owned by no package,
/// before the package was installed, and is therefore never removed with it.
/// </summary>
public sealed record InstalledEntry(string Path, EntryType Type, int Mode, string? Sha256, string? Link, bool Adopted);

/// <summary>An installed package as the database records it.</summary>
public sealed record InstalledPackage(string Name, string Version, string Target, string Kind, string Channel, string KeyId,
    string Summary, IReadOnlyList<InstalledEntry> Entries)
{
    /// <summary>From the manifest: what the resolver needs to keep the sysroot consistent (absent in databases written before them).</summary>
    public IReadOnlyList<Dependency> Depends { get; init; } = [];
    public IReadOnlyList<string> Provides { get; init; } = [];
    public IReadOnlyList<string> Conflicts { get; init; } = [];

    /// <summary>Asked for by the user (a file, or a name); false when installed only as another package's dependency.</summary>
    public bool Requested { get; init; } = true;

    /// <summary>The source it came from, or null for a package installed from a file.</summary>
    public string? Source { get; init; }
}

/// <summary>The installed-package database, <c>var/lib/veridian/pkg/installed.json</c> (canonical, sorted JSON).</summary>
public sealed record InstalledDatabase(int Format, IReadOnlyList<InstalledPackage> Packages)
{
    public static readonly InstalledDatabase Empty = new(1, []);

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    public InstalledPackage? Find(string name) => Packages.FirstOrDefault(p => p.Name == name);

    /// <summary>A copy with packages sorted by name and entries by path: the one encoding.</summary>
    public InstalledDatabase Normalised() => this with
    {
        Packages = Packages.OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p with { Entries = p.Entries.OrderBy(e => e.Path, Comparer<string>.Create(EntryTable.ComparePaths)).ToList() }).ToList(),
    };

    public byte[] Encode() => JsonSerializer.SerializeToUtf8Bytes(Normalised(), Json);

    public static InstalledDatabase Decode(byte[] data, string file)
    {
        try
        {
            return JsonSerializer.Deserialize<InstalledDatabase>(data, Json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw DiagnosticException.Error(PkgCodes.BadSysroot, $"the package database is damaged: {e.Message}", new SourceLocation(file));
        }
    }
}
