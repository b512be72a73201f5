namespace Veridian.Pkg.Format;

/// <summary>
/// Resolves a symlink's target the way the kernel would, but over a virtual tree (the package, or the
/// sysroot as it will be after a transaction), and reports whether the walk ever leaves the root.
/// Absolute targets start at the sysroot root. Missing components are taken literally.
/// </summary>
public static class SymlinkResolver
{
    /// <summary>
    /// True when resolving <paramref name="target"/> from the directory of <paramref name="linkPath"/>
    /// leaves the root (or loops past <paramref name="maxHops"/> links); <paramref name="why"/> says how.
    /// <paramref name="lookup"/> gives the type (and link target) of a root-relative path, or null when absent.
    /// </summary>
    public static bool Escapes(string linkPath, string target, Func<string, (EntryType Type, string? Link)?> lookup, int maxHops, out string why)
    {
        var current = new List<string>();
        if (!target.StartsWith('/'))
        {
            var slash = linkPath.LastIndexOf('/');
            if (slash > 0)
                current.AddRange(linkPath[..slash].Split('/'));
        }
        var pending = new Stack<string>();
        PushComponents(pending, target);
        var hops = 0;
        while (pending.Count > 0)
        {
            var c = pending.Pop();
            if (c.Length == 0 || c == ".")
                continue;
            if (c == "..")
            {
                if (current.Count == 0)
                {
                    why = "leaves the sysroot";
                    return true;
                }
                current.RemoveAt(current.Count - 1);
                continue;
            }
            current.Add(c);
            var node = lookup(string.Join('/', current));
            if (node is { Type: EntryType.Symlink, Link: { } next })
            {
                if (++hops > maxHops)
                {
                    why = $"goes through more than {maxHops} links";
                    return true;
                }
                current.RemoveAt(current.Count - 1);
                if (next.StartsWith('/'))
                    current.Clear();
                PushComponents(pending, next);
            }
        }
        why = "";
        return false;
    }

    private static void PushComponents(Stack<string> pending, string target)
    {
        var parts = target.Split('/');
        for (var i = parts.Length - 1; i >= 0; i--)
            pending.Push(parts[i]);
    }
}
