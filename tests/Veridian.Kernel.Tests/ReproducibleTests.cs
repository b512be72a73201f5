using Veridian.Tests;

namespace Veridian.Kernel.Tests;

/// <summary>The kernel build is reproducible: the same sources built in two folders give the same bytes.</summary>
public class ReproducibleTests
{
    [Fact]
    public void Two_builds_of_the_kernel_in_different_folders_give_identical_images_for_every_architecture()
    {
        using var first = new KernelCopy();
        using var second = new KernelCopy();
        foreach (var copy in new[] { first, second })
        {
            // A cache of its own for each: the second build must make its image, not copy the first one's from the action cache.
            var cache = new Dictionary<string, string?> { ["VERIDIAN_CACHE_DIR"] = Path.Combine(copy.Project, "..", "cache") };
            var build = VeridianCli.Run(["build", copy.Project, "--all-targets"], environment: cache, timeoutMs: 600_000);
            Assert.True(build.ExitCode == 0, build.ToString());
        }
        foreach (var triple in KernelCopy.Names)
        {
            var a = File.ReadAllBytes(Path.Combine(first.Project, "out", triple, "debug", "veridian-kernel"));
            var b = File.ReadAllBytes(Path.Combine(second.Project, "out", triple, "debug", "veridian-kernel"));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{triple}: {a.Length} and {b.Length} bytes differ");
        }
    }
}
