using System.Text;
using Veridian.Diagnostics;

namespace Veridian.Pkg.Format;

/// <summary>The path-safety rules of docs/pkg-format.md (Path rules), shared by build, verify and install.</summary>
public static class PathRules
{
    /// <summary>Names starting with this are the installer's staging files; packages may not use them.</summary>
    public const string ReservedPrefix = ".vpkg-";

    public static void CheckPath(string path, PackageLimits limits, string file)
    {
        var where = new SourceLocation(file);
        if (path.Length == 0)
            throw Unsafe(where, "an entry has an empty path");
        if (Encoding.UTF8.GetByteCount(path) > limits.MaxPathBytes)
            throw DiagnosticException.Error(PkgCodes.LimitExceeded, $"path '{Show(path)}' is longer than {limits.MaxPathBytes} bytes", where);
        foreach (var c in path)
        {
            if (c < 0x20 || c == 0x7f)
                throw Unsafe(where, $"path '{Show(path)}' contains a NUL or control character");
            if (c == '\\')
                throw Unsafe(where, $"path '{Show(path)}' contains a backslash");
        }
        if (path[0] == '/')
            throw Unsafe(where, $"path '{Show(path)}' is absolute");
        foreach (var component in path.Split('/'))
        {
            if (component.Length == 0)
                throw Unsafe(where, $"path '{Show(path)}' has an empty component");
            if (component == ".")
                throw Unsafe(where, $"path '{Show(path)}' has a '.' component");
            if (component == "..")
                throw Unsafe(where, $"path '{Show(path)}' has a '..' component");
            if (component.StartsWith(ReservedPrefix, StringComparison.Ordinal))
                throw Unsafe(where, $"path '{Show(path)}' uses the reserved prefix '{ReservedPrefix}'");
            if (Encoding.UTF8.GetByteCount(component) > limits.MaxComponentBytes)
                throw DiagnosticException.Error(PkgCodes.LimitExceeded, $"a component of '{Show(path)}' is longer than {limits.MaxComponentBytes} bytes", where);
        }
    }

    public static void CheckLinkTarget(string path, string target, string file)
    {
        var where = new SourceLocation(file);
        if (target.Length == 0)
            throw Unsafe(where, $"symlink '{Show(path)}' has an empty target");
        foreach (var c in target)
        {
            if (c < 0x20 || c == 0x7f)
                throw Unsafe(where, $"symlink '{Show(path)}' has a NUL or control character in its target");
        }
    }

    /// <summary>Checks rules across entries: parents are directory entries, no case-only collisions, no link escapes.</summary>
    public static void CheckTree(IReadOnlyList<Entry> entries, string file, int maxHops = 40)
    {
        var where = new SourceLocation(file);
        var byPath = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var folded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries)
        {
            if (!byPath.TryAdd(e.Path, e))
                throw DiagnosticException.Error(PkgCodes.DuplicatePath, $"'{Show(e.Path)}' appears twice", where);
            if (!folded.TryAdd(e.Path, e.Path))
                throw DiagnosticException.Error(PkgCodes.DuplicatePath, $"'{Show(e.Path)}' and '{Show(folded[e.Path])}' differ only in case", where);
            var slash = e.Path.LastIndexOf('/');
            if (slash > 0)
            {
                var parent = e.Path[..slash];
                if (!byPath.TryGetValue(parent, out var p))
                    throw Unsafe(where, $"the parent of '{Show(e.Path)}' is not a directory entry of the package");
                if (p.Type != EntryType.Directory)
                    throw DiagnosticException.Error(PkgCodes.UnsafePath,
                        $"the parent of '{Show(e.Path)}' is a {p.Type.ToString().ToLowerInvariant()}, not a directory (extraction never goes through links)", where);
            }
        }
        foreach (var e in entries)
        {
            if (e.Type == EntryType.Symlink && SymlinkResolver.Escapes(e.Path, e.LinkTarget!, p => byPath.TryGetValue(p, out var x) ? (x.Type, x.LinkTarget) : null, maxHops, out var why))
                throw DiagnosticException.Error(PkgCodes.SymlinkEscapes, $"symlink '{Show(e.Path)}' -> '{Show(e.LinkTarget!)}' {why}", where);
        }
    }

    /// <summary>A path as it is shown in a message: control characters escaped.</summary>
    public static string Show(string path)
    {
        var sb = new StringBuilder(path.Length);
        foreach (var c in path)
            sb.Append(c < 0x20 || c == 0x7f ? $"\\x{(int)c:x2}" : c.ToString());
        return sb.ToString();
    }

    private static DiagnosticException Unsafe(SourceLocation where, string message) =>
        DiagnosticException.Error(PkgCodes.UnsafePath, message, where);
}
