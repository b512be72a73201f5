using Veridian.Build.Cache;
using Veridian.Build.Execution;
using Veridian.Build.Graph;
using Veridian.Build.Toolchain;

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
}
