using System.CommandLine;
using Spectre.Console;
using Veridian.Build;
using Veridian.Build.Execution;
using Veridian.Build.Graph;
using Veridian.Cli.Console;
using Veridian.Diagnostics;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian build</c>: builds a project or workspace through the action graph and the cache.</summary>
internal sealed class BuildCommand : Command
{
    private readonly Argument<string> _path = new("path") { Description = "The project or workspace folder (default: the current folder).", DefaultValueFactory = _ => "." };
    private readonly Option<string[]> _targets = new("--target", "-t") { Description = "A target triple to build; repeat for several (default: the project's first target)." };
    private readonly Option<bool> _allTargets = new("--all-targets") { Description = "Build every target the project lists." };
    private readonly Option<string> _profile = new("--profile") { Description = "debug or release.", DefaultValueFactory = _ => "debug" };
    private readonly Option<int> _jobs = new("--jobs", "-j") { Description = "Steps to run at once (default: the number of processors)." };
    private readonly Option<string?> _explain = new("--explain") { Description = "After building, say why each step producing this output ran or was skipped." };
    private readonly Option<bool> _json = GlobalOptions.Json();

    public BuildCommand()
        : base("build", "Build a veridian.toml project or workspace: parallel steps, a content-addressed cache, compile_commands.json.")
    {
        Arguments.Add(_path);
        Options.Add(_targets);
        Options.Add(_allTargets);
        Options.Add(_profile);
        Options.Add(_jobs);
        Options.Add(_explain);
        Options.Add(_json);
        _profile.AcceptOnlyFromAmong("debug", "release");
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var terminal = Terminal.From(parse);
        var json = parse.GetValue(_json);
        var jobs = parse.GetValue(_jobs);
        if (jobs < 0)
            throw DiagnosticException.Error(CliCodes.BadArguments, $"--jobs must be positive, not {jobs}");
        var request = new BuildRequest(parse.GetValue(_path)!, parse.GetValue(_targets) ?? [], parse.GetValue(_allTargets), parse.GetValue(_profile)!);
        var planClock = System.Diagnostics.Stopwatch.StartNew();
        var graph = Planner.Plan(request);
        terminal.Note($"plan: {graph.Actions.Count} actions in {Ms(planClock.Elapsed)}");
        // Programs linked against relibc-cs need it in the sysroot first (docs/relibc.md, "Sysroot").
        // (Plain loops over reference types here and below: LINQ over the target record or over tuples would
        // JIT-compile framework generics on every start, which ReadyToRun cannot precompile — bench/README.md.)
        var linkedTargets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in graph.Actions)
        {
            if (a.Kind == ActionKind.Link && linkedTargets.Add(a.Unit.Target.Canonical))
                Veridian.Build.Sysroot.SysrootBuilder.Ensure(a.Unit.Target.Info, Veridian.Common.SdkLayout.DefaultSysroot);
        }
        var explain = parse.GetValue(_explain);
        IReadOnlyList<BuildAction> explained = [];
        if (explain is not null)
        {
            explained = graph.Find(explain);
            if (explained.Count == 0)
            {
                var outputs = graph.Actions.Where(a => a.Kind is ActionKind.Link or ActionKind.Archive).Select(a => a.Output).ToList();
                throw DiagnosticException.Error(BuildCodes.BadSelection, $"no step of this build produces '{explain}'" +
                    (Suggest.Closest(explain, outputs) is { } g ? $"; did you mean '{g}'?" : ""), hint: $"outputs include: {string.Join(", ", outputs)}");
            }
        }

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        System.Console.CancelKeyPress += onCancel;
        var engine = new BuildEngine();
        BuildResult result;
        try
        {
            result = terminal.Fancy && !json ? RunWithProgress(terminal, engine, graph, jobs, cancel.Token) : RunPlain(terminal, engine, graph, jobs, json, cancel.Token);
        }
        finally
        {
            System.Console.CancelKeyPress -= onCancel;
        }

        if (json)
            terminal.WriteJson(Report(result, jobs));
        foreach (var a in graph.Actions)
        {
            var o = result.Outcome(a);
            if (!(o.Status == ActionStatus.Failed || o.ToolOutput.Length > 0 && o.Status is ActionStatus.Ran or ActionStatus.Cached))
                continue;
            if (o.Status == ActionStatus.Failed)
                terminal.Err.WriteLine($"{terminal.Paint("failed", "red")}: {a.Label}");
            if (o.ToolOutput.Length > 0)
                terminal.Err.WriteLine(Colorize(terminal, o.ToolOutput));
        }
        foreach (var a in explained)
            terminal.Out.Write(Explain.Render(result, a));

