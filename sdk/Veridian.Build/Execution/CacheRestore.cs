using Veridian.Build.Cache;
using Veridian.Build.Graph;

namespace Veridian.Build.Execution;

/// <summary>
/// Restores an action's output from the <see cref="ActionCache"/>: by its key, or — for a compile, whose full key
/// depends on the headers it reads — by the first stored candidate under its base key whose headers still match.
/// </summary>
public sealed class CacheRestore(ActionCache cache, BuildMemory memory)
{
    /// <summary>Restores the output when the cache has it; null when it does not.</summary>
    public ActionOutcome? TryRestore(BuildAction action, string config, string baseKey, IReadOnlyList<HeaderHash> inputs, ActionRecord? previous)
    {
        if (action.Kind != ActionKind.Compile)
            return TryRestore(action, baseKey, baseKey, config, inputs, previous);
        var dir = action.Unit.Project.Directory;
        foreach (var (key, headers) in cache.Candidates(baseKey))
        {
            if (headers.All(h => memory.Matches(dir, h)) && TryRestore(action, key, baseKey, config, [.. inputs, .. headers], previous) is { } restored)
                return restored;
        }
        return null;
    }

    private ActionOutcome? TryRestore(BuildAction action, string key, string baseKey, string config, IReadOnlyList<HeaderHash> allInputs, ActionRecord? previous)
    {
        var entry = cache.Lookup(key);
        if (entry is null || entry.Files.Count != 1)
            return null;
        memory.Hasher.Forget(action.OutputPath);
        if (!cache.Restore(entry, [action.OutputPath]))
            return null;
        var hash = entry.Files[0].Hash;
        memory.Hasher.Known(action.OutputPath, hash);
        memory.OutputHashes[action] = hash;
        memory.Records[action.OutputPath] = new ActionRecord(config, baseKey, key, [.. allInputs], hash);
        return new ActionOutcome(ActionStatus.Cached, $"{UpToDateCheck.WhyNot(config, allInputs, previous)}; restored from the cache (key {key[..12]})",
            entry.ToolOutput, entry.Headers.Select(h => h.Path).ToList(), TimeSpan.Zero);
    }
}
