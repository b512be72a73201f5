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
            CSharpBuild.BuildExecutable(new CSharpBuildRequest
            {
                CSharpSources = [Path.Combine(sample, "Kernel.cs"), Path.Combine(sample, arch, "Platform.cs")],
                OtherInputs = [Repo.PathOf("samples", "baremetal-c", arch, "boot.S")],
                Target = target,
                Output = image,
            });
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
