using Veridian.Build;
using Veridian.Build.Cache;
using Veridian.Build.Project;
using Veridian.Tests;
using Veridian.Triples;

namespace Veridian.Compiler.Tests;

/// <summary>samples/baremetal-cs builds for each kernel target and boots under qemu-system, printing the greeting and exiting 0.</summary>
public sealed class BaremetalTests
{
    [Theory]
    [InlineData("x86_64")]
    [InlineData("aarch64")]
    [InlineData("riscv64")]
    public void Baremetal_sample_boots_and_greets(string arch)
    {
        var target = TargetDatabase.Resolve($"{arch}-veridian-kernel-none");
        var sample = Repo.PathOf("samples", "baremetal-cs");
        var dir = Directory.CreateTempSubdirectory("vdn-cs-kernel-");
        try
        {
            var image = Path.Combine(dir.FullName, "kernel.elf");
            new BuildEngine(cache: new ActionCache(Path.Combine(dir.FullName, "cache"), 64L << 20)).Build(new CommandLineProject
            {
                Directory = sample,
                BuildRoot = dir.FullName,
                Name = "kernel",
                Sources = ["Kernel.cs", $"{arch}/Platform.cs", $"../baremetal-c/{arch}/boot.S"],
                Target = target,
            }, image);
            var q = target.Qemu;
            var run = Repo.Run(q.Binary, [.. q.Args, "-kernel", image], timeoutMs: 60_000);
            Assert.Contains($"Hello from baremetal-cs on {arch}! fib(90) = 2880067194370816120\n", run.StdOut.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Equal(0, run.ExitCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
