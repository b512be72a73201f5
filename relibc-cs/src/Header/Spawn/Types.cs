using System.Runtime.InteropServices;

namespace Relibc.Header.Spawn;

// spawn.h's types: the same sizes on all three targets (glibc's sizes on x86_64: 336 and 80 bytes, with room to grow);
// the header declares each as an opaque union of the size given here (tests/Veridian.Relibc.Tests/HeaderTests.cs
// compares them).

/// <summary><c>posix_spawnattr_t</c>: the POSIX_SPAWN_ flags and what each one applies.</summary>
[StructLayout(LayoutKind.Sequential, Size = 336)]
public struct SpawnAttributes
{
    public int Flags;
    public int ProcessGroup;
    public ulong DefaultSignals;
    public ulong SignalMask;
    public int Priority;
    public int Policy;
}

/// <summary><c>posix_spawn_file_actions_t</c>: a growing array of <see cref="FileAction"/> in the allocator.</summary>
[StructLayout(LayoutKind.Sequential, Size = 80)]
public unsafe struct FileActions
{
    public int Allocated;
    public int Used;
    public FileAction* Actions;
}

/// <summary>One file action: open <see cref="Path"/> (a copy) onto <see cref="Fd"/>, close <see cref="Fd"/>, or dup2 <see cref="Fd"/> onto <see cref="Target"/>.</summary>
public unsafe struct FileAction
{
    public int Kind;
    public int Fd;
    public int Target;
    public int OpenFlags;
    public uint Mode;
    public byte* Path;
}
