using Veridian.Build;
using Veridian.Build.Cache;
using Veridian.Build.Project;
using Veridian.Toolchain;
using Veridian.Triples;

namespace Veridian.Runner.Tests;

/// <summary>The corpora build through the build engine like every other way in (a command line as a project).</summary>
internal static class EngineBuild
{
    /// <summary>
    /// Builds one C program for <paramref name="target"/> at -O<paramref name="level"/> into <paramref name="output"/>:
    /// <paramref name="source"/> relative to <paramref name="directory"/>; objects, state and a throwaway action cache in
    /// <c>&lt;workDir&gt;/.build/&lt;output name&gt;</c>, so parallel builds in one folder do not share a lock.
    /// </summary>
    public static string Program(TargetInfo target, string directory, string source, int level, string output, string workDir,
        IReadOnlyList<string>? flags = null, IReadOnlyList<string>? libraries = null)
    {
        var root = Path.Combine(workDir, ".build", Path.GetFileName(output));
        var engine = new BuildEngine(cache: new ActionCache(Path.Combine(root, "cache"), 64L << 20));
        return engine.Build(new CommandLineProject
        {
            Directory = directory,
            BuildRoot = root,
            Name = Path.GetFileName(output),
            Sources = [source],
            Target = target,
            Opt = OptLevels.Parse(level.ToString(System.Globalization.CultureInfo.InvariantCulture))!.Value,
            Flags = flags ?? [],
            Libraries = libraries ?? [],
        }, Path.GetFullPath(output, workDir)).Output;
    }
}
