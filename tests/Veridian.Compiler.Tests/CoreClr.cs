using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Veridian.Tests;

namespace Veridian.Compiler.Tests;

/// <summary>
/// The differential oracle: compiles a corpus program with Roslyn against the real .NET base class library
/// (the running runtime's assemblies) and runs it under CoreCLR with <c>dotnet exec</c>.
/// </summary>
public static class CoreClr
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_refs = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Order(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList());

    /// <summary>Compiles and runs the sources under CoreCLR; returns the process result.</summary>
    public static ProcessResult Run(IReadOnlyList<SourceFile> sources, string workDir)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.Latest), s.Path));
        var compilation = CSharpCompilation.Create("corpus", trees, s_refs.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, allowUnsafe: true, optimizationLevel: OptimizationLevel.Release, mainTypeName: "Program"));
        var dll = Path.Combine(workDir, "corpus.dll");
        var result = compilation.Emit(dll);
        if (!result.Success)
            throw new InvalidOperationException("CoreCLR compile failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        File.WriteAllText(Path.Combine(workDir, "corpus.runtimeconfig.json"),
            "{\"runtimeOptions\":{\"tfm\":\"net10.0\",\"framework\":{\"name\":\"Microsoft.NETCore.App\",\"version\":\"" + Environment.Version + "\"}}}");
        return Repo.Run("dotnet", ["exec", dll], workingDirectory: workDir, timeoutMs: 60_000);
    }
}
