using System.Text;
using Veridian.Diagnostics;

namespace Veridian.Toolchain.Driver;

/// <summary>
/// Expands <c>@file</c> arguments as gcc and clang do: the file's words (split on whitespace; single and double
/// quotes group; a backslash escapes the next character) replace the argument, recursively.
/// </summary>
public static class ResponseFiles
{
    /// <summary>The arguments with every <c>@file</c> expanded; an unreadable file gives VDN3025.</summary>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> args, string? workingDirectory = null)
    {
        var result = new List<string>();
        Expand(args, workingDirectory ?? Directory.GetCurrentDirectory(), result, depth: 0);
        return result;
    }

    private static void Expand(IReadOnlyList<string> args, string cwd, List<string> result, int depth)
    {
        foreach (var arg in args)
        {
            if (arg.Length < 2 || arg[0] != '@')
            {
                result.Add(arg);
                continue;
            }
            var path = Path.GetFullPath(arg[1..], cwd);
            if (depth > 20)
                throw DiagnosticException.Error(ToolchainCodes.BadDriverArgument, $"response files nest too deeply at '{arg}'");
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw DiagnosticException.Error(ToolchainCodes.BadDriverArgument, $"cannot read response file '{arg[1..]}': {e.Message}");
            }
            Expand(Split(text), Path.GetDirectoryName(path)!, result, depth + 1);
        }
    }

    /// <summary>Splits response-file text into words (gcc's rules).</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(text[++i]);
                inWord = true;
            }
            else if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
                else
                    current.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                    words.Add(current.ToString());
                current.Clear();
                inWord = false;
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }
        if (inWord)
            words.Add(current.ToString());
        return words;
    }
}
