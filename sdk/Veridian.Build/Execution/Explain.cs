using System.Text;
using Veridian.Build.Graph;

namespace Veridian.Build.Execution;

/// <summary><c>--explain</c>: why an output's steps ran or were skipped, and why each input is there.</summary>
public static class Explain
{
    /// <summary>A readable tree for <paramref name="action"/> and the actions producing its inputs.</summary>
    public static string Render(BuildAction action)
    {
        var sb = new StringBuilder();
        Render(action, sb, 0, []);
        return sb.ToString();
    }

    private static void Render(BuildAction action, StringBuilder sb, int depth, HashSet<BuildAction> seen)
    {
        var pad = new string(' ', depth * 2);
        sb.Append(pad).Append(action.Output).Append(": ").Append(ActionKinds.Name(action.Kind)).Append(", ").Append(StatusText(action.Status));
        if (action.Reason.Length > 0)
            sb.Append(" — ").Append(action.Reason);
        sb.Append('\n');
        if (!seen.Add(action))
            return;
        foreach (var edge in action.Inputs)
        {
            sb.Append(pad).Append("  <- ").Append(edge.Path).Append(" (").Append(edge.Reason).Append(")\n");
            if (edge.Producer is { } p)
                Render(p, sb, depth + 2, seen);
        }
        foreach (var h in action.Headers)
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
