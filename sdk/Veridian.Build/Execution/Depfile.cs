using System.Text;

namespace Veridian.Build.Execution;

/// <summary>
/// Reads the Make-style depfiles clang writes (<c>-MD -MF</c>): <c>target: dep dep \</c> continuation lines,
/// <c>\ </c> for a space in a path, <c>$$</c> for <c>$</c>, <c>\#</c> for <c>#</c>.
/// </summary>
public static class Depfile
{
    /// <summary>The prerequisites of every rule in <paramref name="text"/>, in order, without duplicates.</summary>
    public static IReadOnlyList<string> Parse(string text)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        var inTargets = true;

        void Flush()
        {
            if (word.Length == 0)
                return;
            var w = word.ToString();
            word.Clear();
            if (inTargets)
            {
                // "target:" ends the target list; a word ending with ':' or followed by ':' does that.
                if (w.EndsWith(':'))
                    inTargets = false;
                return;
            }
            if (seen.Add(w))
                result.Add(w);
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' when i + 1 < text.Length && (text[i + 1] == '\n' || text[i + 1] == '\r'):
                    Flush();
                    i++;
                    if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                        i++;
                    break;
                case '\\' when i + 1 < text.Length && (text[i + 1] == ' ' || text[i + 1] == '#' || text[i + 1] == '\\'):
                    word.Append(text[i + 1]);
                    i++;
                    break;
                case '$' when i + 1 < text.Length && text[i + 1] == '$':
                    word.Append('$');
                    i++;
                    break;
                case ':' when inTargets && (i + 1 >= text.Length || text[i + 1] is ' ' or '\t' or '\n' or '\r'):
                    word.Append(':');
                    Flush();
                    inTargets = false;
                    break;
                case ' ' or '\t':
                    Flush();
                    break;
                case '\n' or '\r':
                    Flush();
                    inTargets = true;
                    break;
                default:
                    word.Append(c);
                    break;
            }
        }
        Flush();
        return result;
    }
}
