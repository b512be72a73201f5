using System.Globalization;
using System.Text.Json;
using Veridian.Common;

namespace Veridian.Build.Cache;

/// <summary>
/// The user-wide, content-addressed action cache. Layout under <see cref="Root"/>/v1:
/// <c>files/ab/&lt;sha256&gt;</c> (output contents), <c>actions/ab/&lt;key&gt;.json</c> (an action's result),
/// <c>manifests/ab/&lt;base&gt;/&lt;key&gt;.json</c> (header sets seen for a compile's base key).
/// Every write is temp + rename (see <see cref="AtomicFile"/>), files before the entry naming them; a file is verified against
/// its hash whenever it is restored, and dropped if it does not match.
/// <para>
/// Writes here (and of the engine's outputs) are <see cref="Durability.None"/>, deliberately: a killed process loses nothing
/// the kernel already has, and what a power loss could tear is caught on the way back in (cache files are verified
/// against their hash on every restore, a malformed entry is a miss, and outputs are re-hashed by the next build).
/// Measured: the fsyncs cost ~0.9 s of a 6.35 s cold build of 200 files (bench/build.sh: 1.28x -> 1.18x make).
/// </para>
/// </summary>
public sealed class ActionCache
{
    /// <summary>The default size limit: 2 GiB.</summary>
    public const long DefaultLimit = 2L << 30;

    public ActionCache(string root, long limit)
    {
        Root = root;
        Limit = limit;
        Base = Path.Combine(root, "v1");
    }

    /// <summary>The cache folder.</summary>
    public string Root { get; }

    /// <summary>The size limit in bytes for stored files.</summary>
    public long Limit { get; }

    private string Base { get; }

    /// <summary>
    /// The cache of the current user, in <see cref="SdkLayout.CacheDirectory"/> (<c>$VERIDIAN_CACHE_DIR</c>, else
    /// <c>$XDG_CACHE_HOME/veridian</c>, else <c>~/.cache/veridian</c>); limit from <c>VERIDIAN_CACHE_SIZE</c> (bytes, or K/M/G suffix).
    /// </summary>
    public static ActionCache ForUser() =>
        new(SdkLayout.CacheDirectory, ParseSize(Environment.GetEnvironmentVariable("VERIDIAN_CACHE_SIZE")) ?? DefaultLimit);

    /// <summary>Parses <c>123</c>, <c>64K</c>, <c>512M</c>, <c>2G</c>; null when empty or malformed.</summary>
    public static long? ParseSize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        text = text.Trim();
        long unit = char.ToUpperInvariant(text[^1]) switch
        {
            'K' => 1L << 10,
            'M' => 1L << 20,
            'G' => 1L << 30,
            _ => 1,
        };
        var digits = unit == 1 ? text : text[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n * unit : null;
    }

    private string FilePath(string hash) => Path.Combine(Base, "files", hash[..2], hash);

    private string EntryPath(string key) => Path.Combine(Base, "actions", key[..2], key + ".json");

    private string ManifestDir(string baseKey) => Path.Combine(Base, "manifests", baseKey[..2], baseKey);

    /// <summary>The entry for <paramref name="key"/>, or null (a malformed entry is deleted).</summary>
    public CacheEntry? Lookup(string key)
    {
        var path = EntryPath(key);
        if (!File.Exists(path))
            return null;
        try
        {
            var entry = JsonSerializer.Deserialize(File.ReadAllBytes(path), BuildJson.Default.CacheEntry);
            if (entry is null || entry.Key != key)
                throw new JsonException("entry key mismatch");
            return entry;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            AtomicFile.TryDelete(path);
            return null;
        }
    }

    /// <summary>
    /// Copies the entry's files to <paramref name="targets"/> (same order as <see cref="CacheEntry.Files"/>),
    /// verifying each against its hash. False (and the bad entry dropped) when a file is missing or corrupt.
    /// </summary>
    public bool Restore(CacheEntry entry, IReadOnlyList<string> targets)
    {
        var temps = new List<(string Temp, string Target)>();
        try
        {
            for (var i = 0; i < entry.Files.Count; i++)
            {
                var source = FilePath(entry.Files[i].Hash);
                if (!File.Exists(source))
                    return Drop(entry);
                var bytes = File.ReadAllBytes(source);
                if (Sha256Hash.HexOf(bytes) != entry.Files[i].Hash)
                {
                    AtomicFile.TryDelete(source);
                    return Drop(entry);
                }
                var temp = AtomicFile.TempBeside(targets[i]);
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                // Entries written before the flag existed: the stored copy kept the linker's mode (File.Copy keeps it).
                if ((entry.Files[i].Executable || IsExecutable(source)) && !OperatingSystem.IsWindows())
                    options.UnixCreateMode = ExecutableMode; // less the umask, as the linker's own output would be
                using (var fs = new FileStream(temp, options))
                {
                    fs.Write(bytes);
                }
                temps.Add((temp, targets[i]));
            }
            foreach (var (temp, target) in temps)
                AtomicFile.Commit(temp, target, Durability.None);
            temps.Clear();
            Touch(EntryPath(entry.Key));
            return true;
        }
        finally
        {
            foreach (var (temp, _) in temps)
                AtomicFile.TryDelete(temp);
        }
    }

    private const UnixFileMode ExecutableMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;

    private bool Drop(CacheEntry entry)
    {
        AtomicFile.TryDelete(EntryPath(entry.Key));
        return false;
    }

