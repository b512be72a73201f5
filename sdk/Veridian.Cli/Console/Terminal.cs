using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Veridian.Diagnostics;

namespace Veridian.Cli.Console;

/// <summary>
/// Where a command writes: stdout for results, stderr for diagnostics and progress. Decides once whether
/// output is "fancy" (Spectre tables, colour, live progress) or plain (not a terminal, CI, --color never).
/// </summary>
public sealed class Terminal
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public Terminal(TextWriter output, TextWriter error, bool verbose, ColorMode color, bool outputIsTerminal)
    {
        Out = output;
        Err = error;
        Verbose = verbose;
        var ci = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        Fancy = outputIsTerminal && !ci && color != ColorMode.Never;
        UseColor = color switch
        {
            ColorMode.Always => true,
            ColorMode.Never => false,
            ColorMode.Auto => Fancy && !noColor,
        };
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = UseColor ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = UseColor ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = Fancy ? InteractionSupport.Yes : InteractionSupport.No,
        });
    }

    /// <summary>The terminal for a parsed command line (its global options and configured writers).</summary>
    public static Terminal From(ParseResult parse)
    {
        var config = parse.InvocationConfiguration;
        var output = config.Output;
        var isConsole = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        return new Terminal(output, config.Error, parse.GetValue(GlobalOptions.Verbose), parse.GetValue(GlobalOptions.Color), isConsole);
    }

    public TextWriter Out { get; }
    public TextWriter Err { get; }
    public bool Verbose { get; }

    /// <summary>Tables, progress bars and live displays are allowed.</summary>
    public bool Fancy { get; }

    /// <summary>ANSI colour escapes are written.</summary>
    public bool UseColor { get; }

    /// <summary>Spectre console bound to <see cref="Out"/>; use only when <see cref="Fancy"/>.</summary>
    public IAnsiConsole Ansi { get; }

    /// <summary>Writes <paramref name="value"/> as indented camelCase JSON, enums as kebab-case strings.</summary>
    public void WriteJson<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, s_json));

    /// <summary>A line on stderr, only with --verbose.</summary>
    public void Note(string message)
    {
        if (Verbose)
            Err.WriteLine(Paint($"note: {message}", "grey"));
    }

    /// <summary>Prints a diagnostic the way compilers do, with its hint on the next line.</summary>
    public void Report(Diagnostic d)
    {
        var where = d.Location is { } loc ? $"{loc}: " : "";
        var color = d.Severity switch
        {
            Severity.Error => "red",
            Severity.Warning => "yellow",
            Severity.Note => "blue",
        };
        Err.WriteLine($"{where}{Paint(d.SeverityText, color)} {d.Code}: {d.Message}");
        if (d.Hint is { } hint)
            Err.WriteLine($"  {Paint("hint", "green")}: {hint}");
    }

    /// <summary>Wraps text in ANSI colour when colour is on.</summary>
    public string Paint(string text, string color)
    {
        if (!UseColor)
            return text;
        var code = color switch
        {
            "red" => "31",
            "green" => "32",
            "yellow" => "33",
            "blue" => "34",
            "grey" => "90",
            "bold" => "1",
            _ => "0",
        };
        return $"\u001b[{code}m{text}\u001b[0m";
    }

    /// <summary>Renders a table: a Spectre table when fancy, aligned plain text otherwise.</summary>
    public void WriteTable(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var data = rows.ToList();
        if (Fancy)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in headers)
                table.AddColumn(new TableColumn(Markup.Escape(h)));
            foreach (var r in data)
                table.AddRow(r.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c)).ToArray());
            Ansi.Write(table);
            return;
        }
        var widths = headers.Select((h, i) => Math.Max(h.Length, data.Count == 0 ? 0 : data.Max(r => r[i].Length))).ToArray();
        Out.WriteLine(FormatRow(headers, widths));
        foreach (var r in data)
            Out.WriteLine(FormatRow(r, widths));
    }

    private static string FormatRow(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
