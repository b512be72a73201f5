using System.Collections.Concurrent;
using System.Diagnostics;
using Veridian.Build.Cache;
using Veridian.Build.Graph;
using Veridian.Build.Project;
using Veridian.Build.Toolchain;
using Veridian.Common;

namespace Veridian.Build.Execution;

/// <summary>
/// Runs an <see cref="ActionGraph"/>, composing parts that each do one thing: <see cref="BuildRoots"/> (lock and
/// state), <see cref="Scheduler"/> (dependency order, N at once, stop on failure or cancellation),
/// <see cref="ActionKeys"/>, <see cref="UpToDateCheck"/>, <see cref="CacheRestore"/> and <see cref="ToolStep"/>.
/// Every action ends up to date, restored from the <see cref="ActionCache"/>, run by the toolchain, failed, or skipped;
/// the outcomes are the <see cref="BuildResult"/>'s, the graph is not changed.
/// </summary>
public sealed class Executor(IBuildToolchain toolchain, ActionCache cache)
{
    private readonly ActionKeys _keys = new(toolchain);

    /// <summary>Builds every action of <paramref name="graph"/>. Tool failures are reported in the result, not thrown.</summary>
    public BuildResult Run(ActionGraph graph, BuildOptions options, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        using var roots = BuildRoots.Open(graph, options.ToolsHoldTheLock);
        options.Phase?.Invoke("lock and load state", clock.Elapsed);

        var phase = Stopwatch.StartNew();
        var memory = new BuildMemory(new FileHasher(roots.States.SelectMany(s => s.Files)));
        var metadataChanged = WriteUnitFiles(graph, roots);
        options.Phase?.Invoke("compile_commands.json", phase.Elapsed);
        phase.Restart();

        var outcomes = new ConcurrentDictionary<BuildAction, ActionOutcome>();
        var restore = new CacheRestore(cache, memory);
        var tool = new ToolStep(toolchain, cache, memory);
        Scheduler.Run(graph.Actions, a => a.Dependencies, options.Jobs > 0 ? options.Jobs : Environment.ProcessorCount,
            run: action =>
            {
                var sw = Stopwatch.StartNew();
                ActionOutcome outcome;
                try
                {
                    outcome = Evaluate(action, roots.For(action.Unit), memory, restore, tool, options, cancel);
                }
                catch (OperationCanceledException)
                {
                    outcome = ActionOutcome.Of(ActionStatus.Skipped, "the build was interrupted");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
                {
                    outcome = ActionOutcome.Of(ActionStatus.Failed, "the step could not run", e.Message);
                }
                outcome = outcome with { Duration = sw.Elapsed };
                outcomes[action] = outcome;
                options.Finished?.Invoke(action, outcome);
                return outcome.Succeeded;
            },
            skip: (action, cancelled) =>
            {
                var outcome = ActionOutcome.Of(ActionStatus.Skipped, cancelled ? "the build was interrupted" : "an earlier step failed");
                outcomes[action] = outcome;
                options.Finished?.Invoke(action, outcome);
            },
            cancel);
        options.Phase?.Invoke("actions", phase.Elapsed);

        phase.Restart();
        roots.Save(graph, memory.Records, memory.Hasher.Stamps, metadataChanged);
        if (memory.Stored > 0)
            cache.Trim();
        options.Phase?.Invoke("save state and trim cache", phase.Elapsed);
        var ok = graph.Actions.All(a => outcomes.TryGetValue(a, out var o) && o.Succeeded);
        return new BuildResult(graph, outcomes, clock.Elapsed, ok, cancel.IsCancellationRequested);
    }

    /// <summary>One action: up to date, else restored from the cache, else run.</summary>
    private ActionOutcome Evaluate(BuildAction action, StateFile state, BuildMemory memory, CacheRestore restore, ToolStep tool, BuildOptions options, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        var dir = action.Unit.Project.Directory;
        state.Actions.TryGetValue(action.Output, out var previous);
        var config = _keys.Config(action);

        // Inputs: every edge with its content hash (outputs of earlier actions are already known).
        var inputs = new List<HeaderHash>();
        foreach (var edge in action.Inputs)
        {
            var hash = edge.Producer is { } p ? memory.OutputHashes[p] : memory.Hasher.Hash(Path.GetFullPath(Path.Combine(dir, edge.Path)));
            inputs.Add(new HeaderHash(edge.Path, hash ?? "missing"));
        }
        if (inputs.Find(i => i.Hash == "missing") is { } lost)
            return ActionOutcome.Of(ActionStatus.Failed, $"input '{lost.Path}' does not exist");
        var baseKey = ActionKeys.Base(config, inputs);

        if (UpToDateCheck.Holds(action, previous, baseKey, memory))
            return UpToDateCheck.Accept(action, previous!, memory);
        if (restore.TryRestore(action, config, baseKey, inputs, previous) is { } restored)
            return restored;
        options.Started?.Invoke(action);
        return tool.Run(action, config, baseKey, inputs, previous, cancel);
    }

    /// <summary>Per unit: compile_commands.json (when its compile configuration changed) and the kernel linker script. True when state changed.</summary>
    private bool WriteUnitFiles(ActionGraph graph, BuildRoots roots)
    {
        var changed = false;
        foreach (var unit in graph.Units)
        {
            var stamp = Sha256Hash.HexOfParts(graph.Actions.Where(a => a.Unit == unit && a.Kind == ActionKind.Compile).SelectMany(a => new[] { a.Output, _keys.Config(a) }));
            var state = roots.For(unit);
            var path = Path.Combine(unit.Project.Directory, unit.OutDir, "compile_commands.json");
            if (!state.CompileCommands.TryGetValue(unit.OutDir, out var old) || old != stamp || !File.Exists(path))
            {
                CompileCommands.Write(unit, graph.Actions.Where(a => a.Unit == unit), toolchain);
                state.CompileCommands[unit.OutDir] = stamp;
                changed = true;
            }
            if (unit.Project.Kind == ProjectKind.Kernel && unit.Project.LinkerScript is null && unit.Target.KernelLinkerScript is not null)
                global::Veridian.Toolchain.KernelLinkerScript.Write(unit.Target.Info, Path.Combine(unit.Project.Directory, unit.KernelScript));
        }
        return changed;
    }
}
