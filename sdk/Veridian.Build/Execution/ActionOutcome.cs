using Veridian.Build.Graph;

namespace Veridian.Build.Execution;

/// <summary>What happened to one action in one build — kept apart from the (immutable) graph node.</summary>
/// <param name="Status">Up to date, restored, ran, failed or skipped.</param>
/// <param name="Reason">Why it ran, was restored, or was skipped (for --explain and the report).</param>
/// <param name="ToolOutput">What the tool printed (warnings, errors).</param>
/// <param name="Headers">Headers the front end's depfile reported (compile only).</param>
/// <param name="Duration">Wall time spent on the action.</param>
public sealed record ActionOutcome(ActionStatus Status, string Reason, string ToolOutput, IReadOnlyList<string> Headers, TimeSpan Duration)
{
    /// <summary>The outcome of an action the build never reached.</summary>
    public static ActionOutcome Pending { get; } = new(ActionStatus.Pending, "", "", [], TimeSpan.Zero);

    /// <summary>An outcome without tool output or headers.</summary>
    public static ActionOutcome Of(ActionStatus status, string reason, string toolOutput = "") => new(status, reason, toolOutput, [], TimeSpan.Zero);

    /// <summary>The SDK's own diagnostics behind a failure (see <see cref="Toolchain.StepResult.Diagnostics"/>).</summary>
    public IReadOnlyList<Veridian.Diagnostics.Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>True when the action's output is there and current (up to date, restored or ran).</summary>
    public bool Succeeded => Status is ActionStatus.UpToDate or ActionStatus.Cached or ActionStatus.Ran;
}
