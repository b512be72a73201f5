using Veridian.Build.Cache;
using Veridian.Build.Graph;

namespace Veridian.Build.Execution;

/// <summary>
/// Whether an action's output from the last build (its record in the state file) is still right: the same keys —
/// for a compile the same base key and every header it read unchanged — and the output untouched. Also says, for
/// an action that is not up to date, what changed.
/// </summary>
public static class UpToDateCheck
{
    /// <summary>True when <paramref name="previous"/> still holds for <paramref name="action"/> with base key <paramref name="baseKey"/>.</summary>
    public static bool Holds(BuildAction action, ActionRecord? previous, string baseKey, BuildMemory memory)
    {
        if (previous is null)
            return false;
        var dir = action.Unit.Project.Directory;
        return action.Kind == ActionKind.Compile
            // Headers read last time (after the edges in the record): if they all still hash the same, the key is the same.
            ? previous.BaseKey == baseKey && previous.Inputs.Skip(action.Inputs.Count).All(h => memory.Matches(dir, h)) && memory.OutputMatches(action, previous)
            : previous.Key == baseKey && memory.OutputMatches(action, previous);
    }

    /// <summary>Takes <paramref name="record"/> as this build's result for the action.</summary>
    public static ActionOutcome Accept(BuildAction action, ActionRecord record, BuildMemory memory)
    {
        memory.OutputHashes[action] = record.OutputHash;
        memory.Records[action.OutputPath] = record;
        return new ActionOutcome(ActionStatus.UpToDate, "its inputs, flags and tools are unchanged since the last build", "",
            record.Inputs.Skip(action.Inputs.Count).Select(h => h.Path).ToList(), TimeSpan.Zero);
    }

    /// <summary>Says what changed since the recorded build, for --explain and the report.</summary>
    public static string WhyNot(string config, IReadOnlyList<HeaderHash> inputs, ActionRecord? previous)
    {
        if (previous is null)
            return "no earlier build of this output";
        if (previous.Config != config)
            return "its flags, target facts or tool versions changed";
        var old = previous.Inputs.GroupBy(i => i.Path).ToDictionary(g => g.Key, g => g.First().Hash, StringComparer.Ordinal);
        var changed = inputs.Where(i => old.TryGetValue(i.Path, out var h) && h != i.Hash).Select(i => i.Path).ToList();
        var added = inputs.Where(i => !old.ContainsKey(i.Path)).Select(i => i.Path).ToList();
        var parts = new List<string>();
        if (changed.Count > 0)
            parts.Add($"changed: {string.Join(", ", changed)}");
        if (added.Count > 0)
            parts.Add($"new inputs: {string.Join(", ", added)}");
        if (parts.Count == 0 && previous.Inputs.Count != inputs.Count)
            parts.Add("its set of inputs changed");
        if (parts.Count == 0)
            parts.Add("its output was missing or modified");
        return string.Join("; ", parts);
    }
}
