using System.Collections.Concurrent;
using System.Diagnostics;
using Veridian.Build.Cache;
using Veridian.Build.Graph;
using Veridian.Build.Project;
using Veridian.Build.Toolchain;
using Veridian.Common;

namespace Veridian.Build.Execution;

/// <summary>
/// Runs an <see cref="ActionGraph"/>: up to N actions at once, each one up to date (its recorded result
/// still matches), restored from the <see cref="ActionCache"/>, or run by the toolchain.
/// </summary>
public sealed class Executor
{
    private readonly IBuildToolchain _toolchain;
    private readonly ActionCache _cache;
    private readonly Dictionary<string, StateFile> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<BuildAction, string> _outputHashes = new();
    private readonly ConcurrentDictionary<string, ActionRecord> _newRecords = new(StringComparer.Ordinal);
    private FileHasher _hasher = new([]);
    private int _stored;
    private bool _metadataChanged;

    public Executor(IBuildToolchain toolchain, ActionCache cache)
    {
        _toolchain = toolchain;
        _cache = cache;
    }

    /// <summary>Builds every action of <paramref name="graph"/>. Tool failures are reported in the result, not thrown.</summary>
    public BuildResult Run(ActionGraph graph, BuildOptions options, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var locks = new List<FileLock>();
        try
        {
            foreach (var dir in graph.Units.Select(u => u.Project.Directory).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                locks.Add(Lock(dir));
                _states[dir] = StateFile.Load(dir);
            }
            foreach (var unit in graph.Units)
                SweepTemps(Path.Combine(unit.Project.Directory, unit.OutDir));
            options.Phase?.Invoke("lock and load state", clock.Elapsed);
            return RunLocked(graph, options, cancel, clock);
        }
        finally
        {
            foreach (var l in locks)
                l.Dispose();
        }
    }

