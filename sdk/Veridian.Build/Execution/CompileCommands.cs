using System.Text.Json;
using Veridian.Build.Graph;
using Veridian.Build.Toolchain;
using Veridian.Common;

namespace Veridian.Build.Execution;

/// <summary>Writes <c>out/&lt;triple&gt;/&lt;profile&gt;/compile_commands.json</c> (clang's JSON compilation database) for a unit.</summary>
public static class CompileCommands
{
    public static void Write(BuildUnit unit, IEnumerable<BuildAction> actions, IBuildToolchain toolchain)
    {
        var dir = unit.Project.Directory;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var a in actions.Where(a => a.Kind == ActionKind.Compile).OrderBy(a => a.Source, StringComparer.Ordinal))
            {
                var job = ToolStep.Job(a);
                w.WriteStartObject();
                w.WriteString("directory", dir);
                w.WriteString("file", a.Source);
                w.WriteStartArray("arguments");
                foreach (var arg in toolchain.FrontEndCommand(job, a.Output))
                    w.WriteStringValue(arg);
                w.WriteEndArray();
                w.WriteString("output", a.Output);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        buffer.WriteByte((byte)'\n');
        var path = Path.Combine(dir, unit.OutDir, "compile_commands.json");
        var bytes = buffer.ToArray();
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            return;
        AtomicFile.Write(path, bytes, Durability.None);
    }
}
