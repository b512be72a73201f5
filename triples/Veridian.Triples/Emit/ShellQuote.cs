namespace Veridian.Triples.Emit;

/// <summary>POSIX shell quoting for one argument (only when needed).</summary>
internal static class ShellQuote
{
    public static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_=.,/:+@%".Contains(c))
            ? arg
            : "'" + arg.Replace("'", "'\\''") + "'";

    public static string Join(IEnumerable<string> args) => string.Join(' ', args.Select(Quote));
}
