using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using Veridian.Diagnostics;
using Veridian.Triples;
using Diagnostic = Veridian.Diagnostics.Diagnostic;

namespace Veridian.Compiler;

/// <summary>The result of the front end: the IL image, its portable PDB (for IL offset → line) and the compilation.</summary>
public sealed record FrontEndResult(ImmutableArray<byte> Image, ImmutableArray<byte> Pdb, CSharpCompilation Compilation);

/// <summary>
/// Runs Roslyn in-process on the user's sources plus the core library, with no other reference, then the
/// subset checker. Errors come back as VDN4xxx diagnostics with file:line.
/// </summary>
public static class CSharpFrontEnd
{
    /// <summary>The preprocessor symbol defined for an architecture (<c>VERIDIAN_X86_64</c> …), beside <c>VERIDIAN</c>.</summary>
    public static string ArchSymbol(Arch arch) => arch switch
    {
        Arch.X86_64 => "VERIDIAN_X86_64",
        Arch.AArch64 => "VERIDIAN_AARCH64",
        Arch.RiscV64 => "VERIDIAN_RISCV64",
    };

    /// <summary>Compiles <paramref name="sources"/> for <paramref name="target"/>; throws <see cref="DiagnosticException"/> on any error.</summary>
    public static FrontEndResult Compile(IReadOnlyList<SourceFile> sources, TargetInfo target, string assemblyName = "program")
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: ["VERIDIAN", ArchSymbol(target.Arch)]);
        var userTrees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, System.Text.Encoding.UTF8), parse, s.Path)).ToList();
        var coreTrees = CoreLibrary.Sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, System.Text.Encoding.UTF8), parse, s.Path)).ToList();
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            allowUnsafe: true,
            optimizationLevel: OptimizationLevel.Release,
            deterministic: true,
            nullableContextOptions: NullableContextOptions.Disable,
            // CS0626 (extern without attribute) is how intrinsics are declared.
            specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS0626"] = ReportDiagnostic.Suppress });
        var compilation = CSharpCompilation.Create(assemblyName, [.. coreTrees, .. userTrees], references: [], options);

        // Subset violations first: a construct outside the subset often also lacks core-library support
        // (string concatenation needs String.Concat), and "outside the subset" is the more useful message.
        var bag = new List<Diagnostic>(SubsetChecker.Check(compilation, userTrees));
        foreach (var d in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            var location = ToLocation(d.Location);
            if (bag.Any(b => b.Location is { } l && location is { } m && l.File == m.File && l.Line == m.Line))
                continue;
            bag.Add(Diagnostic.Error(CompilerCodes.CSharpError, $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}", location,
                hint: "the core library of subset v1 has only what docs/csharp-subset.md lists"));
        }
        if (bag.Count > 0)
            throw new DiagnosticException(bag.OrderBy(d => d.Location?.File, StringComparer.Ordinal).ThenBy(d => d.Location?.Line).ThenBy(d => d.Location?.Column).ToList());

        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        EmitResult result;
        try
        {
            result = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, runtimeMetadataVersion: "v4.0.30319"));
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException)
        {
            // Roslyn crashes on a few shapes instead of reporting (CSHARP-CORELIB-FACTS.md, gotcha 3).
            throw DiagnosticException.Error(CompilerCodes.CSharpError, $"the C# compiler failed on this program ({e.GetType().Name}: {e.Message})",
                hint: "a construct needs a core-library member subset v1 lacks; see docs/csharp-subset.md");
        }
        if (!result.Success)
            throw new DiagnosticException(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => Diagnostic.Error(CompilerCodes.CSharpError, $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}", ToLocation(d.Location))).ToList());
        return new FrontEndResult(ImmutableArray.Create(pe.ToArray()), ImmutableArray.Create(pdb.ToArray()), compilation);
    }

    /// <summary>A Roslyn location as ours (1-based line and column).</summary>
    public static SourceLocation? ToLocation(Location location)
    {
        if (!location.IsInSource)
            return null;
        var span = location.GetLineSpan();
        return new SourceLocation(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }
}
