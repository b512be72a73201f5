using Veridian.Build.Project;
using Veridian.Build.Targets;
using Veridian.Diagnostics;
using Veridian.Toolchain;

namespace Veridian.Build.Graph;

/// <summary>What the user asked to build.</summary>
public sealed record BuildRequest(string Path, IReadOnlyList<string> Targets, bool AllTargets, string Profile);

/// <summary>Turns projects into an <see cref="ActionGraph"/>: sources → compile/codegen actions → archive or link.</summary>
public static class Planner
{
    /// <summary>Reads the project or workspace at <see cref="BuildRequest.Path"/> and plans every action.</summary>
    public static ActionGraph Plan(BuildRequest request)
    {
        if (request.Profile is not ("debug" or "release"))
        {
            throw DiagnosticException.Error(BuildCodes.BadSelection, $"unknown profile '{request.Profile}'" +
                (Suggest.Closest(request.Profile, ["debug", "release"]) is { } g ? $"; did you mean '{g}'?" : ""), hint: "profiles are debug and release");
        }
        var file = ProjectReader.Locate(request.Path);
        var loaded = new Dictionary<string, ProjectSpec>(StringComparer.Ordinal);
        var roots = new List<ProjectSpec>();
        switch (ProjectReader.Read(file))
        {
            case WorkspaceSpec ws:
                foreach (var member in ws.Members)
                {
                    var memberFile = Path.Combine(ws.Directory, member.Value, ProjectReader.FileName);
                    if (!File.Exists(memberFile))
                        throw DiagnosticException.Error(BuildCodes.NoProjectFile, $"workspace member '{member.Value}' has no {ProjectReader.FileName}", member.Location);
                    roots.Add(LoadProject(memberFile, loaded, member.Location));
                }
                break;
            case ProjectSpec p:
                loaded[p.Directory] = p;
                roots.Add(p);
                break;
        }

        return PlanRoots(roots, loaded, request);
    }

    /// <summary>Plans a project that has no file (<see cref="ImplicitProject"/>) for the target it lists, in <paramref name="profile"/>.</summary>
    public static ActionGraph Plan(ProjectSpec project, string profile = ImplicitProject.Profile)
    {
        var loaded = new Dictionary<string, ProjectSpec>(StringComparer.Ordinal) { [project.Directory] = project };
        return PlanRoots([project], loaded, new BuildRequest(project.Directory, [], AllTargets: false, profile));
    }

    private static ActionGraph PlanRoots(List<ProjectSpec> roots, Dictionary<string, ProjectSpec> loaded, BuildRequest request)
    {
        var planner = new PlanState(loaded);
        var rootUnits = new List<BuildUnit>();
        foreach (var project in roots)
        {
            foreach (var target in SelectTargets(project, request))
                rootUnits.Add(planner.Unit(project, target, project.Profile(request.Profile), []));
        }
        return new ActionGraph(planner.Units, planner.Actions, rootUnits);
    }