    /// <summary>Stores an action's outputs (files first, then the entry). Returns the entry.</summary>
    public CacheEntry Store(string key, IReadOnlyList<(string Name, string Path, string Hash)> outputs, IReadOnlyList<HeaderHash> headers, string toolOutput, string? baseKey)
    {
        var files = new List<CachedFile>();
        foreach (var (name, path, hash) in outputs)
        {
            var target = FilePath(hash);
            if (!File.Exists(target))
                AtomicFile.Copy(path, target, Durability.None);
            files.Add(new CachedFile(name, hash, new FileInfo(target).Length, IsExecutable(path)));
        }
        var entry = new CacheEntry(key, files, headers, toolOutput);
        AtomicFile.Write(EntryPath(key), JsonSerializer.SerializeToUtf8Bytes(entry, BuildJson.Default.CacheEntry), Durability.None);
        if (baseKey is not null)
        {
            var manifest = Path.Combine(ManifestDir(baseKey), key + ".json");
            if (!File.Exists(manifest))
                AtomicFile.Write(manifest, JsonSerializer.SerializeToUtf8Bytes(headers.ToList(), BuildJson.Default.ListHeaderHash), Durability.None);
        }
        return entry;
    }

    /// <summary>The header sets (with the full key they led to) recorded for a compile's base key.</summary>
    public IEnumerable<(string Key, IReadOnlyList<HeaderHash> Headers)> Candidates(string baseKey)
    {
        var dir = ManifestDir(baseKey);
        if (!Directory.Exists(dir))
            yield break;
        foreach (var file in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            List<HeaderHash>? headers;
            try
            {
                headers = JsonSerializer.Deserialize(File.ReadAllBytes(file), BuildJson.Default.ListHeaderHash);
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                AtomicFile.TryDelete(file);
                continue;
            }
            if (headers is not null)
                yield return (Path.GetFileNameWithoutExtension(file), headers);
        }
    }

    private static void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Counts entries, files and bytes.</summary>
    public CacheStats Stats()
    {
        var entries = Enumerate(Path.Combine(Base, "actions")).Count(f => f.Name.EndsWith(".json", StringComparison.Ordinal) && !f.Name.StartsWith(AtomicFile.TempPrefix, StringComparison.Ordinal));
        var files = Enumerate(Path.Combine(Base, "files")).ToList();
        var stored = files.Where(f => !f.Name.StartsWith(AtomicFile.TempPrefix, StringComparison.Ordinal)).ToList();
        var temps = Enumerate(Base).Count(f => f.Name.StartsWith(AtomicFile.TempPrefix, StringComparison.Ordinal));
        return new CacheStats(Root, entries, stored.Count, stored.Sum(f => f.Length), Limit, temps);
    }

    /// <summary>Deletes everything in the cache. Returns the bytes freed.</summary>
    public long Clean()
    {
        if (!Directory.Exists(Base))
            return 0;
        var bytes = Enumerate(Base).Sum(f => f.Length);
        // Rename first, so a concurrent build never sees a half-deleted tree under the live name.
        var doomed = Path.Combine(Root, $"{AtomicFile.TempPrefix}clean-{Guid.NewGuid():N}");
        Directory.Move(Base, doomed);
        Directory.Delete(doomed, recursive: true);
        return bytes;
    }

    /// <summary>
    /// Keeps the stored files under <see cref="Limit"/>: drops least recently used entries, then files no
    /// entry names, and temp files older than an hour (left by killed builds). Returns entries dropped.
    /// </summary>
    public int Trim()
    {
        var files = Enumerate(Path.Combine(Base, "files")).ToList();
        var cutoff = DateTime.UtcNow.AddHours(-1);
        foreach (var temp in Enumerate(Base).Where(f => f.Name.StartsWith(AtomicFile.TempPrefix, StringComparison.Ordinal) && f.LastWriteTimeUtc < cutoff))
            AtomicFile.TryDelete(temp.FullName);
        var total = files.Sum(f => f.Length);
        if (total <= Limit)
            return 0;
        var entries = Enumerate(Path.Combine(Base, "actions"))
            .Where(f => !f.Name.StartsWith(AtomicFile.TempPrefix, StringComparison.Ordinal))
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        var live = new List<(FileInfo Info, CacheEntry? Entry)>();
        foreach (var e in entries)
            live.Add((e, Lookup(Path.GetFileNameWithoutExtension(e.Name))));
        var sizes = files.ToDictionary(f => f.Name, f => f.Length, StringComparer.Ordinal);
        var dropped = 0;
        var target = Limit * 8 / 10;
        var referenced = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, entry) in live)
        {
            foreach (var f in entry?.Files ?? [])
                referenced[f.Hash] = referenced.GetValueOrDefault(f.Hash) + 1;
        }
        foreach (var (info, entry) in live)
        {
            if (total <= target)
                break;
            AtomicFile.TryDelete(info.FullName);
            dropped++;
            foreach (var f in entry?.Files ?? [])
            {
                if (--referenced[f.Hash] == 0 && sizes.TryGetValue(f.Hash, out var size))
                {
                    AtomicFile.TryDelete(FilePath(f.Hash));
                    total -= size;
                }
            }
        }
        return dropped;
    }

    private static IEnumerable<FileInfo> Enumerate(string dir) => Directory.Exists(dir)
        ? new DirectoryInfo(dir).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
        : [];
}
