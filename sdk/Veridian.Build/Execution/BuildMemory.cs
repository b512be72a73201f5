using System.Collections.Concurrent;
using Veridian.Build.Cache;
using Veridian.Build.Graph;

namespace Veridian.Build.Execution;

/// <summary>What one build's steps share: file hashes, the output hash of each action done, the records to save, stores made.</summary>
public sealed class BuildMemory(FileHasher hasher)
{
    public FileHasher Hasher { get; } = hasher;

    /// <summary>The content hash of each finished action's output (its dependents' inputs).</summary>
    public ConcurrentDictionary<BuildAction, string> OutputHashes { get; } = new();

    /// <summary>The record of each output built, restored or found up to date, by absolute path.</summary>
    public ConcurrentDictionary<string, ActionRecord> Records { get; } = new(StringComparer.Ordinal);

    private int _stored;

    /// <summary>How many entries this build stored in the cache.</summary>
    public int Stored => _stored;

    public void CountStore() => Interlocked.Increment(ref _stored);

    /// <summary>True when the file at <paramref name="dir"/>/<c>path</c> still has the hash recorded for it.</summary>
    public bool Matches(string dir, HeaderHash h) => Hasher.Hash(Path.GetFullPath(Path.Combine(dir, h.Path))) == h.Hash;

    /// <summary>True when the action's output is the one recorded.</summary>
    public bool OutputMatches(BuildAction action, ActionRecord record) => Hasher.Hash(action.OutputPath) == record.OutputHash;
}
