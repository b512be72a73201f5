using System.Text.RegularExpressions;

namespace Veridian.Pkg.Format;

/// <summary>A semantic version 2.0 (semver.org), ordered by its precedence rules; build metadata is kept but never compared.</summary>
public sealed partial class SemVersion : IComparable<SemVersion>, IEquatable<SemVersion>
{
    private SemVersion(string text, long major, long minor, long patch, string[] pre)
    {
        Text = text;
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = pre;
    }

    public string Text { get; }
    public long Major { get; }
    public long Minor { get; }
    public long Patch { get; }
    public IReadOnlyList<string> Prerelease { get; }

    public static bool TryParse(string text, out SemVersion version)
    {
        var m = Pattern().Match(text);
        if (!m.Success || !long.TryParse(m.Groups[1].Value, out var a) || !long.TryParse(m.Groups[2].Value, out var b) || !long.TryParse(m.Groups[3].Value, out var c))
        {
            version = null!;
            return false;
        }
        var pre = m.Groups[4].Success ? m.Groups[4].Value[1..].Split('.') : [];
        version = new SemVersion(text, a, b, c, pre);
        return true;
    }

    public static SemVersion Parse(string text) => TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a semantic version");

    public int CompareTo(SemVersion? other)
    {
        if (other is null)
            return 1;
        var c = Major.CompareTo(other.Major);
        if (c == 0)
            c = Minor.CompareTo(other.Minor);
        if (c == 0)
            c = Patch.CompareTo(other.Patch);
        if (c != 0)
            return c;
        // A pre-release has lower precedence than the release; identifiers compare numerically when numeric.
        if (Prerelease.Count == 0 || other.Prerelease.Count == 0)
            return other.Prerelease.Count.CompareTo(Prerelease.Count);
        for (var i = 0; i < Math.Min(Prerelease.Count, other.Prerelease.Count); i++)
        {
            var x = Prerelease[i];
            var y = other.Prerelease[i];
            var xn = long.TryParse(x, out var xv) && x.All(char.IsAsciiDigit);
            var yn = long.TryParse(y, out var yv) && y.All(char.IsAsciiDigit);
            c = (xn, yn) switch
            {
                (true, true) => xv.CompareTo(yv),
                (true, false) => -1,
                (false, true) => 1,
                (false, false) => string.CompareOrdinal(x, y),
            };
            if (c != 0)
                return Math.Sign(c);
        }
        return Prerelease.Count.CompareTo(other.Prerelease.Count);
    }

    public bool Equals(SemVersion? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is SemVersion v && Equals(v);

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, string.Join('.', Prerelease));

    public override string ToString() => Text;

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex Pattern();
}

/// <summary>
/// A dependency range: comma-separated comparators that must all hold (<c>&gt;=1.0.0, &lt;2.0.0</c>). <c>^1.2.3</c> is
/// <c>&gt;=1.2.3, &lt;2.0.0</c> (<c>^0.2.3</c>: <c>&lt;0.3.0</c>; <c>^0.0.3</c>: <c>&lt;0.0.4</c>); <c>~1.2.3</c> is <c>&gt;=1.2.3, &lt;1.3.0</c>.
/// </summary>
public sealed class VersionRange
{
    private readonly (string Op, SemVersion Version)[] _comparators;

    private VersionRange(string text, (string, SemVersion)[] comparators)
    {
        Text = text;
        _comparators = comparators;
    }

    public string Text { get; }

    /// <summary>Any version (the range of a request without <c>@RANGE</c>).</summary>
    public static readonly VersionRange Any = new("*", []);

    public static bool TryParse(string text, out VersionRange range, out string why)
    {
        range = Any;
        why = "";
        if (text == "*")
            return true;
        var list = new List<(string, SemVersion)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var op = part.StartsWith(">=") || part.StartsWith("<=") ? part[..2] : part.Length > 0 && part[0] is '>' or '<' or '=' or '^' or '~' ? part[..1] : "";
            if (op.Length == 0 || !SemVersion.TryParse(part[op.Length..], out var v))
            {
                why = $"has '{part}', which is not a comparator like >=1.0.0, <2.0.0, =1.2.3, ^1.2.0 or ~1.2.0";
                return false;
            }
            list.Add((op, v));
        }
        range = new VersionRange(text, [.. list]);
        return true;
    }

    public static VersionRange Parse(string text) => TryParse(text, out var r, out var why) ? r : throw new FormatException($"range '{text}' {why}");

    public bool Contains(SemVersion v)
    {
        foreach (var (op, c) in _comparators)
        {
            var cmp = v.CompareTo(c);
            var ok = op switch
            {
                ">=" => cmp >= 0,
                "<=" => cmp <= 0,
                ">" => cmp > 0,
                "<" => cmp < 0,
                "=" => cmp == 0,
                "^" => cmp >= 0 && v.CompareTo(CaretUpper(c)) < 0,
                "~" => cmp >= 0 && v.CompareTo(SemVersion.Parse($"{c.Major}.{c.Minor + 1}.0-0")) < 0,
                _ => false,
            };
            if (!ok)
                return false;
        }
        return true;
    }

    // The upper bound is a "-0" pre-release so that no pre-release of the next major slips in.
    private static SemVersion CaretUpper(SemVersion c) =>
        c.Major > 0 ? SemVersion.Parse($"{c.Major + 1}.0.0-0") : c.Minor > 0 ? SemVersion.Parse($"0.{c.Minor + 1}.0-0") : SemVersion.Parse($"0.0.{c.Patch + 1}-0");

    public override string ToString() => Text;
}
