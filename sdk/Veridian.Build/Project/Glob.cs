using System.Text;
using System.Text.RegularExpressions;

namespace Veridian.Build.Project;

/// <summary>Source globs: <c>*</c> and <c>?</c> within one path segment, <c>**</c> for any depth. Results are sorted ordinally.</summary>
public static class Glob
{
    /// <summary>Files under <paramref name="root"/> matching <paramref name="pattern"/>, as '/'-separated paths relative to the root.</summary>
    public static IReadOnlyList<string> Expand(string root, string pattern)
    {
        pattern = pattern.Replace('\\', '/');
        if (pattern.StartsWith("./", StringComparison.Ordinal))
            pattern = pattern[2..];
        if (!HasWildcard(pattern))
            return File.Exists(Path.Combine(root, pattern)) ? [pattern] : [];
        // Walk only below the fixed prefix (the segments before the first wildcard).
        var segments = pattern.Split('/');
        var fixedCount = 0;
        while (fixedCount < segments.Length - 1 && !HasWildcard(segments[fixedCount]))
            fixedCount++;
        var prefix = string.Join('/', segments.Take(fixedCount));
        var start = prefix.Length == 0 ? root : Path.Combine(root, prefix);
        if (!Directory.Exists(start))
            return [];
        var regex = ToRegex(pattern);
        var results = new List<string>();
        foreach (var file in Directory.EnumerateFiles(start, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            var rel = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (rel.StartsWith("out/", StringComparison.Ordinal) && !pattern.StartsWith("out/", StringComparison.Ordinal))
                continue;
            if (regex.IsMatch(rel))
                results.Add(rel);
        }
        results.Sort(StringComparer.Ordinal);
        return results;
    }

    private static bool HasWildcard(string s) => s.IndexOfAny(['*', '?', '[']) >= 0;

    private static Regex ToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches zero or more folders; a trailing "**" matches everything below.
                if (i + 2 < pattern.Length && pattern[i + 2] == '/')
                {
                    sb.Append("(?:[^/]+/)*");
                    i += 2;
                }
                else
                {
                    sb.Append(".*");
                    i++;
                }
            }
            else if (c == '*')
                sb.Append("[^/]*");
            else if (c == '?')
                sb.Append("[^/]");
            else
                sb.Append(Regex.Escape(c.ToString()));
        }
        sb.Append('$');
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant);
    }
}
