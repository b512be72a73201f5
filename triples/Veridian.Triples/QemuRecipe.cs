namespace Veridian.Triples;

/// <summary>
/// How <c>veridian run</c> runs a target's binaries under QEMU (or natively). For <see cref="QemuMode.System"/> the
/// command is <c>Binary Args... -kernel &lt;elf&gt;</c>; for <see cref="QemuMode.User"/> it is <c>Binary Args... &lt;elf&gt; program-args</c>;
/// for <see cref="QemuMode.Native"/> the program runs directly.
/// </summary>
public sealed record QemuRecipe
{
    public required QemuMode Mode { get; init; }

    /// <summary>The executable, e.g. <c>qemu-system-x86_64</c>, <c>qemu-aarch64</c>; empty for <see cref="QemuMode.Native"/>.</summary>
    public required string Binary { get; init; }

    /// <summary><c>-M</c> value (<c>pc</c>, <c>virt</c>); empty for user mode.</summary>
    public required string Machine { get; init; }

    /// <summary><c>-cpu</c> value; empty when QEMU's default is used.</summary>
    public required string Cpu { get; init; }

    /// <summary><c>-m</c> value, e.g. <c>128M</c>; empty for user mode.</summary>
    public required string Memory { get; init; }

    /// <summary><c>-bios</c> value (<c>default</c> = QEMU's OpenSBI on riscv64); empty when the machine's built-in firmware is used.</summary>
    public required string Firmware { get; init; }

    /// <summary>Where the guest's console output goes, e.g. "COM1 (16550, I/O 0x3f8) on stdio".</summary>
    public required string Console { get; init; }

    /// <summary>How the guest stops QEMU and how its status is recovered.</summary>
    public required ExitMethod Exit { get; init; }

    /// <summary>The exit device's QEMU argument or address, e.g. <c>isa-debug-exit,iobase=0xf4,iosize=0x04</c>.</summary>
    public required string ExitDevice { get; init; }

    /// <summary>Every argument before <c>-kernel &lt;elf&gt;</c> (system) or before the program (user), in order.</summary>
    public required IReadOnlyList<string> Args { get; init; }

    /// <summary>
    /// The guest's exit code recovered from QEMU's exit status, or null when the status carries no guest code
    /// (then QEMU failed, or the guest's status must come from its console output).
    /// </summary>
    public int? GuestExitCode(int qemuStatus) => Exit switch
    {
        ExitMethod.IsaDebugExit => qemuStatus == 0 ? 0 : (qemuStatus & 1) == 1 ? qemuStatus >> 1 : null,
        ExitMethod.PsciSystemOff => null,
        ExitMethod.Semihosting => qemuStatus,
        ExitMethod.SifiveTest => qemuStatus,
        ExitMethod.ProcessExit => qemuStatus,
    };
}
