using Veridian.Build.Project;
using Veridian.Build.Targets;
using Veridian.Toolchain;

namespace Veridian.Build.Graph;

/// <summary>
/// One step of a build — a node of the action graph, immutable once planned: a kind, its inputs (edges with
/// reasons), its output, and the arguments that go into its key. Paths are relative to <see cref="Unit"/>'s
/// project folder, '/'-separated. What happened to it in a build is an <see cref="Execution.ActionOutcome"/>
/// in the <see cref="Execution.BuildResult"/>, kept apart from the graph.
/// </summary>
public sealed class BuildAction
{
    public BuildAction(ActionKind kind, BuildUnit unit, string output, IReadOnlyList<string> arguments, IReadOnlyList<Edge> inputs,
        Language? language = null, IReadOnlyList<string>? sources = null)
    {
        OptLevel = unit.Profile.OptLevel;
        Kind = kind;
        Unit = unit;
        Output = output;
        Arguments = arguments;
        Inputs = inputs;
        Language = language;
        Sources = sources ?? [];
    }

    public ActionKind Kind { get; }

    /// <summary>The project, target and profile this action belongs to.</summary>
    public BuildUnit Unit { get; }

    /// <summary>The output file, relative to the project folder.</summary>
    public string Output { get; }

    /// <summary>The optimisation level of compile and codegen actions.</summary>
    public OptLevel OptLevel { get; }

    /// <summary>The project's front-end flags (compile, codegen) or link flags, as hashed into the key (target flags come from the target).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The source language (compile, codegen).</summary>
    public Language? Language { get; }

    /// <summary>The source file (compile, codegen), relative to the project folder; the first of <see cref="Sources"/>.</summary>
    public string? Source => Sources.Count > 0 ? Sources[0] : null;

    /// <summary>
    /// The sources of one compilation, relative to the project folder: one for C, C++, assembly and IR; all of a
    /// unit's for a language that compiles as one unit (<see cref="Languages.CompilesAsOneUnit"/>: C#).
    /// </summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Inputs with reasons, in order (order matters for links).</summary>
    public IReadOnlyList<Edge> Inputs { get; }

    /// <summary>Actions whose outputs this one reads.</summary>
    public IEnumerable<BuildAction> Dependencies => Inputs.Where(e => e.Producer is not null).Select(e => e.Producer!).Distinct();

    /// <summary>The output's absolute path.</summary>
    public string OutputPath => Path.Combine(Unit.Project.Directory, Output);

    /// <summary>A short label: <c>compile x86_64-veridian-kernel/debug src/main.c</c>.</summary>
    public string Label => $"{ActionKinds.Name(Kind)} {Unit.Target.Canonical}/{Unit.Profile.Name} {Source ?? Output}";

    public override string ToString() => Label;
}

/// <summary>One project built for one target and profile, with its output folder.</summary>
public sealed record BuildUnit(ProjectSpec Project, BuildTarget Target, Profile Profile)
{
    /// <summary>The output folder relative to the project: <c>out/&lt;triple&gt;/&lt;profile&gt;</c> below its <see cref="ProjectSpec.BuildRoot"/>.</summary>
    public string OutDir => (Project.BuildRoot == Project.Directory ? "" : Graph.Planner.Relative(Project.Directory, Project.BuildRoot) + "/") + $"out/{Target.Canonical}/{Profile.Name}";

    /// <summary>Where the target's default kernel linker script is written for this unit.</summary>
    public string KernelScript => $"{OutDir}/kernel.ld";

    /// <summary>The unit's main output (image, executable or archive), relative to the project folder.</summary>
    public string MainOutput => Project.Kind switch
    {
        ProjectKind.StaticLibrary => $"{OutDir}/lib{Project.Name}.a",
        ProjectKind.Executable or ProjectKind.Kernel or ProjectKind.Package => $"{OutDir}/{Project.Name}",
    };
}
