using System.Text.Json;
using System.Text.RegularExpressions;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg.Format;
using Veridian.Pkg.Install;
using Veridian.Pkg.IO;

namespace Veridian.Pkg.Repository;

/// <summary>A configured repository: its name, URL (with mirrors tried in order) and priority (higher wins).</summary>
public sealed record Source(string Name, string Url, int Priority, IReadOnlyList<string> Mirrors)
{
    /// <summary>The URL, then the mirrors.</summary>
    public IEnumerable<string> Urls => [Url, .. Mirrors];
}

/// <summary>
/// The sources of a sysroot, <c>etc/veridian/sources.json</c> (canonical JSON, sorted by priority then name), and each
/// source's trusted state, <c>var/lib/veridian/pkg/sources/&lt;name&gt;.json</c> (docs/pkg-repository.md, Client configuration).
/// </summary>
public static partial class SourceList
{
    public const string ConfigFile = "etc/veridian/sources.json";
    public const string StateDir = Sysroot.StateDir + "/sources";

    public static string StatePath(Sysroot sysroot, string name) => sysroot.Full($"{StateDir}/{name}.json");

    public static IReadOnlyList<Source> Load(Sysroot sysroot)
    {
        var path = sysroot.Full(ConfigFile);
        if (!File.Exists(path))
            return [];
        var data = File.ReadAllBytes(path);
        using var doc = CanonicalJson.TryParse(data, 8, out var error) ?? throw Bad($"'{path}' is not valid JSON: {error}");
        var list = new List<Source>();
        try
        {
            foreach (var s in doc.RootElement.GetProperty("sources").EnumerateArray())
            {
                list.Add(new Source(s.GetProperty("name").GetString()!, s.GetProperty("url").GetString()!, s.GetProperty("priority").GetInt32(),
                    s.GetProperty("mirrors").EnumerateArray().Select(m => m.GetString()!).ToList()));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw Bad($"'{path}' is damaged: {e.Message}");
        }
        if (!CanonicalJson.IsCanonical(data, Encode(list)))
            throw Bad($"'{path}' is not in canonical form; edit sources with 'veridian pkg source add/remove' only");
        return list;
    }

    private static byte[] Encode(IReadOnlyList<Source> sources) => CanonicalJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("format", 1);
        w.WriteStartArray("sources");
        foreach (var s in Ordered(sources))
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("url", s.Url);
            w.WriteNumber("priority", s.Priority);
            w.WriteStartArray("mirrors");
            foreach (var m in s.Mirrors)
                w.WriteStringValue(m);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>Highest priority first, then by name: the order in which sources are asked for a package.</summary>
    public static IReadOnlyList<Source> Ordered(IEnumerable<Source> sources) =>
        sources.OrderByDescending(s => s.Priority).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();

    /// <summary>Adds a source whose first trusted state is <paramref name="rootFile"/> (signed by a threshold of its own root keys).</summary>
    public static Source Add(Sysroot sysroot, string name, string url, string rootFile, int priority = 0, IReadOnlyList<string>? mirrors = null)
    {
        sysroot.RequireInitialised();
        if (!NamePattern().IsMatch(name))
            throw Bad($"source name '{name}' must be 1-64 of a-z, 0-9, '-', '_', '.' and start with a letter or digit");
        foreach (var u in new[] { url }.Concat(mirrors ?? []))
            Transports.Open(u).Dispose();
        if (!File.Exists(rootFile))
            throw Bad($"root file '{rootFile}' does not exist", "copy the repository's 1.root.json (or a later root) from its publisher");
        var state = TrustedState.FromRoot(File.ReadAllBytes(rootFile), rootFile);
        var list = Load(sysroot).ToList();
        if (list.Any(s => s.Name == name))
            throw Bad($"a source named '{name}' exists already", "remove it first with 'veridian pkg source remove'");
        var source = new Source(name, url, priority, mirrors ?? []);
        list.Add(source);
        state.Save(StatePath(sysroot, name));
        AtomicFile.Write(sysroot.Full(ConfigFile), Encode(list), Durability.Flush, FileModes.Public);
        return source;
    }

    public static void Remove(Sysroot sysroot, string name)
    {
        var list = Load(sysroot).ToList();
        if (list.RemoveAll(s => s.Name == name) == 0)
            throw Bad($"there is no source named '{name}'", Suggest.Closest(name, list.Select(s => s.Name)) is { } g ? $"did you mean '{g}'?" : "see 'veridian pkg source list'");
        AtomicFile.Write(sysroot.Full(ConfigFile), Encode(list), Durability.Flush, FileModes.Public);
        File.Delete(StatePath(sysroot, name));
    }

    /// <summary>Updates one source through its URL, then its mirrors in order when the URL cannot be used (unreachable, slow, or refused).</summary>
    public static UpdateResult Update(Sysroot sysroot, Source source, ClientOptions? options = null, CancellationToken cancel = default)
    {
        DiagnosticException? last = null;
        foreach (var url in source.Urls)
        {
            using var transport = Transports.Open(url, options?.Policy);
            try
            {
                return new RepositoryClient(transport, StatePath(sysroot, source.Name), options).Update(cancel);
            }
            catch (DiagnosticException e) when (source.Mirrors.Count > 0)
            {
                last = e;
            }
        }
        throw last!;
    }

    private static DiagnosticException Bad(string message, string? hint = null) => DiagnosticException.Error(RepoCodes.BadSource, message, hint: hint);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}
