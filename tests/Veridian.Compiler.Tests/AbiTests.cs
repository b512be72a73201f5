using Veridian.Tests;
using Veridian.Toolchain;
using Veridian.Triples;

namespace Veridian.Compiler.Tests;

/// <summary>
/// Layout and calling-convention agreement with clang: tests/csharp-abi/Abi.cs passes every struct size class
/// to clang-compiled C (tests/csharp-abi/abi.c) by value, gets structs back, and C calls C# exports with them;
/// each struct reports whether sizes, offsets and every value agreed. Variadic.cs: C calls C# variadic exports.
/// </summary>
public sealed class AbiTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var arch in new[] { "x86_64", "aarch64", "riscv64" })
            foreach (var level in new[] { "O0", "O2" })
                data.Add(arch, level);
        return data;
    }

    private static string AbiDir => Repo.PathOf("tests", "csharp-abi");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Structs_of_every_size_class_cross_the_C_ABI_both_ways(string arch, string level)
    {
        var output = BuildAndRun(arch, Enum.Parse<OptLevel>(level), "Abi.cs", "abi.c");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(15, lines.Length);
        Assert.All(lines, l => Assert.EndsWith(" ok", l, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void C_calls_a_variadic_function_exported_from_CSharp(string arch, string level) =>
        Assert.Equal("variadic=55285206\n", BuildAndRun(arch, Enum.Parse<OptLevel>(level), "Variadic.cs", "variadic.c"));

    private static string BuildAndRun(string arch, OptLevel level, string cs, string c)
    {
        var target = TargetDatabase.Resolve($"{arch}-linux-gnu");
        var dir = Directory.CreateTempSubdirectory("vdn-cs-abi-");
        try
        {
            var obj = Path.Combine(dir.FullName, "cs.o");
            var cobj = Path.Combine(dir.FullName, "c.o");
            var exe = Path.Combine(dir.FullName, "abi");
            CSharpCompiler.Compile(new CSharpCompileRequest
            {
                Sources = [SourceFile.Read(Path.Combine(AbiDir, cs)), SourceFile.Read(Corpus.Shim)],
                Target = target,
                Opt = level,
                Output = obj,
            });
            CompilePipeline.Compile(new CompileRequest { Target = target, Input = Path.Combine(AbiDir, c), Output = cobj, Opt = level });
            Corpus.Link(target, obj, exe, cobj);
            var run = Corpus.RunLinux(target, exe);
            Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.StdErr}");
            return run.StdOut;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
