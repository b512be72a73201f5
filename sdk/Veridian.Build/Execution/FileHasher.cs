using System.Collections.Concurrent;
using Veridian.Common;

namespace Veridian.Build.Execution;

/// <summary>
/// Content hashes of files, memoised for one build and shortcut by stamps: a file whose size and mtime
/// match its stamp reuses the stamped hash; any other file (a touched one too) is read and hashed.
/// Stamps of files modified within the last 100 ms are not kept: a later edit in the same timestamp
/// tick (the kernel's coarse clock, a few ms) must not be missed ("racy git"). Outputs the engine wrote
/// itself are stamped at once: it knows their content.
/// </summary>
public sealed class FileHasher
{
    private static readonly long s_racyTicks = TimeSpan.FromMilliseconds(100).Ticks;
    private readonly ConcurrentDictionary<string, FileStamp> _known;
    private readonly ConcurrentDictionary<string, string?> _memo = new(StringComparer.Ordinal);

    public FileHasher(IEnumerable<KeyValuePair<string, FileStamp>> stamps)
    {
        _known = new ConcurrentDictionary<string, FileStamp>(StringComparer.Ordinal);
        foreach (var (k, v) in stamps)
            _known.TryAdd(k, v);
    }

    /// <summary>Stamps that are safe to keep for the next build.</summary>
    public IEnumerable<KeyValuePair<string, FileStamp>> Stamps => _known;

    /// <summary>The hash of the file at the absolute <paramref name="path"/>, or null when it does not exist.</summary>
    public string? Hash(string path) => _memo.GetOrAdd(path, Compute);

    /// <summary>Records a hash the engine already knows (an output it just wrote).</summary>
    public void Known(string path, string hash)
    {
        _memo[path] = hash;
        var info = new FileInfo(path);
        if (info.Exists)
            _known[path] = new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks, hash);
    }

    /// <summary>Forgets a path (its file is about to be replaced).</summary>
    public void Forget(string path)
    {
        _memo.TryRemove(path, out _);
        _known.TryRemove(path, out _);
    }

    private string? Compute(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            return null;
        var mtime = info.LastWriteTimeUtc.Ticks;
        if (_known.TryGetValue(path, out var stamp) && stamp.Size == info.Length && stamp.MtimeTicks == mtime)
            return stamp.Hash;
        var hash = Sha256Hash.HexOfFile(path);
        Stamp(path, hash);
        return hash;
    }

    private void Stamp(string path, string hash)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            return;
        var mtime = info.LastWriteTimeUtc.Ticks;
        if (DateTime.UtcNow.Ticks - mtime < s_racyTicks)
            _known.TryRemove(path, out _);
        else
            _known[path] = new FileStamp(info.Length, mtime, hash);
    }
}
