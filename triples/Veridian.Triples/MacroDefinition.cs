namespace Veridian.Triples;

/// <summary>A predefined preprocessor macro, passed to clang as <c>-D&lt;Name&gt;=&lt;Value&gt;</c>.</summary>
public readonly record struct MacroDefinition(string Name, string Value)
{
    /// <summary>The <c>-D</c> argument.</summary>
    public string ToClangArg() => $"-D{Name}={Value}";

    public override string ToString() => $"{Name}={Value}";
}
