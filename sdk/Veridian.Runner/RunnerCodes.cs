namespace Veridian.Runner;

/// <summary>Codes VDN3100–VDN3149: running artifacts (<c>veridian run</c>). Each says what to do.</summary>
public static class RunnerCodes
{
    /// <summary>The artifact to run does not exist; build it first or check the path.</summary>
    public const string ArtifactNotFound = "VDN3101";

    /// <summary>The guest did not finish within the timeout; it may hang (no power-off) — raise <c>--timeout</c> or fix the guest.</summary>
    public const string Timeout = "VDN3102";

    /// <summary>QEMU (or the program's loader) could not start the artifact; the message carries QEMU's own error.</summary>
    public const string EmulatorFailed = "VDN3103";

    /// <summary>The emulator for the target is not installed; run <c>scripts/bootstrap-host</c>.</summary>
    public const string EmulatorMissing = "VDN3104";

    /// <summary>The artifact is not a program for the requested target (ELF machine or class differs); pass the right <c>--target</c>.</summary>
    public const string WrongMachine = "VDN3105";

    // VDN3106–VDN3108 (a folder's sources and build) belong to the build engine now: BuildCodes.NoSources, SourceNotFound, BuildFailed.

    /// <summary>The target cannot be run (no QEMU recipe applies, e.g. a user-subsystem VeridianOS program without an OS image yet).</summary>
    public const string NotRunnable = "VDN3109";

    /// <summary>The boot module (<c>--boot-module</c>) does not exist: pass a folder or a cpio archive.</summary>
    public const string BootModuleNotFound = "VDN3110";

    /// <summary>A file cannot go into a boot module: larger than newc's 4 GiB, or a device, socket or FIFO.</summary>
    public const string BootModuleTooLarge = "VDN3111";

    /// <summary>Arguments after <c>--</c> for a VeridianOS program: the kernel starts <c>/init</c> with argv = {"/init"} only; leave them out.</summary>
    public const string ArgumentsNotSupported = "VDN3112";

    /// <summary>The kernel ended the VeridianOS program (a fault: status 139); the message has the cause, pc and address to look up in the program.</summary>
    public const string ProgramCrashed = "VDN3113";

    /// <summary>The kernel could not start the VeridianOS program (errno 25 ENOEXEC: not a static ELF executable it can load); build it with <c>veridian cc --target &lt;arch&gt;-veridian-user-relibc</c>.</summary>
    public const string ProgramNotStarted = "VDN3114";
}
