using Veridian.Triples;

namespace Veridian.Runner;

/// <summary>The image a sample folder built into.</summary>
/// <param name="Image">The linked image or program (absolute path).</param>
/// <param name="Sources">The sources compiled, relative to the folder.</param>
public sealed record SampleBuild(string Image, IReadOnlyList<string> Sources);

/// <summary>
/// Builds a sample folder for a target: its <see cref="SourceList"/> compiled at -O2 (one object per source, in
/// parallel) and linked into <c>&lt;folder&gt;/out/&lt;triple&gt;/release/&lt;folder name&gt;</c> (the build engine's layout).
/// Every path handed to the compiler is relative to the folder, so the image does not depend on where it lies.
/// </summary>
public static class SampleBuilder
{
    /// <summary>Builds the sample and returns the image.</summary>
    public static SampleBuild Build(string directory, TargetInfo target, int optLevel = 2)
    {
        directory = Path.GetFullPath(directory);
        var name = Path.GetFileName(directory.TrimEnd('/'));
        var sources = SourceList.For(directory, target);
        var outDir = $"out/{target.Canonical}/release";
        Directory.CreateDirectory(Path.Combine(directory, outDir, "obj"));
        var objects = sources.Select((s, i) => $"{outDir}/obj/{ObjectName(i, s)}").ToList();
        Parallel.For(0, sources.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) },
            i => BuildSteps.Compile(new CompileJob(target, sources[i], objects[i], optLevel, directory)));
        var image = $"{outDir}/{name}";
        BuildSteps.Link(new LinkJob(target, objects, image, directory));
        return new SampleBuild(Path.Combine(directory, image), sources);
    }

    /// <summary>A flat, unique object name: the source's position, then its path (<c>05-up.baremetal-c.x86_64.boot.S.o</c>).</summary>
    internal static string ObjectName(int index, string source) =>
        $"{index:D2}-" + string.Join('.', source.Split('/').Select(part => part == ".." ? "up" : part)) + ".o";
}
