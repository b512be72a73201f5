using Veridian.Toolchain;
using Veridian.Triples;

namespace Veridian.Compiler.Tests;

/// <summary>The same sources give the same IR and the same object bytes, whatever directory they are compiled in.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Compiling_the_same_program_twice_gives_identical_IR_and_objects()
    {
        var target = TargetDatabase.Resolve("riscv64-linux-gnu");
        var sources = Corpus.Sources("generics");
        var ir1 = CSharpCompiler.Translate(sources, target);
        var ir2 = CSharpCompiler.Translate(sources, target);
        Assert.Equal(ir1, ir2);
        var dir = Directory.CreateTempSubdirectory("vdn-cs-det-");
        try
        {
            var a = Path.Combine(dir.FullName, "a.o");
            var b = Path.Combine(dir.FullName, "sub", "b.o");
            Directory.CreateDirectory(Path.GetDirectoryName(b)!);
            CSharpCompiler.CompileIr(ir1, target, OptLevel.O2, a);
            CSharpCompiler.CompileIr(ir2, target, OptLevel.O2, b);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
