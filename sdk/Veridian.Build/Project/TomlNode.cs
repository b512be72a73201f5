using Veridian.Diagnostics;

namespace Veridian.Build.Project;

/// <summary>What a TOML value is, as far as the project format cares.</summary>
internal enum TomlNodeKind
{
    String,
    Integer,
    Boolean,
    Float,
    DateTime,
    Array,
    Table,
}

/// <summary>A TOML value with the position it was written at (for file:line:col diagnostics).</summary>
internal sealed class TomlNode
{
    public TomlNode(TomlNodeKind kind, SourceLocation location)
    {
        Kind = kind;
        Location = location;
    }

    public TomlNodeKind Kind { get; }

    public SourceLocation Location { get; }

    public string? String { get; init; }

    public long Integer { get; init; }

    public bool Boolean { get; init; }

    public List<TomlNode> Items { get; } = [];

    /// <summary>Table entries in the order written; keys are kept with their own locations.</summary>
    public List<(string Key, SourceLocation KeyLocation, TomlNode Value)> Entries { get; } = [];

    /// <summary>True for a table created implicitly by a dotted name (<c>[a.b]</c> creates <c>a</c>).</summary>
    public bool Implicit { get; set; }

    public TomlNode? Get(string key) => Entries.Find(e => e.Key == key).Value;

    public string TypeName => Kind switch
    {
        TomlNodeKind.String => "a string",
        TomlNodeKind.Integer => "an integer",
        TomlNodeKind.Boolean => "a boolean",
        TomlNodeKind.Float => "a float",
        TomlNodeKind.DateTime => "a date-time",
        TomlNodeKind.Array => "an array",
        TomlNodeKind.Table => "a table",
    };
}
