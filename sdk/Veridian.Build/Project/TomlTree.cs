using Tomlyn.Parsing;
using Tomlyn.Syntax;
using Veridian.Diagnostics;

namespace Veridian.Build.Project;

/// <summary>
/// Reads TOML text into <see cref="TomlNode"/>s that remember where every key and value was written.
/// Uses Tomlyn's lossless syntax tree (it keeps spans), not its object model (which drops them).
/// </summary>
internal static class TomlTree
{
    /// <summary>Parses <paramref name="text"/>; syntax errors and duplicate keys go to <paramref name="bag"/>.</summary>
    public static TomlNode Parse(string text, string displayPath, DiagnosticBag bag)
    {
        var doc = SyntaxParser.Parse(text, displayPath, true);
        var root = new TomlNode(TomlNodeKind.Table, new SourceLocation(displayPath, 1, 1));
        foreach (var m in doc.Diagnostics)
        {
            if (m.Kind == DiagnosticMessageKind.Error)
                bag.Error(BuildCodes.TomlSyntax, m.Message, Loc(displayPath, m.Span), "see https://toml.io/en/v1.0.0 for the syntax");
        }
        if (bag.HasErrors)
            return root;
        foreach (var kv in doc.KeyValues)
            AddKeyValue(root, kv, displayPath, bag);
        foreach (var table in doc.Tables)
        {
            if (table is TableArraySyntax)
            {
                bag.Error(BuildCodes.WrongType, $"arrays of tables ([[{KeyText(table.Name!)}]]) are not part of the project format",
                    Loc(displayPath, table.Span), "see docs/veridian-toml.md");
                continue;
            }
            var path = KeyParts(table.Name!);
            var node = root;
            for (var i = 0; i < path.Count; i++)
            {
                var last = i == path.Count - 1;
                var existing = node.Get(path[i]);
                if (existing is null)
                {
                    var created = new TomlNode(TomlNodeKind.Table, Loc(displayPath, table.Name!.Span)) { Implicit = !last };
                    node.Entries.Add((path[i], Loc(displayPath, table.Name!.Span), created));
                    node = created;
                }
                else if (existing.Kind != TomlNodeKind.Table)
                {
                    bag.Error(BuildCodes.TomlSyntax, $"'{string.Join('.', path.Take(i + 1))}' is already a value, not a table", Loc(displayPath, table.Span));
                    node = null;
                    break;
                }
                else
                {
                    if (last && !existing.Implicit)
                        bag.Error(BuildCodes.TomlSyntax, $"table [{string.Join('.', path)}] is defined twice", Loc(displayPath, table.Span));
                    if (last)
                        existing.Implicit = false;
                    node = existing;
                }
            }
            if (node is null)
                continue;
            foreach (var kv in table.Items)
                AddKeyValue(node, kv, displayPath, bag);
        }
        return root;
    }

    private static void AddKeyValue(TomlNode table, KeyValueSyntax kv, string file, DiagnosticBag bag)
    {
        var parts = KeyParts(kv.Key!);
        var node = table;
        for (var i = 0; i < parts.Count - 1; i++)
        {
            var existing = node.Get(parts[i]);
            if (existing is null)
            {
                existing = new TomlNode(TomlNodeKind.Table, Loc(file, kv.Key!.Span)) { Implicit = true };
                node.Entries.Add((parts[i], Loc(file, kv.Key!.Span), existing));
            }
            else if (existing.Kind != TomlNodeKind.Table)
            {
                bag.Error(BuildCodes.TomlSyntax, $"'{parts[i]}' is already a value, not a table", Loc(file, kv.Key!.Span));
                return;
            }
            node = existing;
        }
        var key = parts[^1];
        if (node.Get(key) is not null)
        {
            bag.Error(BuildCodes.TomlSyntax, $"key '{key}' is defined twice", Loc(file, kv.Key!.Span));
            return;
        }
        node.Entries.Add((key, Loc(file, kv.Key!.Span), Convert(kv.Value!, file, bag)));
    }

    private static TomlNode Convert(ValueSyntax value, string file, DiagnosticBag bag)
    {
        var loc = Loc(file, value.Span);
        switch (value)
        {
            case StringValueSyntax s:
                return new TomlNode(TomlNodeKind.String, loc) { String = s.Value ?? "" };
            case IntegerValueSyntax n:
                return new TomlNode(TomlNodeKind.Integer, loc) { Integer = n.Value };
            case BooleanValueSyntax b:
                return new TomlNode(TomlNodeKind.Boolean, loc) { Boolean = b.Value };
            case FloatValueSyntax:
                return new TomlNode(TomlNodeKind.Float, loc);
            case DateTimeValueSyntax:
                return new TomlNode(TomlNodeKind.DateTime, loc);
            case ArraySyntax a:
            {
                var node = new TomlNode(TomlNodeKind.Array, loc);
                foreach (var item in a.Items)
                    node.Items.Add(Convert(item.Value!, file, bag));
                return node;
            }
            case InlineTableSyntax t:
            {
                var node = new TomlNode(TomlNodeKind.Table, loc);
                foreach (var item in t.Items)
                    AddKeyValue(node, item.KeyValue!, file, bag);
                return node;
            }
            default:
                bag.Error(BuildCodes.TomlSyntax, "unsupported TOML value", loc);
                return new TomlNode(TomlNodeKind.String, loc) { String = "" };
        }
    }

    private static List<string> KeyParts(KeySyntax key)
    {
        var parts = new List<string> { Part(key.Key!) };
        foreach (var dotted in key.DotKeys)
            parts.Add(Part(dotted.Key!));
        return parts;
    }

    private static string KeyText(KeySyntax key) => string.Join('.', KeyParts(key));

    private static string Part(BareKeyOrStringValueSyntax part) => part switch
    {
        BareKeySyntax bare => bare.Key!.Text ?? "",
        StringValueSyntax str => str.Value ?? "",
        _ => "",
    };

    private static SourceLocation Loc(string file, SourceSpan span) => new(file, span.Start.Line + 1, span.Start.Column + 1);
}
