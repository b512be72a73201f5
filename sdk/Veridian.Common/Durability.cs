namespace Veridian.Common;

/// <summary>How hard an <see cref="AtomicFile"/> write tries to survive a crash. Every caller states it (docs/architecture.md, Veridian.Common).</summary>
public enum Durability
{
    /// <summary>
    /// Temp file + rename, no fsync: a killed process never leaves a half-written file, but a power loss may
    /// lose or tear the newest writes. For data that is checked on the way back in (the build cache) or can be
    /// made again (outputs, generated files).
    /// </summary>
    None,

    /// <summary>
    /// Temp file, fsync of the file, rename, fsync of the directory: once the call returns, the new content
    /// survives a power loss. For state nothing else can rebuild (a sysroot's database and journal, keys).
    /// </summary>
    Flush,
}
