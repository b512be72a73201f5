using Veridian.Triples;

namespace Veridian.Runner.Tests;

/// <summary>Same sources, different folders: the same image, byte for byte (no absolute paths leak into it).</summary>
public class DeterminismTests
{
    [Fact]
    public void Baremetal_c_built_from_two_different_directories_is_byte_identical_on_every_architecture()
    {
        using var first = new TempDir();
        using var second = new TempDir("-a-much-longer-folder-name");
        var a = Samples.CopyTo(first.Path);
        var b = Samples.CopyTo(Path.Combine(second.Path, "nested", "deeper"));
        var failures = Samples.Failures(Samples.Kernels, triple =>
        {
            var target = Samples.Target(triple);
            var imageA = File.ReadAllBytes(SampleBuilder.Build(Path.Combine(a, "baremetal-c"), target).Image);
            var imageB = File.ReadAllBytes(SampleBuilder.Build(Path.Combine(b, "baremetal-c"), target).Image);
            if (imageA.Length == 0)
                return $"{triple}: empty image";
            return imageA.AsSpan().SequenceEqual(imageB) ? null : $"{triple}: images differ ({imageA.Length} vs {imageB.Length} bytes)";
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
