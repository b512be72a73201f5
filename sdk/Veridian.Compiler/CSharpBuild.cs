using Veridian.Diagnostics;
using Veridian.Toolchain;
using Veridian.Triples;

namespace Veridian.Compiler;

/// <summary>A whole C# program build: the C# sources into one object, other inputs (.S, .c, .o, .a) beside it, one link.</summary>
public sealed record CSharpBuildRequest
{
    public required IReadOnlyList<string> CSharpSources { get; init; }
    /// <summary>Assembly or C sources compiled by the C pipeline, and objects/archives passed to the linker as they are.</summary>
    public IReadOnlyList<string> OtherInputs { get; init; } = [];
    public required TargetInfo Target { get; init; }
    public OptLevel Opt { get; init; } = OptLevel.O2;
    public required string Output { get; init; }
    /// <summary>Link statically (Linux targets; VeridianOS targets always do).</summary>
    public bool Static { get; init; }
}

/// <summary>Compiles and links a C# program (the library behind <c>veridian cs build</c>).</summary>
public static class CSharpBuild
{
    /// <summary>Builds the executable; throws <see cref="DiagnosticException"/> on any error.</summary>
    public static void BuildExecutable(CSharpBuildRequest request)
    {
        var temp = Directory.CreateTempSubdirectory("veridian-cs-");
        try
        {
            var items = new List<LinkItem>();
            var obj = Path.Combine(temp.FullName, "csharp.o");
            CSharpCompiler.Compile(new CSharpCompileRequest
            {
                Sources = request.CSharpSources.Select(Read).ToList(),
                Target = request.Target,
                Opt = request.Opt,
                Output = obj,
            });
            items.Add(new LinkItem(LinkItemKind.File, obj));
            int n = 0;
            foreach (var input in request.OtherInputs)
            {
                var ext = Path.GetExtension(input);
                if (ext is ".o" or ".a")
                {
                    items.Add(new LinkItem(LinkItemKind.File, Path.GetFullPath(input)));
                    continue;
                }
                var o = Path.Combine(temp.FullName, $"{n++}-{Path.GetFileNameWithoutExtension(input)}.o");
                CompilePipeline.Compile(new CompileRequest { Target = request.Target, Input = Path.GetFullPath(input), Output = o, Opt = request.Opt });
                items.Add(new LinkItem(LinkItemKind.File, o));
            }
            items.AddRange(RuntimeLibraries(request.Target));
            Linker.Link(new LinkRequest
            {
                Target = request.Target,
                Output = request.Output,
                Items = items,
                Static = request.Static ? true : null,
            });
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    /// <summary>
    /// What a linked C# program needs besides its objects and the C library. On Linux (glibc): libm, because LLVM
    /// lowers <c>%</c> on float/double to <c>fmod</c>/<c>fmodf</c> and <c>Math.Floor</c>/<c>Ceiling</c> to <c>floor</c>/<c>ceil</c>
    /// calls where the CPU has no instruction for them (x86_64 before SSE4.1), and glibc keeps those in libm.
    /// Freestanding targets get nothing: the platform (kernel) supplies them when a program needs them.
    /// </summary>
    public static IReadOnlyList<LinkItem> RuntimeLibraries(TargetInfo target) => target.Os switch
    {
        Os.Linux => [LinkItem.Library("m")],
        Os.Veridian => [],
    };

    private static SourceFile Read(string path) =>
        File.Exists(path) ? SourceFile.Read(path) : throw DiagnosticException.Error(CliCodes.FileNotFound, $"no such file: {path}");
}