    private static ProjectSpec LoadProject(string file, Dictionary<string, ProjectSpec> loaded, SourceLocation? from)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(file))!;
        if (loaded.TryGetValue(dir, out var existing))
            return existing;
        if (!File.Exists(file))
            throw DiagnosticException.Error(BuildCodes.BadDependency, $"no {ProjectReader.FileName} in '{ProjectReader.DisplayPath(dir)}'", from);
        if (ProjectReader.Read(file) is not ProjectSpec project)
            throw DiagnosticException.Error(BuildCodes.BadDependency, $"'{ProjectReader.DisplayPath(file)}' is a workspace, not a project", from);
        loaded[dir] = project;
        return project;
    }

    private static IEnumerable<BuildTarget> SelectTargets(ProjectSpec project, BuildRequest request)
    {
        var listed = project.Targets.Select(t => BuildTargets.Resolve(t.Value, t.Location)).ToList();
        if (request.Targets.Count > 0)
        {
            foreach (var name in request.Targets)
            {
                var target = BuildTargets.Resolve(name);
                if (listed.Count > 0 && !listed.Exists(t => t.Canonical == target.Canonical))
                {
                    throw DiagnosticException.Error(BuildCodes.BadSelection, $"project '{project.Name}' does not list target '{name}'",
                        hint: $"its targets are: {string.Join(", ", listed.Select(t => t.Canonical))}; add it to targets = [...] in {ProjectReader.DisplayPath(project.File)}");
                }
                yield return target;
            }
            yield break;
        }
        if (listed.Count == 0)
        {
            if (!request.AllTargets)
            {
                throw DiagnosticException.Error(BuildCodes.MissingKey, $"project '{project.Name}' lists no targets",
                    new SourceLocation(ProjectReader.DisplayPath(project.File)), "add targets = [\"x86_64-veridian-kernel-none\"] to [project], or pass --target or --all-targets");
            }
            foreach (var name in BuildTargets.Kernels)
                yield return BuildTargets.Resolve(name);
            yield break;
        }
        foreach (var t in request.AllTargets ? listed : listed.Take(1))
            yield return t;
    }

    /// <summary>Builds units and actions, memoising units so a shared dependency is planned once.</summary>
    private sealed class PlanState(Dictionary<string, ProjectSpec> loaded)
    {
        private readonly Dictionary<(string, string, string), (BuildUnit Unit, BuildAction Main, IReadOnlyList<string> Includes)> _units = new();

        public List<BuildUnit> Units { get; } = [];

        public List<BuildAction> Actions { get; } = [];

        public BuildUnit Unit(ProjectSpec project, BuildTarget target, Profile profile, List<string> chain) =>
            Plan(project, target, profile, chain).Unit;

        private (BuildUnit Unit, BuildAction Main, IReadOnlyList<string> Includes) Plan(ProjectSpec project, BuildTarget target, Profile profile, List<string> chain)
        {
            var key = (project.Directory, target.Canonical, profile.Name);
            if (_units.TryGetValue(key, out var done))
                return done;
            if (chain.Contains(project.Directory))
            {
                throw DiagnosticException.Error(BuildCodes.BadDependency,
                    $"dependency cycle: {string.Join(" -> ", chain.Append(project.Directory).Select(d => Path.GetFileName(d)))}");
            }
            if (project.Kind == ProjectKind.Package)
            {
                throw DiagnosticException.Error(BuildCodes.KindNotBuildable, $"project '{project.Name}' is of kind 'package', which `veridian build` does not build",
                    project.KindLocation, "packages are made by `veridian pkg`; build the projects it packs instead");
            }

            // Dependencies first: their archives are linked, their include folders are ours too.
            var deps = new List<(DependencySpec Spec, BuildAction Main, IReadOnlyList<string> Includes)>();
            foreach (var dep in project.Dependencies)
            {
                var depProject = LoadProject(Path.Combine(dep.Directory, ProjectReader.FileName), loaded, dep.Location);
                if (depProject.Kind != ProjectKind.StaticLibrary)
                {
                    throw DiagnosticException.Error(BuildCodes.BadDependency, $"dependency '{dep.Name}' is a {depProject.Kind}, not a static-library", dep.Location,
                        "only static libraries can be dependencies for now");
                }
                var planned = Plan(depProject, target, depProject.Profile(profile.Name), [.. chain, project.Directory]);
                deps.Add((dep, planned.Main, planned.Includes));
            }

            var unit = new BuildUnit(project, target, profile);
            var settings = new List<Settings> { project.Common, profile.Settings };
            if (project.TargetSettings.TryGetValue(target.Canonical, out var ts))
                settings.Add(ts.Settings);
            else
            {
                foreach (var (name, (loc, s)) in project.TargetSettings)
                {
                    if (BuildTargets.Resolve(name, loc).Canonical == target.Canonical)
                        settings.Add(s);
                }
            }

            // Include folders: ours, then each dependency's (relative to our folder, so keys do not hold absolute paths).
            var ownIncludes = settings.SelectMany(s => s.IncludeDirs).Select(i => Relative(project.Directory, Path.Combine(project.Directory, i.Value))).ToList();
            var includes = ownIncludes.Concat(deps.SelectMany(d => d.Includes.Select(i => Relative(project.Directory, Path.Combine(d.Main.Unit.Project.Directory, i))))).Distinct().ToList();
            var args = new List<string>();
            if (profile.DebugInfo)
                args.Add("-g");
            args.AddRange(settings.SelectMany(s => s.Defines).Select(d => $"-D{d}"));
            args.AddRange(includes.Select(i => $"-I{i}"));
            args.AddRange(settings.SelectMany(s => s.Flags));

            var objects = new List<BuildAction>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var oneUnit = new List<OneUnit>();
            foreach (var glob in settings.SelectMany(s => s.Sources))
            {
                var files = Glob.Expand(project.Directory, glob.Value);
                if (files.Count == 0)
                {
                    throw DiagnosticException.Error(BuildCodes.GlobMatchesNothing, $"sources glob '{glob.Value}' matches no file", glob.Location,
                        $"globs are relative to {ProjectReader.DisplayPath(project.Directory)}; '**' matches any depth");
                }
                foreach (var source in files)
                {
                    if (!seen.Add(source))
                        continue;
                    var language = Languages.FromExtension(source);
                    if (language is null || !project.Languages.Contains(language.Value))
                    {
                        throw DiagnosticException.Error(BuildCodes.LanguageNotEnabled,
                            language is null ? $"source '{source}' has no known language (extension '{Path.GetExtension(source)}')" : $"source '{source}' is {Languages.Name(language.Value)}, which is not in languages",
                            glob.Location, $"languages = [{string.Join(", ", project.Languages.Select(l => $"\"{Languages.Name(l)}\""))}]; see docs/veridian-toml.md for extensions");
                    }
                    if (Languages.CompilesAsOneUnit(language.Value))
                    {
                        // All of a unit's sources in the language are one compilation: one action after the loop,
                        // linked where the language's first source stands.
                        var group = oneUnit.Find(u => u.Language == language.Value);
                        if (group is null)
                            oneUnit.Add(group = new OneUnit(language.Value, objects.Count));
                        group.Sources.Add(source);
                        group.Edges.Add(new Edge(source, $"{Languages.Name(language.Value)} source matched by '{glob.Value}' ({glob.Location})", null));
                        continue;
                    }
                    var kind = KindFor(language.Value);
                    var obj = $"{unit.OutDir}/obj/{source.Replace("../", "__/")}.o";
                    var action = new BuildAction(kind, unit, obj, [.. Languages.TargetFlags(language.Value, target.Info), .. args],
                        [new Edge(source, $"source matched by '{glob.Value}' ({glob.Location})", null)], language, [source]);
                    objects.Add(action);
                    Actions.Add(action);
                }
            }

            for (var g = oneUnit.Count - 1; g >= 0; g--) // (in reverse, so earlier positions stay valid)
            {
                var group = oneUnit[g];
                // A one-unit compiler reads no C flags, but the project's code generation flags apply (-ffunction-sections …).
                var codegenFlags = args.Where(a => CodegenOptions.Default.With(a) is not null).ToList();
                var action = new BuildAction(KindFor(group.Language), unit, $"{unit.OutDir}/obj/{Languages.Name(group.Language)}.o", codegenFlags, group.Edges, group.Language, group.Sources);
                objects.Insert(group.At, action);
                Actions.Add(action);
            }

            BuildAction main;
            var mainInputs = objects.Select(o => new Edge(o.Output, $"object of {o.Source}", o)).ToList();
            if (project.Kind == ProjectKind.StaticLibrary)
            {
                main = new BuildAction(ActionKind.Archive, unit, unit.MainOutput, [], mainInputs);
            }
            else
            {
                foreach (var prebuilt in settings.SelectMany(s => s.LinkInputs))
                    mainInputs.Add(new Edge(prebuilt.Value, $"prebuilt input from {prebuilt.Location}", null) { Linked = true });
                foreach (var d in deps)
                {
                    var archive = Relative(project.Directory, d.Main.OutputPath);
                    mainInputs.Add(new Edge(archive, $"archive of dependency '{d.Spec.Name}' ({d.Spec.Location})", d.Main));
                }
                if (project.LinkerScript is { } script)
                    mainInputs.Add(new Edge(Relative(project.Directory, script), "linker-script in [project]", null));
                else if (project.Kind == ProjectKind.Kernel && target.KernelLinkerScript is not null)
                    mainInputs.Add(new Edge(unit.KernelScript, $"the kernel linker script of {target.Canonical}", null));
                // The project's link-flags, then what its languages' objects need (C# on Linux: libm).
                var linkArgs = settings.SelectMany(s => s.LinkFlags).ToList();
                var linked = new bool[Languages.All.Count];
                foreach (var o in objects)
                {
                    if (o.Language is { } l && !linked[(int)l])
                    {
                        linked[(int)l] = true;
                        linkArgs.AddRange(Languages.LinkFlags(l, target.Info));
                    }
                }
                main = new BuildAction(ActionKind.Link, unit, unit.MainOutput, linkArgs, mainInputs);
            }
            Actions.Add(main);
            Units.Add(unit);
            var exported = project.Common.IncludeDirs.Select(i => i.Value).ToList();
            var result = (unit, main, (IReadOnlyList<string>)exported);
            _units[key] = result;
            return result;
        }

        /// <summary>
        /// The sources of one language that compiles as one unit, and where its object goes among the unit's objects (where
        /// its first source stood). A class, not a tuple or a LINQ group: generics over our value types are JIT-compiled
        /// on every start (bench/README.md, "issue 12: before/after").
        /// </summary>
        private sealed class OneUnit(Language language, int at)
        {
            public Language Language { get; } = language;
            public int At { get; } = at;
            public List<string> Sources { get; } = [];
            public List<Edge> Edges { get; } = [];
        }

        /// <summary>Compile (front end with a depfile, then codegen) or codegen (IR, and C#, whose compiler reads no headers).</summary>
        private static ActionKind KindFor(Language language) => language switch
        {
            Language.C or Language.Cxx or Language.Asm => ActionKind.Compile,
            Language.LlvmIr or Language.CSharp => ActionKind.Codegen,
        };
    }

    /// <summary>A '/'-separated path from <paramref name="from"/> to <paramref name="path"/>.</summary>
    internal static string Relative(string from, string path) => Path.GetRelativePath(from, path).Replace('\\', '/');
}