        if (result.Cancelled)
            throw DiagnosticException.Error(BuildCodes.Interrupted, "the build was interrupted", hint: "run the build again; finished steps are kept", exitCode: 130);
        if (!result.Succeeded)
        {
            var failed = result.Count(ActionStatus.Failed);
            throw DiagnosticException.Error(BuildCodes.StepFailed, $"build failed: {failed} step(s) failed", hint: "the tool's errors are printed above");
        }
        if (!json)
        {
            var summary = result.NothingToDo
                ? $"nothing to do: {graph.Actions.Count} steps up to date ({Ms(result.Duration)})"
                : $"built {string.Join(", ", graph.Roots.Select(u => u.MainOutput))}: {result.Count(ActionStatus.Ran)} ran, {result.Count(ActionStatus.Cached)} from cache, {result.Count(ActionStatus.UpToDate)} up to date ({Ms(result.Duration)})";
            terminal.Out.WriteLine(summary);
        }
        return ExitCodes.Ok;
    }

    private static BuildResult RunPlain(Terminal terminal, BuildEngine engine, ActionGraph graph, int jobs, bool json, CancellationToken cancel)
    {
        var gate = new object();
        var options = new BuildOptions
        {
            Jobs = jobs,
            ToolsHoldTheLock = true,
            Phase = (name, t) => terminal.Note($"{name}: {Ms(t)}"),
            Finished = (a, o) =>
            {
                if (json || o.Status is ActionStatus.UpToDate or ActionStatus.Skipped)
                    return;
                lock (gate)
                    terminal.Out.WriteLine($"{a.Label} ({Explain.StatusText(o.Status)}, {Ms(o.Duration)})");
            },
        };
        return new Executor(engine.Toolchain, engine.Cache).Run(graph, options, cancel);
    }

    private static BuildResult RunWithProgress(Terminal terminal, BuildEngine engine, ActionGraph graph, int jobs, CancellationToken cancel)
    {
        BuildResult? result = null;
        terminal.Ansi.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("building", maxValue: Math.Max(1, graph.Actions.Count));
                var options = new BuildOptions
                {
                    Jobs = jobs,
                    ToolsHoldTheLock = true,
                    Started = a => task.Description = Markup.Escape(a.Label),
                    Finished = (_, _) => task.Increment(1),
                };
                result = new Executor(engine.Toolchain, engine.Cache).Run(graph, options, cancel);
            });
        return result!;
    }

    private static string Colorize(Terminal terminal, string text) => string.Join('\n', text.Split('\n').Select(line =>
        line.Contains(": error:", StringComparison.Ordinal) || line.Contains("error:", StringComparison.Ordinal) && line.StartsWith("ld.lld", StringComparison.Ordinal) ? terminal.Paint(line, "red")
        : line.Contains(": warning:", StringComparison.Ordinal) ? terminal.Paint(line, "yellow")
        : line));

    private static string Ms(TimeSpan t) => $"{(long)t.TotalMilliseconds} ms";

    private static BuildReport Report(BuildResult r, int jobs) => new(
        r.Succeeded,
        r.NothingToDo,
        (long)r.Duration.TotalMilliseconds,
        jobs > 0 ? jobs : Environment.ProcessorCount,
        new Counts(r.Count(ActionStatus.Ran), r.Count(ActionStatus.Cached), r.Count(ActionStatus.UpToDate), r.Count(ActionStatus.Failed), r.Count(ActionStatus.Skipped)),
        r.Graph.Actions.OrderBy(a => a.OutputPath, StringComparer.Ordinal).Select(a => (a, o: r.Outcome(a))).Select(p => new ActionReport(
            ActionKinds.Name(p.a.Kind), p.a.Unit.Project.Name, p.a.Unit.Target.Canonical, p.a.Unit.Profile.Name, p.a.Output, p.a.Source,
            Explain.StatusText(p.o.Status), p.o.Reason, (long)p.o.Duration.TotalMilliseconds)).ToList());

    private sealed record BuildReport(bool Succeeded, bool NothingToDo, long DurationMs, int Jobs, Counts Counts, IReadOnlyList<ActionReport> Actions);

    private sealed record Counts(int Ran, int Cached, int UpToDate, int Failed, int Skipped);

    private sealed record ActionReport(string Kind, string Project, string Target, string Profile, string Output, string? Source, string Status, string Reason, long DurationMs);
}
