using System.Text.Json.Serialization;

namespace Veridian.Build.Cache;

/// <summary>A file stored in the cache by content hash; <paramref name="Executable"/>: restored with the execute bits (a linked program).</summary>
public sealed record CachedFile(string Name, string Hash, long Size, bool Executable = false);

/// <summary>A header the front end read, with its content hash when the entry was made.</summary>
public sealed record HeaderHash(string Path, string Hash);

/// <summary>One action's cached result: its output files and, for compiles, the headers it read.</summary>
public sealed record CacheEntry(string Key, IReadOnlyList<CachedFile> Files, IReadOnlyList<HeaderHash> Headers, string ToolOutput);

/// <summary>Cache size and location, for <c>veridian cache stats</c>.</summary>
public sealed record CacheStats(string Directory, int Entries, int Files, long Bytes, long Limit, int TempFiles);

[JsonSourceGenerationOptions(WriteIndented = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CacheEntry))]
[JsonSerializable(typeof(List<HeaderHash>))]
[JsonSerializable(typeof(Execution.StateFile))]
internal sealed partial class BuildJson : JsonSerializerContext;
