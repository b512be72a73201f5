using Veridian.Build;
using Veridian.Build.Cache;
using Veridian.Build.Execution;
using Veridian.Build.Graph;
using Veridian.Build.Project;
using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Runner;

/// <summary>The image a sample folder built into.</summary>
/// <param name="Image">The linked image or program (absolute path).</param>
/// <param name="Sources">The sources compiled, relative to the folder.</param>
/// <param name="Project">True when the folder's <c>veridian.toml</c> was built by the build engine.</param>
public sealed record SampleBuild(string Image, IReadOnlyList<string> Sources, bool Project);

/// <summary>
/// Builds a sample folder for a target into <c>&lt;folder&gt;/out/&lt;triple&gt;/release/&lt;name&gt;</c>:
/// a folder with a <c>veridian.toml</c> through the build engine (release profile); otherwise its
/// <see cref="SourceList"/> compiled at -O2 (one object per source, in parallel) and linked by <see cref="BuildSteps"/>.
/// Every path handed to the compiler is relative to the folder, so the image does not depend on where it lies.
/// </summary>
public static class SampleBuilder
{
    /// <summary>Builds the sample and returns the image. <paramref name="cache"/>: the build engine's action cache (null: the user's).</summary>
    public static SampleBuild Build(string directory, TargetInfo target, ActionCache? cache = null)
    {
        directory = Path.GetFullPath(directory);
        return File.Exists(Path.Combine(directory, ProjectReader.FileName))
            ? BuildProject(directory, target, cache)
            : BuildFolder(directory, target);
    }

    private static SampleBuild BuildProject(string directory, TargetInfo target, ActionCache? cache)
    {
        var result = new BuildEngine(cache: cache).Build(new BuildRequest(directory, [target.Canonical], AllTargets: false, Profile: "release"));
        var failed = result.Graph.Actions.Where(a => a.Status == ActionStatus.Failed).ToList();
        if (!result.Succeeded)
        {
            throw new DiagnosticException(failed.Count == 0
                ? [Diagnostic.Error(RunnerCodes.BuildFailed, $"building {directory} for {target.Canonical} did not finish")]
                : failed.Select(a => Diagnostic.Error(RunnerCodes.BuildFailed, $"{a.Label} failed:\n{a.ToolOutput.TrimEnd()}")).ToList());
        }
        var link = result.Graph.Actions.Single(a => a.Kind == ActionKind.Link && a.Unit.Project.Directory == directory);
        var sources = result.Graph.Actions
            .Where(a => a.Unit.Project.Directory == directory && a.Source is not null)
            .Select(a => Path.GetRelativePath(directory, a.Source!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new SampleBuild(link.OutputPath, sources, Project: true);
    }

    private static SampleBuild BuildFolder(string directory, TargetInfo target)
    {
        var name = Path.GetFileName(directory.TrimEnd('/'));
        var sources = SourceList.For(directory, target);
        var outDir = $"out/{target.Canonical}/release";
        Directory.CreateDirectory(Path.Combine(directory, outDir, "obj"));
        var objects = sources.Select((s, i) => $"{outDir}/obj/{ObjectName(i, s)}").ToList();
        Parallel.For(0, sources.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) },
            i => BuildSteps.Compile(new CompileJob(target, sources[i], objects[i], 2, directory)));
        var image = $"{outDir}/{name}";
        BuildSteps.Link(new LinkJob(target, objects, image, directory));
        return new SampleBuild(Path.Combine(directory, image), sources, Project: false);
    }

    /// <summary>A flat, unique object name: the source's position, then its path (<c>05-up.baremetal-c.x86_64.boot.S.o</c>).</summary>
    internal static string ObjectName(int index, string source) =>
        $"{index:D2}-" + string.Join('.', source.Split('/').Select(part => part == ".." ? "up" : part)) + ".o";
}
