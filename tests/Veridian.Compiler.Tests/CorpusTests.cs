using Veridian.Toolchain;
using Veridian.Triples;

namespace Veridian.Compiler.Tests;

/// <summary>
/// Every corpus program, compiled for the three Linux triples at -O0 and -O2 and run under qemu-user, prints
/// exactly its annotated output; and the same program under CoreCLR prints the same bytes.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Corpus.Names)
            foreach (var arch in new[] { "x86_64", "aarch64", "riscv64" })
                data.Add(name, arch);
        return data;
    }

    public static TheoryData<string> Names() => new(Corpus.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Corpus_program_prints_its_annotated_output_at_O0_and_O2(string name, string arch)
    {
        var target = TargetDatabase.Resolve($"{arch}-linux-gnu");
        var expected = Corpus.Expected(name);
        Assert.NotEmpty(expected);
        var ir = CSharpCompiler.Translate(Corpus.Sources(name), target);
        var dir = Directory.CreateTempSubdirectory("vdn-cs-corpus-");
        try
        {
            foreach (var level in new[] { OptLevel.O0, OptLevel.O2 })
            {
                var obj = Path.Combine(dir.FullName, $"{name}-{level}.o");
                var exe = Path.Combine(dir.FullName, $"{name}-{level}");
                CSharpCompiler.CompileIr(ir, target, level, obj);
                Corpus.Link(target, obj, exe);
                var run = Corpus.RunLinux(target, exe);
                Assert.True(run.ExitCode == 0, $"{name} {arch} {level}: exit {run.ExitCode}\n{run.StdErr}");
                Assert.Equal(expected, run.StdOut);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Corpus_program_prints_the_same_under_CoreCLR(string name)
    {
        var dir = Directory.CreateTempSubdirectory("vdn-cs-coreclr-");
        try
        {
            var run = CoreClr.Run(Corpus.Sources(name), dir.FullName);
            Assert.True(run.ExitCode == 0, $"{name} under CoreCLR: exit {run.ExitCode}\n{run.StdErr}");
            Assert.Equal(Corpus.Expected(name), run.StdOut);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
