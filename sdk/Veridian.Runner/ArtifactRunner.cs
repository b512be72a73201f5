using System.Text.RegularExpressions;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Runner;

/// <summary>
/// Runs an artifact for its target: kernel images under <c>qemu-system-&lt;arch&gt;</c> with the target's recipe
/// (console on stdout), Linux programs under <c>qemu-&lt;arch&gt;</c> or natively. The guest's exit status is
/// recovered through the recipe's exit method (<see cref="QemuRecipe.GuestExitCode"/>, else
/// <see cref="ConsoleExitProtocol"/>). Thread-safe: tests run many guests in parallel.
/// </summary>
public static partial class ArtifactRunner
{
    /// <summary>Runs the request to completion. Throws <see cref="DiagnosticException"/> (VDN31xx) when it cannot run or times out.</summary>
    public static RunResult Run(RunRequest request) => RunAsync(request).GetAwaiter().GetResult();

    /// <inheritdoc cref="Run"/>
    public static async Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken = default)
    {
        var target = request.Target;
        var artifact = Path.GetFullPath(request.Artifact);
        if (!File.Exists(artifact))
        {
            throw DiagnosticException.Error(RunnerCodes.ArtifactNotFound, $"'{request.Artifact}' does not exist",
                hint: "build it first, or pass a sample folder to build and run it: veridian run --target <triple> <folder>");
        }
        ElfCheck.Require(artifact, target);
        DirectoryInfo? scratch = null;
        try
        {
            string? module = null;
            if (request.BootModule is { } bootModule && target.Qemu.Mode == QemuMode.System)
            {
                scratch = Directory.CreateTempSubdirectory("veridian-run-");
                module = PrepareBootModule(bootModule, scratch.FullName);
                if (target.Arch == Arch.AArch64)
                {
                    // QEMU's virt loads an initrd only beside a Linux-protocol Image, never an ELF (Arm64Image).
                    var image = Path.Combine(scratch.FullName, "Image");
                    File.WriteAllBytes(image, Arm64Image.FromElf(artifact));
                    artifact = image;
                }
            }
            return await RunCommand(request, target, artifact, module, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            scratch?.Delete(recursive: true);
        }
    }

    /// <summary>A boot module as QEMU takes it: a cpio archive as it is, a folder packed (<see cref="BootModule"/>) into <paramref name="scratch"/>.</summary>
    private static string PrepareBootModule(string path, string scratch)
    {
        if (File.Exists(path))
            return Path.GetFullPath(path);
        var archive = Path.Combine(scratch, "boot-module.cpio");
        File.WriteAllBytes(archive, BootModule.FromFolder(path));
        return archive;
    }

    private static async Task<RunResult> RunCommand(RunRequest request, TargetInfo target, string artifact, string? module, CancellationToken cancellationToken)
    {
        var command = RunCommandLine.For(target, artifact, request.ProgramArgs, module, request.MachineOptions, request.IcountShift);
        var program = ResolveProgram(command[0], target);

        var run = await ProcessRunner.RunAsync(new ProcessRequest(program, command.Skip(1).ToList())
        {
            // The guest reads end-of-file (or, a kernel, nothing), never the terminal, unless run interactively:
            // then a Linux program reads stdin, and a kernel's console (QEMU's -serial stdio) receives it.
            Stdin = request.InheritStdin ? null : "",
            StdoutEcho = request.Output,
            StderrEcho = request.Error,
            Timeout = request.Timeout,
        }, cancellationToken).ConfigureAwait(false);
        var stdout = Normalise(run.StdOut);
        if (run.TimedOut)
        {
            throw DiagnosticException.Error(RunnerCodes.Timeout,
                $"{target.Canonical}: '{Path.GetFileName(artifact)}' did not finish within {request.Timeout.TotalSeconds:0.#} s" +
                (stdout.Length == 0 ? " and wrote nothing" : $"; its last output: {LastLine(stdout)}"),
                hint: "the guest never powered off (a hang, or a missing exit path); raise --timeout if it is only slow");
        }
        var guest = GuestStatus(target, run.ExitCode, stdout, run.StdErr, command[0]);
        return new RunResult(guest, run.ExitCode, stdout, run.StdErr, command, run.Elapsed);
    }

    /// <summary>The guest's status from the emulator's status, its console, and its stderr.</summary>
    internal static int GuestStatus(TargetInfo target, int status, string stdout, string stderr, string emulator)
    {
        var recipe = target.Qemu;
        if (recipe.Mode == QemuMode.System && status != 0 && stderr.Contains($"{emulator}: ", StringComparison.Ordinal))
        {
            // QEMU reports its own failures (bad image, missing firmware) on stderr, prefixed with its name, and
            // exits 1 — which isa-debug-exit would otherwise read as guest status 0.
            throw DiagnosticException.Error(RunnerCodes.EmulatorFailed, $"{emulator} failed: {FirstLine(stderr)}",
                hint: "check that the image is a kernel for this target, linked at its load address");
        }
        var fromConsole = recipe.Mode == QemuMode.System ? ConsoleExitProtocol.Find(stdout) : null;
        if (recipe.GuestExitCode(status) is { } code)
            return code != 0 || fromConsole is null ? code : fromConsole.Value;
        if (fromConsole is { } reported)
            return reported;
        if (status == 0)
            return 0;
        throw DiagnosticException.Error(RunnerCodes.EmulatorFailed, $"{emulator} exited with status {status}: {FirstLine(stderr)}",
            hint: "the guest stopped in an unexpected way");
    }

    private static string ResolveProgram(string program, TargetInfo target) =>
        ProcessRunner.FindOnPath(program) ?? throw DiagnosticException.Error(RunnerCodes.EmulatorMissing, $"{program} (needed to run {target.Canonical}) is not installed",
            hint: "run scripts/bootstrap-host, or install the package listed for it in scripts/host-packages.txt", exitCode: ExitCodes.HostMissing);

    /// <summary>Serial consoles end lines with CR LF (OpenSBI's putchar adds another CR); results use LF.</summary>
    internal static string Normalise(string s) => LineEnd().Replace(s, "\n");

    [GeneratedRegex("\r+\n")]
    private static partial Regex LineEnd();

    private static string FirstLine(string s)
    {
        var line = s.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim();
        return string.IsNullOrEmpty(line) ? "(no message)" : line;
    }

    private static string LastLine(string s) =>
        s.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "";
}
