using Veridian.Triples;

namespace Veridian.Pkg.Format;

/// <summary>
/// A package's target: <c>any</c>, or the canonical name of a target in Veridian.Triples' database
/// (canonical only, so that one target has one signed spelling).
/// </summary>
public static class TargetName
{
    public const string Any = "any";

    public static bool IsValid(string target, out string why)
    {
        why = "";
        if (target == Any)
            return true;
        if (target.Length > 64)
        {
            why = "is longer than 64 characters";
            return false;
        }
        if (!TargetDatabase.TryResolve(target, out var info, out var diagnostics))
        {
            why = "is not a known target: " + (diagnostics.Count > 0 ? diagnostics[0].Message : "unknown");
            return false;
        }
        if (info.Canonical != target)
        {
            why = $"is not in canonical form; write '{info.Canonical}'";
            return false;
        }
        return true;
    }

    /// <summary>The resolved target, or null for <c>any</c>.</summary>
    public static TargetInfo? Resolve(string target) => target == Any ? null : TargetDatabase.Resolve(target);
}
