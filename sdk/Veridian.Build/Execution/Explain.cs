using System.Text;
using Veridian.Build.Graph;

namespace Veridian.Build.Execution;

/// <summary><c>--explain</c>: why an output's steps ran or were skipped, and why each input is there.</summary>
public static class Explain
{
    /// <summary>A readable tree for <paramref name="action"/> and the actions producing its inputs, as built in <paramref name="result"/>.</summary>
    public static string Render(BuildResult result, BuildAction action)
    {
        var sb = new StringBuilder();
        Render(result, action, sb, 0, []);
        return sb.ToString();
    }

    private static void Render(BuildResult result, BuildAction action, StringBuilder sb, int depth, HashSet<BuildAction> seen)
    {
        var pad = new string(' ', depth * 2);
        var outcome = result.Outcome(action);
        sb.Append(pad).Append(action.Output).Append(": ").Append(ActionKinds.Name(action.Kind)).Append(", ").Append(StatusText(outcome.Status));
        if (outcome.Reason.Length > 0)
            sb.Append(" — ").Append(outcome.Reason);
        sb.Append('\n');
        if (!seen.Add(action))
            return;
        foreach (var edge in action.Inputs)
        {
            sb.Append(pad).Append("  <- ").Append(edge.Path).Append(" (").Append(edge.Reason).Append(")\n");
            if (edge.Producer is { } p)
                Render(result, p, sb, depth + 2, seen);
        }
        foreach (var h in outcome.Headers)
            sb.Append(pad).Append("  <- ").Append(h).Append(" (included; from the front end's depfile)\n");
    }

    /// <summary>The status as printed and in JSON.</summary>
    public static string StatusText(ActionStatus status) => status switch
    {
        ActionStatus.Pending => "pending",
        ActionStatus.UpToDate => "up-to-date",
        ActionStatus.Cached => "cached",
        ActionStatus.Ran => "ran",
        ActionStatus.Failed => "failed",
        ActionStatus.Skipped => "skipped",
    };
}
