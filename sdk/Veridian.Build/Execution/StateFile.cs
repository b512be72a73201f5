using System.Text.Json;
using Veridian.Build.Cache;
using Veridian.Common;

namespace Veridian.Build.Execution;

/// <summary>A file's size and mtime when its hash was taken: the same stat means the same hash.</summary>
public sealed record FileStamp(long Size, long MtimeTicks, string Hash);

/// <summary>What the last build of one action produced: keys, the inputs they covered, the output's hash.</summary>
public sealed record ActionRecord(string Config, string BaseKey, string Key, List<HeaderHash> Inputs, string OutputHash);

/// <summary>
/// A project's build state, <c>out/.veridian/state.json</c>: file stamps and one record per output.
/// It is only a shortcut: a missing or damaged state makes the next build consult the cache instead.
/// </summary>
public sealed class StateFile
{
    public Dictionary<string, FileStamp> Files { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, ActionRecord> Actions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per output folder, the hash of the compile configuration compile_commands.json was written for.</summary>
    public Dictionary<string, string> CompileCommands { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The state file of the project in <paramref name="projectDir"/>.</summary>
    public static string PathFor(string projectDir) => Path.Combine(projectDir, "out", ".veridian", "state.json");

    public static StateFile Load(string projectDir)
    {
        var path = PathFor(projectDir);
        try
        {
            if (File.Exists(path))
                return JsonSerializer.Deserialize(File.ReadAllBytes(path), BuildJson.Default.StateFile) ?? new StateFile();
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
        }
        return new StateFile();
    }

    public void Save(string projectDir) =>
        AtomicFile.Write(PathFor(projectDir), JsonSerializer.SerializeToUtf8Bytes(this, BuildJson.Default.StateFile), Durability.None);
}
