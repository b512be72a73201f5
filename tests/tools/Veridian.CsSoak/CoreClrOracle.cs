using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Veridian.CsSoak;

/// <summary>
/// The oracle: Roslyn against the real base class library (the running runtime's assemblies), run under
/// CoreCLR with <c>dotnet exec</c> (as tests/Veridian.Compiler.Tests/CoreClr.cs does for the corpus).
/// </summary>
public static class CoreClrOracle
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_refs = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Order(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList());

    private static readonly CSharpParseOptions s_parse = new(LanguageVersion.Latest);

    // One empty compilation whose references are bound once: compilations derived from it share the bound
    // reference set, which makes each compile several times cheaper (the reducer compiles hundreds of candidates).
    private static readonly Lazy<CSharpCompilation> s_empty = new(() => CSharpCompilation.Create("soak", [], s_refs.Value,
        new CSharpCompilationOptions(OutputKind.ConsoleApplication, allowUnsafe: true, optimizationLevel: OptimizationLevel.Release, mainTypeName: "Program", deterministic: true)));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SyntaxTree> s_trees = new(StringComparer.Ordinal);

    /// <summary>Compiles to an assembly image; returns the errors instead when it does not compile.</summary>
    public static (byte[]? Image, string Errors) Compile(IReadOnlyList<(string Path, string Text)> sources)
    {
        // The shim (every source but the first) is the same text every time: parse it once.
        var trees = sources.Select((s, i) => i == 0 ? CSharpSyntaxTree.ParseText(s.Text, s_parse, s.Path)
            : s_trees.GetOrAdd(s.Path + "\0" + s.Text, _ => CSharpSyntaxTree.ParseText(s.Text, s_parse, s.Path)));
        var compilation = s_empty.Value.AddSyntaxTrees(trees);
        using var pe = new MemoryStream();
        EmitResult result = compilation.Emit(pe);
        if (!result.Success)
            return (null, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return (pe.ToArray(), "");
    }

    /// <summary>Runs a compiled image under CoreCLR in <paramref name="workDir"/>.</summary>
    public static RunResult Run(byte[] image, string workDir, TimeSpan timeout)
    {
        var dll = Path.Combine(workDir, "soak.dll");
        File.WriteAllBytes(dll, image);
        File.WriteAllText(Path.Combine(workDir, "soak.runtimeconfig.json"),
            "{\"runtimeOptions\":{\"tfm\":\"net10.0\",\"framework\":{\"name\":\"Microsoft.NETCore.App\",\"version\":\"" + Environment.Version + "\"}}}");
        return RunResult.Of("dotnet", ["exec", dll], workDir, timeout);
    }
}
