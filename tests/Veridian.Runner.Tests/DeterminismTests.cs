using Veridian.Build;
using Veridian.Build.Cache;
using Veridian.Triples;

using Veridian.Tests;

namespace Veridian.Runner.Tests;

/// <summary>
/// Same sources, different folders: the same image, byte for byte (no absolute paths leak into it). Each build has
/// its own empty action cache, so both really compile and link.
/// </summary>
public class DeterminismTests
{
    [Theory]
    [InlineData("baremetal-c")]   // its veridian.toml, through the build engine (what veridian run uses)
    [InlineData("baremetal-cpp")] // its sources list, through the runner's own steps
    public void A_sample_built_from_two_different_directories_is_byte_identical_on_every_architecture(string sample)
    {
        using var first = new TempDir();
        using var second = new TempDir("-a-much-longer-folder-name");
        var a = Samples.CopyTo(first.Path);
        var b = Samples.CopyTo(Path.Combine(second.Path, "nested", "deeper"));
        var failures = Samples.Failures(Samples.Kernels, triple =>
        {
            var target = Samples.Target(triple);
            var imageA = File.ReadAllBytes(new BuildEngine(cache: Cache(first, triple)).BuildFolder(Path.Combine(a, sample), target).Output);
            var imageB = File.ReadAllBytes(new BuildEngine(cache: Cache(second, triple)).BuildFolder(Path.Combine(b, sample), target).Output);
            if (imageA.Length == 0)
                return $"{triple}: empty image";
            return imageA.AsSpan().SequenceEqual(imageB) ? null : $"{triple}: images differ ({imageA.Length} vs {imageB.Length} bytes)";
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static ActionCache Cache(TempDir dir, string triple) => new(dir.Combine("cache-" + triple), ActionCache.DefaultLimit);
}
