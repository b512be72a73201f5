using System.Runtime.InteropServices;
using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Runner;

/// <summary>The command that runs an artifact for a target, read from the target's QEMU recipe.</summary>
public static class RunCommandLine
{
    /// <summary>
    /// Program first: <c>qemu-system-&lt;arch&gt; &lt;recipe args&gt; [-M &lt;machine options&gt;] -kernel &lt;elf&gt; [-initrd &lt;module&gt;]</c> for kernels,
    /// <c>qemu-&lt;arch&gt; -L /usr/&lt;arch&gt;-linux-gnu &lt;elf&gt; &lt;args&gt;</c> for Linux programs, the program itself
    /// when the host runs it natively.
    /// </summary>
    public static IReadOnlyList<string> For(TargetInfo target, string artifact, IReadOnlyList<string> programArgs, string? bootModule = null, string? machineOptions = null, int? icountShift = null)
    {
        if (target.Os == Os.Veridian && target.Subsystem != Subsystem.Kernel)
        {
            throw DiagnosticException.Error(RunnerCodes.NotRunnable,
                $"'{target.Canonical}' programs run inside the VeridianOS kernel, not on QEMU by themselves",
                hint: "run them with UserProgramRunner.Run and a kernel image (`veridian run --target " + target.Canonical + " <program>` builds the kernel and does so)");
        }
        var recipe = target.Qemu;
        // QEMU merges a second -M into the first (its machine options are a merged list).
        string[] machine = recipe.Mode == QemuMode.System && !string.IsNullOrEmpty(machineOptions) ? ["-M", machineOptions] : [];
        // -icount shift=N: the guest's clock advances 2^N ns per executed instruction, so its cycle counters count instructions.
        if (recipe.Mode == QemuMode.System && icountShift is int shift)
            machine = [.. machine, "-icount", $"shift={shift}"];
        return recipe.Mode switch
        {
            QemuMode.System when bootModule is not null => [recipe.Binary, .. recipe.Args, .. machine, "-kernel", artifact, "-initrd", bootModule],
            QemuMode.System => [recipe.Binary, .. recipe.Args, .. machine, "-kernel", artifact],
            QemuMode.User => [recipe.Binary, .. recipe.Args, artifact, .. programArgs],
            QemuMode.Native => HostRunsNatively(target.Arch)
                ? [artifact, .. programArgs]
                : [$"qemu-{target.Arch.QemuName()}", "-L", $"/usr/{target.Arch.LinuxMultiarch()}", artifact, .. programArgs],
        };
    }

    private static bool HostRunsNatively(Arch arch) => arch switch
    {
        Arch.X86_64 => RuntimeInformation.OSArchitecture == Architecture.X64,
        Arch.AArch64 => RuntimeInformation.OSArchitecture == Architecture.Arm64,
        Arch.RiscV64 => RuntimeInformation.OSArchitecture == Architecture.RiscV64,
    };
}
