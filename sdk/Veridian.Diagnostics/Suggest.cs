namespace Veridian.Diagnostics;

/// <summary>"Did you mean …?" for names typed by a user (commands, architectures, options).</summary>
public static class Suggest
{
    /// <summary>
    /// The candidate closest to <paramref name="input"/> by edit distance (case-insensitive, '-' and '_'
    /// treated alike), or null when none is close enough to be a plausible typo.
    /// </summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var normalizedInput = Normalize(input);
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            var d = Distance(normalizedInput, Normalize(candidate));
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }
        if (best is null)
            return null;
        var limit = Math.Max(1, Math.Min(3, (Math.Max(input.Length, best.Length) + 2) / 3));
        return bestDistance <= limit || best.StartsWith(input, StringComparison.OrdinalIgnoreCase) && input.Length >= 2 ? best : null;
    }

    private static string Normalize(string s) => s.ToLowerInvariant().Replace('_', '-');

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
