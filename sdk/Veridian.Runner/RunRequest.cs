using Veridian.Triples;

namespace Veridian.Runner;

/// <summary>What to run, for which target, and how long to wait.</summary>
public sealed record RunRequest
{
    /// <summary>The resolved target; its <see cref="TargetInfo.Qemu"/> recipe decides how the artifact runs.</summary>
    public required TargetInfo Target { get; init; }

    /// <summary>The ELF image or program to run.</summary>
    public required string Artifact { get; init; }

    /// <summary>Arguments for a Linux program or a VeridianOS program (after argv[0]; ignored for kernel images).</summary>
    public IReadOnlyList<string> ProgramArgs { get; init; } = [];

    /// <summary>For VeridianOS programs: the environment (NAME=VALUE strings); null: <see cref="UserProgramRunner.DefaultEnvironment"/>.</summary>
    public IReadOnlyList<string>? Environment { get; init; }

    /// <summary>For VeridianOS programs: folders whose files go into the image's file tree beside the program (installed packages).</summary>
    public IReadOnlyList<string> ImageTrees { get; init; } = [];

    /// <summary>For VeridianOS programs: a folder to keep the OS image in — <c>kernel</c> (the ELF booted) and <c>boot-module.cpio</c> — written before it boots.</summary>
    public string? SaveImage { get; init; }

    /// <summary>For kernel images: the boot module (a cpio archive, docs/boot-image.md) QEMU loads as the initrd.</summary>
    public string? BootModule { get; init; }

    /// <summary>How long the guest may run before it is stopped and <see cref="RunnerCodes.Timeout"/> is reported.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the guest's console output is copied as it arrives (null: only captured in <see cref="RunResult.Output"/>).</summary>
    public TextWriter? Output { get; init; }

    /// <summary>Where QEMU's own error output is copied as it arrives (null: only captured).</summary>
    public TextWriter? Error { get; init; }

    /// <summary>For kernels: QEMU machine options merged into the recipe's (<c>-M virtualization=on</c> for <c>virtualization=on</c>).</summary>
    public string? MachineOptions { get; init; }

    /// <summary>For kernels: QEMU's <c>-icount shift=N</c> (deterministic instruction counting: bench/ipc.sh); null: off.</summary>
    public int? IcountShift { get; init; }

    /// <summary>Pass this process's stdin through (interactive use; a kernel's console reads it); otherwise the guest reads end-of-file (a Linux program) or nothing (a kernel).</summary>
    public bool InheritStdin { get; init; }
}
