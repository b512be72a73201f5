using Veridian.Common;
using Veridian.Triples;
using Veridian.Triples.Emit;

namespace Veridian.Toolchain;

/// <summary>
/// The kernel linker script of kernel-subsystem targets (its text comes from <see cref="LinkerScriptEmitter"/>): the
/// one writer of it, for the linker, <c>veridian ld</c> and the build engine's <c>out/&lt;triple&gt;/&lt;profile&gt;/kernel.ld</c>.
/// </summary>
public static class KernelLinkerScript
{
    /// <summary>The script text for <paramref name="target"/> (deterministic).</summary>
    public static string For(TargetInfo target) => LinkerScriptEmitter.Emit(target);

    /// <summary>Writes the script for <paramref name="target"/> to <paramref name="path"/> (atomically; untouched when it already holds it).</summary>
    public static string Write(TargetInfo target, string path)
    {
        var text = For(target);
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            AtomicFile.Write(path, text, Durability.None);
        }
        return path;
    }
}
