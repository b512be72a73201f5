using Veridian.Build.Targets;
using Veridian.Diagnostics;
using Veridian.Toolchain;
using Veridian.Triples;

namespace Veridian.Build.Project;

/// <summary>
/// A command line as a project (the way bflat treats a command line as one project): the sources, flags and
/// libraries of one program for one target, built through the engine like any <c>veridian.toml</c> project.
/// Paths are relative to <see cref="Directory"/>, which also holds the build's <c>out/</c> folder.
/// </summary>
public sealed record CommandLineProject
{
    /// <summary>The folder paths are relative to; the engine's <c>out/</c> (objects, state, lock) goes below it.</summary>
    public required string Directory { get; init; }

    /// <summary>The program's name (its image is <c>out/&lt;triple&gt;/release/&lt;name&gt;</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Sources in link order: C, C++, assembly, LLVM IR and C# (all C# sources are one compilation).</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    public required TargetInfo Target { get; init; }

    public OptLevel Opt { get; init; } = OptLevel.O2;

    /// <summary>Front-end flags after the target's own (<c>-I</c>, <c>-w</c>, <c>-std=</c>).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Prebuilt objects and archives to link after the objects built (<c>x.o</c>, <c>libx.a</c>); their content is in the link's key.</summary>
    public IReadOnlyList<string> LinkInputs { get; init; } = [];

    /// <summary>Libraries for the link, by name (<c>m</c> links as <c>-lm</c>).</summary>
    public IReadOnlyList<string> Libraries { get; init; } = [];

    /// <summary>Link a Linux program statically (VeridianOS targets always are).</summary>
    public bool Static { get; init; }

    /// <summary>Where the build's <c>out/</c> goes (null: <see cref="Directory"/>).</summary>
    public string? BuildRoot { get; init; }
}

/// <summary>Projects that have no <c>veridian.toml</c>: a sample folder, or a command line (docs/architecture.md, "one build path").</summary>
public static class ImplicitProject
{
    /// <summary>The name of a folder's optional source list.</summary>
    public const string SourceListFile = "sources";

    /// <summary>The profile implicit projects build with.</summary>
    public const string Profile = "release";

    /// <summary>
    /// A folder as a project for <paramref name="target"/> (docs/run.md, "samples"): a kernel image for kernel
    /// targets, else a program; its sources are listed in a file named <c>sources</c> (one path per line relative to
    /// the folder, <c>#</c> comments, <c>{arch}</c> replaced by the architecture), or else are every C, C++ and
    /// assembly file in the folder, then in its <c>&lt;arch&gt;/</c> subfolder (not recursive), each group in ordinal order.
    /// </summary>
    public static ProjectSpec FromFolder(string directory, TargetInfo target)
    {
        directory = Path.GetFullPath(directory).TrimEnd('/');
        var sources = FolderSources(directory, target);
        return Spec(directory, Path.GetFileName(directory), target, sources, OptLevel.O2, [], [], [], sourceOrigin: $"the sources of folder {ProjectReader.DisplayPath(directory)}");
    }

    /// <summary>A command line as a project.</summary>
    public static ProjectSpec FromCommandLine(CommandLineProject line)
    {
        var directory = Path.GetFullPath(line.Directory);
        foreach (var s in line.Sources.Concat(line.LinkInputs))
        {
            if (!File.Exists(Path.Combine(directory, s)))
                throw DiagnosticException.Error(BuildCodes.SourceNotFound, $"no such file: {s}", hint: "check the path (relative to the current folder)");
        }
        var linkFlags = new List<string>();
        if (line.Static && line.Target.Os == Os.Linux)
            linkFlags.Add("-static");
        linkFlags.AddRange(line.Libraries.Select(l => "-l" + l));
        return Spec(directory, line.Name, line.Target, line.Sources, line.Opt, line.Flags, linkFlags, line.LinkInputs, sourceOrigin: "the command line") with
        {
            BuildRoot = line.BuildRoot is { } root ? Path.GetFullPath(root) : directory,
        };
    }

    /// <summary>The sources of a folder for <paramref name="target"/>, relative to it, '/'-separated (see <see cref="FromFolder"/>).</summary>
    public static IReadOnlyList<string> FolderSources(string directory, TargetInfo target)
    {
        var arch = target.Arch.Name();
        var listFile = Path.Combine(directory, SourceListFile);
        List<string> sources;
        if (File.Exists(listFile))
        {
            sources = [];
            var lineNumber = 0;
            foreach (var raw in File.ReadAllLines(listFile))
            {
                lineNumber++;
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                    continue;
                var path = line.Replace("{arch}", arch, StringComparison.Ordinal);
                if (!File.Exists(Path.Combine(directory, path)))
                {
                    throw DiagnosticException.Error(BuildCodes.SourceNotFound, $"'{path}' does not exist",
                        new SourceLocation(listFile, lineNumber, 1), hint: "paths in a sources list are relative to its folder");
                }
                sources.Add(path);
            }
        }
        else
        {
            sources = [.. SourcesIn(directory, "")];
            if (System.IO.Directory.Exists(Path.Combine(directory, arch)))
                sources.AddRange(SourcesIn(directory, arch));
        }
        if (sources.Count == 0)
        {
            throw DiagnosticException.Error(BuildCodes.NoSources, $"'{directory}' has no sources for {target.Canonical}",
                hint: $"put .c/.cpp/.S files in the folder (and {arch}/ for architecture-specific ones), or list them in a '{SourceListFile}' file");
        }
        return sources;
    }

    private static IEnumerable<string> SourcesIn(string directory, string sub) =>
        System.IO.Directory.EnumerateFiles(Path.Combine(directory, sub))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => Languages.FromExtension(name) is Language.C or Language.Cxx or Language.Asm)
            .Order(StringComparer.Ordinal)
            .Select(name => sub.Length == 0 ? name : $"{sub}/{name}");

    private static ProjectSpec Spec(string directory, string name, TargetInfo target, IReadOnlyList<string> sources, OptLevel opt,
        IReadOnlyList<string> flags, IReadOnlyList<string> linkFlags, IReadOnlyList<string> linkInputs, string sourceOrigin)
    {
        var origin = new SourceLocation(sourceOrigin);
        var settings = new Settings
        {
            Sources = sources.Select(s => new Located(s.Replace('\\', '/'), origin)).ToList(),
            Flags = flags,
            LinkFlags = linkFlags,
            LinkInputs = linkInputs.Select(s => new Located(s.Replace('\\', '/'), origin)).ToList(),
        };
        return new ProjectSpec
        {
            File = Path.Combine(directory, ProjectReader.FileName),
            Directory = directory,
            Name = name,
            Version = "0.0.0",
            Kind = target.IsKernel ? ProjectKind.Kernel : ProjectKind.Executable,
            KindLocation = origin,
            Languages = Languages.All,
            Common = settings,
            LinkerScript = null,
            Targets = [new Located(target.Canonical, origin)],
            Profiles = new Dictionary<string, Profile>(StringComparer.Ordinal) { [Profile] = new Profile(Profile, opt, DebugInfo: false, new Settings()) },
            TargetSettings = new Dictionary<string, (SourceLocation, Settings)>(StringComparer.Ordinal),
            Dependencies = [],
            Implicit = true,
        };
    }
}
