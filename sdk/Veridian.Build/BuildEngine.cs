using Veridian.Build.Cache;
using Veridian.Build.Execution;
using Veridian.Build.Graph;
using Veridian.Build.Project;
using Veridian.Build.Toolchain;
using Veridian.Diagnostics;
using Veridian.Triples;
using Veridian.Common;

namespace Veridian.Build;

/// <summary>The build engine's entry point: plan a request into an action graph, then execute it.</summary>
public sealed class BuildEngine
{
    public BuildEngine(IBuildToolchain? toolchain = null, ActionCache? cache = null)
    {
        Toolchain = toolchain ?? new PipelineToolchain();
        Cache = cache ?? ActionCache.ForUser();
    }

    public IBuildToolchain Toolchain { get; }

    public ActionCache Cache { get; }

    /// <summary>Plans and runs a build. Bad projects throw a <see cref="Veridian.Diagnostics.DiagnosticException"/>; failed steps are in the result.</summary>
    public BuildResult Build(BuildRequest request, BuildOptions? options = null, CancellationToken cancel = default)
    {
        var graph = Planner.Plan(request);
        return new Executor(Toolchain, Cache).Run(graph, options ?? new BuildOptions(), cancel);
    }

    /// <summary>
    /// Builds a folder for one target into its image or program: the folder's <c>veridian.toml</c> in the release
    /// profile when it has one, else the folder as an implicit project (<see cref="ImplicitProject.FromFolder"/>).
    /// </summary>
    public ProgramBuild BuildFolder(string directory, TargetInfo target, CancellationToken cancel = default)
    {
        directory = Path.GetFullPath(directory);
        if (!File.Exists(Path.Combine(directory, ProjectReader.FileName)))
            return Build(ImplicitProject.FromFolder(directory, target), cancel);
        var result = Build(new BuildRequest(directory, [target.Canonical], AllTargets: false, Profile: ImplicitProject.Profile), cancel: cancel);
        return Outcome(result, directory, a => a.Unit.Project.Directory == directory);
    }

    /// <summary>
    /// Builds a folder or a command line (<see cref="ImplicitProject"/>) and returns its image or program;
    /// a failed step throws a <see cref="Veridian.Diagnostics.DiagnosticException"/> (VDN3108) with the tool's messages.
    /// </summary>
    public ProgramBuild Build(ProjectSpec implicitProject, CancellationToken cancel = default)
    {
        var result = new Executor(Toolchain, Cache).Run(Planner.Plan(implicitProject), new BuildOptions(), cancel);
        return Outcome(result, implicitProject.Directory, _ => true);
    }

    /// <summary>
    /// Builds a command line (<see cref="ImplicitProject.FromCommandLine"/>) and writes its program to
    /// <paramref name="output"/> (relative to <see cref="CommandLineProject.Directory"/>), atomically.
    /// </summary>
    public ProgramBuild Build(CommandLineProject line, string output, CancellationToken cancel = default)
    {
        var build = Build(ImplicitProject.FromCommandLine(line), cancel);
        var path = Path.GetFullPath(output, Path.GetFullPath(line.Directory));
        if (path != build.Output)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.Copy(build.Output, path, Durability.None);
        }
        return build with { Output = path };
    }

    /// <summary>The main output of the one project in <paramref name="directory"/>, or its failures as diagnostics.</summary>
    private static ProgramBuild Outcome(BuildResult result, string directory, Func<BuildAction, bool> ofProject)
    {
        if (!result.Succeeded)
        {
            var failed = result.Failed;
            // The compiler's own diagnostics (VDN4xxx at file:line, with their hints) as they are; a tool's text under VDN3108.
            var sdkDiagnostics = failed.SelectMany(a => result.Outcome(a).Diagnostics).ToList();
            if (sdkDiagnostics.Count > 0)
                throw new DiagnosticException(sdkDiagnostics);
            throw new DiagnosticException(failed.Count == 0
                ? [Diagnostic.Error(BuildCodes.BuildFailed, $"building {ProjectReader.DisplayPath(directory)} did not finish")]
                : failed.Select(a => Diagnostic.Error(BuildCodes.BuildFailed, $"{a.Label} failed:\n{result.Outcome(a).ToolOutput.TrimEnd()}")).ToList());
        }
        var own = result.Graph.Actions.Where(ofProject).ToList();
        var main = own.Single(a => a.Kind is ActionKind.Link or ActionKind.Archive);
        return new ProgramBuild(main.OutputPath, own.SelectMany(a => a.Sources).Order(StringComparer.Ordinal).ToList(), main.Unit.Project.Implicit, result);
    }
}

/// <summary>
/// What a folder or command line built: the image or program (absolute), the sources compiled (relative to its
/// folder), whether the project was implicit (no <c>veridian.toml</c>), and the engine's result.
/// </summary>
public sealed record ProgramBuild(string Output, IReadOnlyList<string> Sources, bool Implicit, BuildResult Result);
