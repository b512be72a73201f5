using Veridian.Build.Cache;
using Veridian.Build.Graph;
using Veridian.Build.Project;
using Veridian.Common;

namespace Veridian.Build.Execution;

/// <summary>
/// The build roots of a graph (<see cref="ProjectSpec.BuildRoot"/>: where each project's <c>out/</c> is), each locked
/// for the build (<c>out/.veridian/lock</c>) with its state file loaded; saved, then released, at the end.
/// </summary>
public sealed class BuildRoots : IDisposable
{
    private readonly List<FileLock> _locks = [];
    private readonly Dictionary<string, StateFile> _states = new(StringComparer.Ordinal);

    private BuildRoots()
    {
    }

    /// <summary>Every root's state file.</summary>
    public IEnumerable<StateFile> States => _states.Values;

    /// <summary>
    /// Locks every root of <paramref name="graph"/> (in ordinal order, so two builds cannot deadlock), loads its state,
    /// sweeps temps a killed build left. <paramref name="toolsHoldTheLock"/>: see <see cref="BuildOptions.ToolsHoldTheLock"/>.
    /// </summary>
    public static BuildRoots Open(ActionGraph graph, bool toolsHoldTheLock = false)
    {
        var roots = new BuildRoots();
        try
        {
            foreach (var dir in graph.Units.Select(u => u.Project.BuildRoot).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                roots._locks.Add(Lock(dir, toolsHoldTheLock));
                roots._states[dir] = StateFile.Load(dir);
            }
            foreach (var unit in graph.Units)
                SweepTemps(Path.Combine(unit.Project.Directory, unit.OutDir));
            return roots;
        }
        catch
        {
            roots.Dispose();
            throw;
        }
    }

    /// <summary>The state file of the root <paramref name="unit"/> builds in.</summary>
    public StateFile For(BuildUnit unit) => _states[unit.Project.BuildRoot];

    /// <summary>Records the new action records and file stamps in each root's state file; writes only the files that changed.</summary>
    public void Save(ActionGraph graph, IReadOnlyDictionary<string, ActionRecord> records, IEnumerable<KeyValuePair<string, FileStamp>> stamps, bool metadataChanged)
    {
        var allStamps = stamps.ToList();
        foreach (var (dir, state) in _states)
        {
            var changed = metadataChanged;
            foreach (var action in graph.Actions.Where(a => a.Unit.Project.BuildRoot == dir))
            {
                if (records.TryGetValue(action.OutputPath, out var record))
                {
                    state.Actions.TryGetValue(action.Output, out var old);
                    if (old != record && !Same(old, record))
                    {
                        state.Actions[action.Output] = record;
                        changed = true;
                    }
                }
            }
            foreach (var (path, stamp) in allStamps)
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

    public void Dispose()
    {
        foreach (var l in _locks)
            l.Dispose();
        _locks.Clear();
    }

    private static bool Same(ActionRecord? a, ActionRecord b) =>
        a is not null && a.Key == b.Key && a.OutputHash == b.OutputHash && a.Config == b.Config && a.Inputs.SequenceEqual(b.Inputs);

    /// <summary>
    /// Takes the build lock (<c>out/.veridian/lock</c> below a build root): a <see cref="FileLock"/>, waited for up to 60 s
    /// (VDN1122 after that: a second build of the same folder, or an orphaned tool of a killed one, takes turns rather than failing). When <paramref name="inherited"/>, every tool process the build starts inherits it, so it is held until the last process of the build is gone:
    /// when a build is killed (even by SIGKILL) its clang and lld children live on, still writing temps, and the next
    /// build waits for them instead of sweeping files in use.
    /// </summary>
    private static FileLock Lock(string dir, bool inherited)
    {
        var path = Path.Combine(dir, "out", ".veridian", "lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return FileLock.Acquire(path, TimeSpan.FromSeconds(60), inheritedByChildren: inherited);
        }
        catch (TimeoutException)
        {
            throw Diagnostics.DiagnosticException.Error(BuildCodes.ProjectBusy, $"another build of '{ProjectReader.DisplayPath(dir)}' is running",
                hint: "wait for it to finish, then build again");
        }
    }

    /// <summary>Deletes temp files a killed build left in an output folder (we hold the lock, which a killed build's surviving children hold until they exit, so none is in use).</summary>
    private static void SweepTemps(string outDir)
    {
        if (!Directory.Exists(outDir))
            return;
        foreach (var f in Directory.EnumerateFiles(outDir, AtomicFile.TempPrefix + "*", SearchOption.AllDirectories))
            AtomicFile.TryDelete(f);
    }
}
