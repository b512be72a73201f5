using System.Text.RegularExpressions;

namespace Veridian.Pkg.Format;

/// <summary>
/// The local check of a manifest's target string until Veridian.Triples is merged: <c>any</c>, or
/// <c>&lt;arch&gt;-&lt;component&gt;[-…]</c> with a known architecture and lower-case components.
/// </summary>
public static partial class TargetName
{
    public const string Any = "any";

    public static readonly IReadOnlyList<string> Architectures = ["aarch64", "riscv64", "x86_64"];

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
        if (!Pattern().IsMatch(target))
        {
            why = "must be 'any' or '<arch>-<component>[-…]' in lower-case letters, digits, '_' and '.'";
            return false;
        }
        var arch = target[..target.IndexOf('-')];
        if (!Architectures.Contains(arch))
        {
            why = $"has architecture '{arch}'; expected one of {string.Join(", ", Architectures)}";
            return false;
        }
        return true;
    }

    /// <summary>The architecture part of a target, or null for <c>any</c>.</summary>
    public static string? ArchOf(string target) => target == Any ? null : target[..target.IndexOf('-')];

    [GeneratedRegex(@"^[a-z0-9_]+(-[a-z0-9_.]+)+$")]
    private static partial Regex Pattern();
}