    /// <summary>Takes the project's build lock (<c>out/.veridian/lock</c>); released when the process dies, even by SIGKILL.</summary>
    private static FileLock Lock(string dir)
    {
        var path = Path.Combine(dir, "out", ".veridian", "lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return FileLock.Acquire(path, TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            throw Diagnostics.DiagnosticException.Error(BuildCodes.ProjectBusy, $"another build of '{Project.ProjectReader.DisplayPath(dir)}' is running",
                hint: "wait for it to finish, then build again");
        }
    }

    /// <summary>Deletes temp files a killed build left in an output folder (we hold the lock, so none is in use).</summary>
    private static void SweepTemps(string outDir)
    {
        if (!Directory.Exists(outDir))
            return;
        foreach (var f in Directory.EnumerateFiles(outDir, AtomicFile.TempPrefix + "*", SearchOption.AllDirectories))
            AtomicFile.TryDelete(f);
    }

    private BuildResult RunLocked(ActionGraph graph, BuildOptions options, CancellationToken cancel, Stopwatch clock)
    {
        _hasher = new FileHasher(_states.Values.SelectMany(s => s.Files));
        var phase = Stopwatch.StartNew();
        foreach (var unit in graph.Units)
        {
            // compile_commands.json depends only on the compile actions' configuration: skip when unchanged.
            var stamp = Sha256Hash.HexOfParts(graph.Actions.Where(a => a.Unit == unit && a.Kind == ActionKind.Compile).SelectMany(a => new[] { a.Output, ConfigKey(a) }));
            var state = _states[unit.Project.Directory];
            var path = Path.Combine(unit.Project.Directory, unit.OutDir, "compile_commands.json");
            if (!state.CompileCommands.TryGetValue(unit.OutDir, out var old) || old != stamp || !File.Exists(path))
            {
                CompileCommands.Write(unit, graph.Actions.Where(a => a.Unit == unit), _toolchain);
                state.CompileCommands[unit.OutDir] = stamp;
                _metadataChanged = true;
            }
            WriteKernelScript(unit);
        }
        options.Phase?.Invoke("compile_commands.json", phase.Elapsed);
        phase.Restart();

        var jobs = options.Jobs > 0 ? options.Jobs : Environment.ProcessorCount;
        var pending = graph.Actions.ToDictionary(a => a, a => a.Dependencies.Count());
        var dependents = graph.Actions.SelectMany(a => a.Dependencies.Select(d => (d, a))).ToLookup(p => p.d, p => p.a);
        var ready = new BlockingCollection<BuildAction>();
        var remaining = graph.Actions.Count;
        var failed = 0;
        var gate = new object();
        foreach (var a in graph.Actions.Where(a => pending[a] == 0))
            ready.Add(a);
        if (remaining == 0)
            ready.CompleteAdding();

        void Done(BuildAction action)
        {
            options.Finished?.Invoke(action);
            lock (gate)
            {
                if (action.Status is ActionStatus.Failed or ActionStatus.Skipped)
                    failed++;
                foreach (var d in dependents[action])
                {
                    if (--pending[d] == 0)
                        ready.Add(d);
                }
                if (--remaining == 0)
                    ready.CompleteAdding();
            }
        }

        var workers = Enumerable.Range(0, jobs).Select(_ => new Thread(() =>
        {
            foreach (var action in ready.GetConsumingEnumerable())
            {
                var sw = Stopwatch.StartNew();
                try
                {
                    bool stop;
                    lock (gate)
                        stop = failed > 0;
                    if (cancel.IsCancellationRequested || stop || action.Dependencies.Any(d => d.Status is ActionStatus.Failed or ActionStatus.Skipped or ActionStatus.Pending))
                    {
                        action.Status = ActionStatus.Skipped;
                        action.Reason = cancel.IsCancellationRequested ? "the build was interrupted" : "an earlier step failed";
                    }
                    else
                        Evaluate(action, options, cancel);
                }
                catch (OperationCanceledException)
                {
                    action.Status = ActionStatus.Skipped;
                    action.Reason = "the build was interrupted";
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
                {
                    action.Status = ActionStatus.Failed;
                    action.Reason = "the step could not run";
                    action.ToolOutput = e.Message;
                }
                action.Duration = sw.Elapsed;
                Done(action);
            }
        }) { IsBackground = true, Name = "veridian-build" }).ToList();
        foreach (var w in workers)
            w.Start();
        foreach (var w in workers)
            w.Join();

        options.Phase?.Invoke("actions", phase.Elapsed);
        phase.Restart();
        SaveStates(graph);
        if (_stored > 0)
            _cache.Trim();
        options.Phase?.Invoke("save state and trim cache", phase.Elapsed);
        var ok = graph.Actions.All(a => a.Status is ActionStatus.UpToDate or ActionStatus.Cached or ActionStatus.Ran);
        return new BuildResult(graph, clock.Elapsed, ok, cancel.IsCancellationRequested);
    }

    private void SaveStates(ActionGraph graph)
    {
        foreach (var (dir, state) in _states)
        {
            var changed = _metadataChanged;
            foreach (var action in graph.Actions.Where(a => a.Unit.Project.Directory == dir))
            {
                if (_newRecords.TryGetValue(action.OutputPath, out var record))
                {
                    state.Actions.TryGetValue(action.Output, out var old);
                    if (old != record && !Same(old, record))
                    {
                        state.Actions[action.Output] = record;
                        changed = true;
                    }
                }
            }
            foreach (var (path, stamp) in _hasher.Stamps)
            {
                if (!state.Files.TryGetValue(path, out var old) || old != stamp)
                {
                    state.Files[path] = stamp;
                    changed = true;
                }
            }
            if (changed)
                state.Save(dir);
        }
    }

    private static bool Same(ActionRecord? a, ActionRecord b) =>
        a is not null && a.Key == b.Key && a.OutputHash == b.OutputHash && a.Config == b.Config && a.Inputs.SequenceEqual(b.Inputs);

    private string ConfigKey(BuildAction action) => Sha256Hash.HexOfParts([
        "veridian-build-v1", ActionKinds.Name(action.Kind), _toolchain.Identity, action.Unit.Target.Facts,
        action.Language is { } l ? Languages.Name(l) : "", action.Source ?? "", action.Kind is ActionKind.Compile or ActionKind.Codegen ? action.OptLevel : "", .. action.Arguments]);

    private void Evaluate(BuildAction action, BuildOptions options, CancellationToken cancel)
    {
        var dir = action.Unit.Project.Directory;
        var state = _states[dir];
        state.Actions.TryGetValue(action.Output, out var previous);
        var config = ConfigKey(action);

        // Inputs: every edge with its content hash (outputs of earlier actions are already known).
        var inputs = new List<HeaderHash>();
        foreach (var edge in action.Inputs)
        {
            var hash = edge.Producer is { } p ? _outputHashes[p] : _hasher.Hash(Path.GetFullPath(Path.Combine(dir, edge.Path)));
            inputs.Add(new HeaderHash(edge.Path, hash ?? "missing"));
        }
        if (inputs.Find(i => i.Hash == "missing") is { } lost)
        {
            action.Status = ActionStatus.Failed;
            action.Reason = $"input '{lost.Path}' does not exist";
            return;
        }
        var baseKey = Sha256Hash.HexOfParts([config, .. inputs.SelectMany(i => new[] { i.Path, i.Hash })]);

        if (action.Kind == ActionKind.Compile)
        {
            // Headers read last time: if they all still hash the same, the key is the same.
            if (previous is not null && previous.BaseKey == baseKey && HeadersMatch(dir, previous.Inputs.Skip(inputs.Count)) && OutputMatches(action, previous))
            {
                UpToDate(action, previous);
                return;
            }
            foreach (var (key, headers) in _cache.Candidates(baseKey))
            {
                if (HeadersMatch(dir, headers) && TryRestore(action, key, baseKey, config, [.. inputs, .. headers], previous))
                    return;
            }
        }
        else
        {
            if (previous is not null && previous.Key == baseKey && OutputMatches(action, previous))
            {
                UpToDate(action, previous);
                return;
            }
            if (TryRestore(action, baseKey, baseKey, config, inputs, previous))
                return;
        }

        options.Started?.Invoke(action);
        RunTool(action, config, baseKey, inputs, previous, cancel);
    }

    private void UpToDate(BuildAction action, ActionRecord record)
    {
        action.Status = ActionStatus.UpToDate;
        action.Reason = "its inputs, flags and tools are unchanged since the last build";
        action.Headers = record.Inputs.Skip(action.Inputs.Count).Select(h => h.Path).ToList();
        _outputHashes[action] = record.OutputHash;
        _newRecords[action.OutputPath] = record;
    }

    private bool HeadersMatch(string dir, IEnumerable<HeaderHash> headers) =>
        headers.All(h => _hasher.Hash(Path.GetFullPath(Path.Combine(dir, h.Path))) == h.Hash);

    private bool OutputMatches(BuildAction action, ActionRecord record) => _hasher.Hash(action.OutputPath) == record.OutputHash;

    private bool TryRestore(BuildAction action, string key, string baseKey, string config, List<HeaderHash> allInputs, ActionRecord? previous)
    {
        var entry = _cache.Lookup(key);
        if (entry is null || entry.Files.Count != 1)
            return false;
        _hasher.Forget(action.OutputPath);
        if (!_cache.Restore(entry, [action.OutputPath]))
            return false;
        var hash = entry.Files[0].Hash;
        _hasher.Known(action.OutputPath, hash);
        _outputHashes[action] = hash;
        action.Status = ActionStatus.Cached;
        action.Reason = $"{WhyNotUpToDate(action, config, allInputs, previous)}; restored from the cache (key {key[..12]})";
        action.ToolOutput = entry.ToolOutput;
        action.Headers = entry.Headers.Select(h => h.Path).ToList();
        _newRecords[action.OutputPath] = new ActionRecord(config, baseKey, key, allInputs, hash);
        return true;
    }

    private void RunTool(BuildAction action, string config, string baseKey, List<HeaderHash> inputs, ActionRecord? previous, CancellationToken cancel)
    {
        var dir = action.Unit.Project.Directory;
        var temp = AtomicFile.TempBeside(action.OutputPath);
        var tempRel = Planner.Relative(dir, temp);
        string? depfile = null;
        try
        {
            StepResult result;
            switch (action.Kind)
            {
                case ActionKind.Compile:
                    depfile = temp + ".d";
                    result = _toolchain.Compile(Job(action), tempRel, Planner.Relative(dir, depfile), cancel);
                    break;
                case ActionKind.Codegen:
                    result = _toolchain.Codegen(Job(action), tempRel, cancel);
                    break;
                case ActionKind.Archive:
                    AtomicFile.TryDelete(temp);
                    result = _toolchain.Archive(LinkJob(action, null), tempRel, cancel);
                    break;
                case ActionKind.Link:
                    result = _toolchain.Link(LinkJob(action, LinkerScript(action)), tempRel, cancel);
                    break;
                case ActionKind.Copy:
                    File.Copy(Path.Combine(dir, action.Inputs[0].Path), temp, overwrite: true);
                    result = new StepResult(true, "");
                    break;
                default:
                    throw new InvalidOperationException($"no tool for {action.Kind}");
            }
            action.ToolOutput = result.Output;
            if (!result.Success || !File.Exists(temp))
            {
                action.Status = ActionStatus.Failed;
                action.Reason = "the tool reported errors";
                return;
            }
            var headers = new List<HeaderHash>();
            var key = baseKey;
            if (depfile is not null)
            {
                var source = action.Source!;
                // An assembler source without a preprocessor writes no depfile: it has no headers.
                foreach (var dep in File.Exists(depfile) ? Depfile.Parse(File.ReadAllText(depfile)) : [])
                {
                    if (dep == source)
                        continue;
                    var hash = _hasher.Hash(Path.GetFullPath(Path.Combine(dir, dep)));
                    if (hash is not null)
                        headers.Add(new HeaderHash(dep, hash));
                }
                key = Sha256Hash.HexOfParts([baseKey, .. headers.SelectMany(h => new[] { h.Path, h.Hash })]);
                action.Headers = headers.Select(h => h.Path).ToList();
            }
            var outputHash = Sha256Hash.HexOfFile(temp);
            _hasher.Forget(action.OutputPath);
            AtomicFile.Commit(temp, action.OutputPath, Durability.None);
            _hasher.Known(action.OutputPath, outputHash);
            _outputHashes[action] = outputHash;
            var all = new List<HeaderHash>([.. inputs, .. headers]);
            action.Reason = WhyNotUpToDate(action, config, all, previous);
            _cache.Store(key, [(Path.GetFileName(action.Output), action.OutputPath, outputHash)], headers, result.Output, action.Kind == ActionKind.Compile ? baseKey : null);
            Interlocked.Increment(ref _stored);
            _newRecords[action.OutputPath] = new ActionRecord(config, baseKey, key, all, outputHash);
            action.Status = ActionStatus.Ran;
        }
        finally
        {
            AtomicFile.TryDelete(temp);
            if (depfile is not null)
                AtomicFile.TryDelete(depfile);
        }
    }

    /// <summary>Says what changed since the recorded build, for --explain and the report.</summary>
    private string WhyNotUpToDate(BuildAction action, string config, List<HeaderHash> inputs, ActionRecord? previous)
    {
        if (previous is null)
            return "no earlier build of this output";
        if (previous.Config != config)
            return "its flags, target facts or tool versions changed";
        var old = previous.Inputs.GroupBy(i => i.Path).ToDictionary(g => g.Key, g => g.First().Hash, StringComparer.Ordinal);
        var changed = inputs.Where(i => old.TryGetValue(i.Path, out var h) && h != i.Hash).Select(i => i.Path).ToList();
        var added = inputs.Where(i => !old.ContainsKey(i.Path)).Select(i => i.Path).ToList();
        var parts = new List<string>();
        if (changed.Count > 0)
            parts.Add($"changed: {string.Join(", ", changed)}");
        if (added.Count > 0)
            parts.Add($"new inputs: {string.Join(", ", added)}");
        if (parts.Count == 0 && previous.Inputs.Count != inputs.Count)
            parts.Add("its set of inputs changed");
        if (parts.Count == 0)
            parts.Add("its output was missing or modified");
        return string.Join("; ", parts);
    }

    private static CompileJob Job(BuildAction action) =>
        new(action.Unit.Project.Directory, action.Source!, action.Language!.Value, action.Unit.Target, action.OptLevel, action.Arguments);

    private static LinkJob LinkJob(BuildAction action, string? script) =>
        new(action.Unit.Project.Directory, action.Inputs.Where(e => e.Producer is not null).Select(e => e.Path).ToList(), action.Unit.Target, action.Arguments, script);

    /// <summary>The linker script for a link: the project's, or the target's kernel script.</summary>
    private static string? LinkerScript(BuildAction action)
    {
        var unit = action.Unit;
        if (unit.Project.LinkerScript is { } own)
            return Planner.Relative(unit.Project.Directory, own);
        return unit.Project.Kind == ProjectKind.Kernel && unit.Target.KernelLinkerScript is not null ? unit.KernelScript : null;
    }

    /// <summary>Writes the target's kernel linker script into the unit's output folder when it is not already there.</summary>
    private static void WriteKernelScript(BuildUnit unit)
    {
        if (unit.Project.Kind != ProjectKind.Kernel || unit.Project.LinkerScript is not null || unit.Target.KernelLinkerScript is not { } text)
            return;
        var path = Path.Combine(unit.Project.Directory, unit.KernelScript);
        if (!File.Exists(path) || File.ReadAllText(path) != text)
            AtomicFile.Write(path, text, Durability.None);
    }
}
