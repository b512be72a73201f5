using Veridian.Triples;

namespace Veridian.Toolchain;

/// <summary>The kernel linker script the link step uses for kernel-subsystem targets (branch run's emitter in Veridian.Triples).</summary>
public static class KernelLinkerScript
{
    /// <summary>The script text for <paramref name="target"/> (deterministic).</summary>
    public static string For(TargetInfo target) => LinkerScriptEmitter.Emit(target);
}
