using Veridian.Tests;
using Veridian.Triples;

namespace Veridian.Toolchain.Tests;

/// <summary>The in-process API is used from several threads by the build engine: one LLVM context per call.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void Parallel_compiles_for_three_targets_give_the_same_bytes_as_sequential_ones()
    {
        using var dir = new TempDir();
        var source = Repo.PathOf("tests", "Veridian.Toolchain.Tests", "Fixtures", "parity.c");
        var targets = new[] { "x86_64-linux-gnu", "aarch64-linux-gnu", "riscv64-linux-gnu", "x86_64-veridian-kernel-none", "riscv64-veridian-kernel-none", "aarch64-veridian-user-relibc" };
        CompileRequest Request(string t, string suffix) => new()
        {
            Target = TargetDatabase.Resolve(t), Input = source, Output = Path.Combine(dir.Path, $"{t}.{suffix}.o"), Opt = OptLevel.O2, FrontEndArgs = ["-ffreestanding"],
        };
        foreach (var t in targets)
            CompilePipeline.Compile(Request(t, "seq"));
        Parallel.ForEach(targets, new ParallelOptions { MaxDegreeOfParallelism = targets.Length }, t => CompilePipeline.Compile(Request(t, "par")));
        foreach (var t in targets)
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir.Path, $"{t}.seq.o")), File.ReadAllBytes(Path.Combine(dir.Path, $"{t}.par.o")));
    }
}
