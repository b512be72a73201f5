using Veridian.Build.Graph;

namespace Veridian.Build.Execution;

/// <summary>The outcome of a build: the graph as planned, and what happened to each of its actions.</summary>
public sealed record BuildResult(ActionGraph Graph, IReadOnlyDictionary<BuildAction, ActionOutcome> Outcomes, TimeSpan Duration, bool Succeeded, bool Cancelled)
{
    /// <summary>What happened to <paramref name="action"/> (pending when the build never reached it).</summary>
    public ActionOutcome Outcome(BuildAction action) => Outcomes.TryGetValue(action, out var o) ? o : ActionOutcome.Pending;

    public int Count(ActionStatus status) => Graph.Actions.Count(a => Outcome(a).Status == status);

    /// <summary>True when every action was up to date.</summary>
    public bool NothingToDo => Succeeded && Graph.Actions.All(a => Outcome(a).Status == ActionStatus.UpToDate);

    /// <summary>Actions that ran or were restored, of one kind (tests count compiles and links this way).</summary>
    public IReadOnlyList<BuildAction> Executed(ActionKind kind) =>
        Graph.Actions.Where(a => a.Kind == kind && Outcome(a).Status is ActionStatus.Ran or ActionStatus.Cached).ToList();

    /// <summary>The actions that failed.</summary>
    public IReadOnlyList<BuildAction> Failed => Graph.Actions.Where(a => Outcome(a).Status == ActionStatus.Failed).ToList();
}

/// <summary>How to build.</summary>
public sealed record BuildOptions
{
    /// <summary>Parallel jobs; 0 means the processor count.</summary>
    public int Jobs { get; init; }

    /// <summary>Called (from worker threads) when an action finishes, whatever its status.</summary>
    public Action<BuildAction, ActionOutcome>? Finished { get; init; }

    /// <summary>Called with the time each phase took (for --verbose).</summary>
    public Action<string, TimeSpan>? Phase { get; init; }

    /// <summary>Called (from worker threads) when an action starts to run its tool.</summary>
    public Action<BuildAction>? Started { get; init; }

    /// <summary>
    /// The build lock is inherited by every process this one starts while it is held, so a killed build's surviving
    /// clang and lld children keep it until they exit (<see cref="BuildRoots"/>). For a process that runs one build at
    /// a time (the CLI); a host running several builds at once (a test host, an IDE) leaves it off, or one build's
    /// lock would leak into the other's tools.
    /// </summary>
    public bool ToolsHoldTheLock { get; init; }
}
