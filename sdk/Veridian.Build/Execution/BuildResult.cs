using Veridian.Build.Graph;

namespace Veridian.Build.Execution;

/// <summary>The outcome of a build: the graph with every action's status, reason and duration.</summary>
public sealed record BuildResult(ActionGraph Graph, TimeSpan Duration, bool Succeeded, bool Cancelled)
{
    public int Count(ActionStatus status) => Graph.Actions.Count(a => a.Status == status);

    /// <summary>True when every action was up to date.</summary>
    public bool NothingToDo => Succeeded && Graph.Actions.All(a => a.Status == ActionStatus.UpToDate);

    /// <summary>Actions that ran or were restored, of one kind (tests count compiles and links this way).</summary>
    public IReadOnlyList<BuildAction> Executed(ActionKind kind) =>
        Graph.Actions.Where(a => a.Kind == kind && a.Status is ActionStatus.Ran or ActionStatus.Cached).ToList();
}

/// <summary>How to build.</summary>
public sealed record BuildOptions
{
    /// <summary>Parallel jobs; 0 means the processor count.</summary>
    public int Jobs { get; init; }

    /// <summary>Called (from worker threads) when an action finishes, whatever its status.</summary>
    public Action<BuildAction>? Finished { get; init; }

    /// <summary>Called with the time each phase took (for --verbose).</summary>
    public Action<string, TimeSpan>? Phase { get; init; }

    /// <summary>Called (from worker threads) when an action starts to run its tool.</summary>
    public Action<BuildAction>? Started { get; init; }
}
