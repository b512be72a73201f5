using System.Text;

namespace Veridian.CsSoak.Generator;

/// <summary>Lines with four-space indentation.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _sb = new();
    public int Indent { get; set; }

    public void Line(string text = "")
    {
        if (text.Length > 0)
            _sb.Append(' ', Indent * 4).Append(text);
        _sb.Append('\n');
    }

    /// <summary>Writes <paramref name="header"/> (none when empty: a bare block) and an opening brace.</summary>
    public void Open(string header)
    {
        if (header.Length > 0)
            Line(header);
        Line("{");
        Indent++;
    }

    public void Close(string trailer = "")
    {
        Indent--;
        Line("}" + trailer);
    }

    public void Append(CodeWriter other) => _sb.Append(other._sb);

    public override string ToString() => _sb.ToString();
}
