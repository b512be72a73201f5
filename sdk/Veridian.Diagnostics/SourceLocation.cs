namespace Veridian.Diagnostics;

/// <summary>
/// Where a problem is: a file with a line (and column), or a byte offset into a binary input.
/// Line and column are 1-based; 0 means unknown.
/// </summary>
public readonly record struct SourceLocation(string? File, int Line = 0, int Column = 0, long? Offset = null)
{
    /// <summary>A location that is a byte offset into a binary file.</summary>
    public static SourceLocation AtOffset(string? file, long offset) => new(file, Offset: offset);

    /// <summary>Renders as <c>file:line:col</c>, <c>file:line</c>, <c>file@0x1f</c> or <c>file</c>.</summary>
    public override string ToString()
    {
        var file = File ?? "<input>";
        if (Line > 0)
            return Column > 0 ? $"{file}:{Line}:{Column}" : $"{file}:{Line}";
        if (Offset is { } off)
            return $"{file}@0x{off:x}";
        return file;
    }
}
