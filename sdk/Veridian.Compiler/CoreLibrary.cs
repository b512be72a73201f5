using System.Reflection;

namespace Veridian.Compiler;

/// <summary>The core library sources embedded in this assembly (corelib/*.cs), in ordinal order.</summary>
public static class CoreLibrary
{
    private static readonly Lazy<IReadOnlyList<SourceFile>> s_sources = new(Load);

    /// <summary>The sources, reported as <c>corelib/&lt;name&gt;.cs</c>.</summary>
    public static IReadOnlyList<SourceFile> Sources => s_sources.Value;

    private static IReadOnlyList<SourceFile> Load()
    {
        var asm = typeof(CoreLibrary).Assembly;
        var list = new List<SourceFile>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("corelib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            list.Add(new SourceFile(name, reader.ReadToEnd()));
        }
        return list;
    }
}
