namespace Veridian.Build.Graph;

/// <summary>The planned build: every unit (project × target × profile) and every action, in a dependency-respecting order.</summary>
public sealed class ActionGraph
{
    public ActionGraph(IReadOnlyList<BuildUnit> units, IReadOnlyList<BuildAction> actions, IReadOnlyList<BuildUnit> roots)
    {
        Units = units;
        Actions = actions;
        Roots = roots;
    }

    /// <summary>Every unit, dependencies before dependents.</summary>
    public IReadOnlyList<BuildUnit> Units { get; }

    /// <summary>Every action; each action comes after the actions it depends on.</summary>
    public IReadOnlyList<BuildAction> Actions { get; }

    /// <summary>The units the user asked for (the others are dependencies).</summary>
    public IReadOnlyList<BuildUnit> Roots { get; }

    /// <summary>The action producing <paramref name="output"/>: a path relative to the current directory or a project, or a file name.</summary>
    public IReadOnlyList<BuildAction> Find(string output)
    {
        var full = Path.GetFullPath(output);
        var exact = Actions.Where(a => a.OutputPath == full || a.Output == output.Replace('\\', '/')).ToList();
        if (exact.Count > 0)
            return exact;
        return Actions.Where(a => Path.GetFileName(a.Output) == output || a.Source == output || a.Kind is ActionKind.Link or ActionKind.Archive && a.Unit.Project.Name == output).ToList();
    }
}
