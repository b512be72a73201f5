using System.CommandLine;
using Veridian.Build;
using Veridian.Cli.Console;
using Veridian.Diagnostics;
using Veridian.Runner;
using Veridian.Triples;

namespace Veridian.Cli.Commands;

/// <summary>
/// <c>veridian run --target T &lt;artifact|folder&gt; [-- args]</c>: runs a kernel image under qemu-system, a Linux
/// program under qemu-user (or natively), or a VeridianOS program as /init beside the SDK's kernel; a folder is built
/// first (docs/run.md). Exits with the guest's status.
/// </summary>
internal sealed class RunCommand : Command
{
    private readonly Option<string> _target = new("--target", "-t")
    {
        Description = "The target triple, e.g. aarch64-veridian-kernel-none or riscv64-linux-gnu.",
        Required = true,
    };

    private readonly Option<double> _timeout = new("--timeout")
    {
        Description = "Seconds the guest may run before it is stopped (error VDN3102).",
        DefaultValueFactory = _ => 30,
    };

    private readonly Option<string?> _bootModule = new("--boot-module")
    {
        Description = "For kernels: the boot module QEMU loads as the initrd — a cpio archive, or a folder packed on the fly (docs/boot-image.md).",
    };

    private readonly Option<string?> _machine = new("--machine-options")
    {
        Description = "For kernels: QEMU machine options added to the target's (e.g. virtualization=on: aarch64 enters at EL2).",
    };

    private readonly Option<int?> _icount = new("--icount")
    {
        Description = "For kernels: QEMU's -icount shift=N — the guest's clock and cycle counters advance 2^N ns per instruction (N = 0: they count instructions).",
    };

    private readonly Option<string[]> _env = new("--env", "-e")
    {
        Description = "For VeridianOS programs: NAME=VALUE in the program's environment (repeatable; without any: PATH=/bin HOME=/).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string[]> _with = new("--with")
    {
        Description = "For VeridianOS programs: a .vpkg installed into the image's file tree beside /init (repeatable; one transaction, verified against the --trust keys).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string[]> _trust = new("--trust")
    {
        Description = "A public key file (veridian pkg key new) that the --with packages may be signed by, for every channel (repeatable).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string[]> _files = new("--files")
    {
        Description = "For VeridianOS programs: a folder whose files go into the image's file tree beside /init (repeatable; after the --with packages).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _saveImage = new("--save-image")
    {
        Description = "For VeridianOS programs: keep the OS image in this folder (kernel, boot-module.cpio) — the same program, arguments and packages give the same bytes.",
    };

    private readonly Argument<string> _path = new("path")
    {
        Description = "An ELF image or program, or a folder to build first (its veridian.toml, else its 'sources' list, else every .c/.cpp/.S in it and in <arch>/).",
    };

    private readonly Argument<string[]> _args = new("args")
    {
        Description = "Arguments for the program (after --): argv[1]… of a Linux or VeridianOS program.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public RunCommand()
        : base("run", "Run a kernel image or program for its target under QEMU; a folder is built first. Exits with the guest's status.")
    {
        Options.Add(_target);
        Options.Add(_timeout);
        Options.Add(_bootModule);
        Options.Add(_machine);
        Options.Add(_icount);
        Options.Add(_env);
        Options.Add(_with);
        Options.Add(_trust);
        Options.Add(_files);
        Options.Add(_saveImage);
        Arguments.Add(_path);
        Arguments.Add(_args);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var terminal = Terminal.From(parse);
        var target = TargetDatabase.Resolve(parse.GetValue(_target)!);
        var path = parse.GetValue(_path)!;
        var timeout = parse.GetValue(_timeout);
        if (!(timeout > 0))
            throw DiagnosticException.Error(CliCodes.BadArguments, $"--timeout must be a positive number of seconds, not {timeout}");
        if (parse.GetValue(_icount) is int shift && (shift < 0 || shift > 10))
            throw DiagnosticException.Error(CliCodes.BadArguments, $"--icount takes a shift from 0 to 10 (2^N ns per instruction), not {shift}");

        var userProgram = target.Os == Os.Veridian && target.Subsystem == Subsystem.User;
        foreach (var (option, what) in new (Option, string)[] { (_env, "sets a VeridianOS program's environment"), (_with, "installs packages into a VeridianOS image"),
                     (_trust, "trusts keys for --with"), (_files, "adds files to a VeridianOS image"), (_saveImage, "keeps a VeridianOS image") })
        {
            if (!userProgram && parse.GetResult(option) is { Implicit: false })
                throw DiagnosticException.Error(CliCodes.BadArguments, $"{option.Name} {what}; {target.Canonical} is not a VeridianOS user target", hint: $"leave {option.Name} out, or run a program built for <arch>-veridian-user-relibc");
        }
        var packages = parse.GetValue(_with) ?? [];
        if (packages.Length == 0 && parse.GetValue(_trust) is { Length: > 0 })
            throw DiagnosticException.Error(CliCodes.BadArguments, "--trust names keys for --with packages, and no --with was given", hint: "add --with <package.vpkg>, or leave --trust out");
        string artifact;
        if (Directory.Exists(path))
        {
            if (userProgram)
                Veridian.Build.Sysroot.SysrootBuilder.Ensure(target, Veridian.Common.SdkLayout.DefaultSysroot);
            // A folder is a project: its veridian.toml (release profile), or an implicit one (docs/run.md, "samples").
            var build = new BuildEngine().BuildFolder(path, target);
            terminal.Note($"built {Path.GetRelativePath(Environment.CurrentDirectory, build.Output)} from {build.Sources.Count} sources");
            artifact = build.Output;
        }
        else
        {
            artifact = path;
        }

        var request = new RunRequest
        {
            Target = target,
            Artifact = artifact,
            ProgramArgs = parse.GetValue(_args) ?? [],
            Environment = parse.GetValue(_env) is { Length: > 0 } env ? env : null,
            SaveImage = parse.GetValue(_saveImage) is { Length: > 0 } save ? Path.GetFullPath(save) : null,
            BootModule = parse.GetValue(_bootModule),
            MachineOptions = parse.GetValue(_machine),
            IcountShift = parse.GetValue(_icount),
            Timeout = TimeSpan.FromSeconds(timeout),
            Output = terminal.Out,
            Error = terminal.Err,
            InheritStdin = true,
        };
        RunResult result;
        if (userProgram)
        {
            // A VeridianOS program runs as /init beside the SDK's kernel, built like `veridian run ... kernel` builds it.
            var kernel = new BuildEngine().BuildFolder(KernelSources(), UserProgramRunner.KernelTargetFor(target));
            terminal.Note($"kernel {Path.GetRelativePath(Environment.CurrentDirectory, kernel.Output)}");
            using var image = packages.Length == 0 ? null : ImagePackages.Install(target, packages, parse.GetValue(_trust) ?? [], terminal);
            var trees = new List<string>();
            if (image is not null)
                trees.Add(image.Root);
            foreach (var folder in parse.GetValue(_files) ?? [])
            {
                if (!Directory.Exists(folder))
                    throw DiagnosticException.Error(RunnerCodes.BootModuleNotFound, $"--files '{folder}' is not a folder", hint: "pass a folder whose files go into the image (its layout is the image's)");
                trees.Add(Path.GetFullPath(folder));
            }
            result = UserProgramRunner.Run(request with { ImageTrees = trees }, kernel.Output);
        }
        else
        {
            result = ArtifactRunner.Run(request);
        }
        terminal.Note($"{string.Join(' ', result.CommandLine)}: exit {result.ExitCode} (host status {result.HostStatus}) in {result.Elapsed.TotalMilliseconds:0} ms");
        return result.ExitCode;
    }

    /// <summary>The kernel's sources in the checkout the SDK runs from (beside its artifacts/).</summary>
    private static string KernelSources()
    {
        var dir = Path.Combine(Path.GetDirectoryName(Veridian.Common.SdkLayout.Artifacts)!, "kernel");
        if (!File.Exists(Path.Combine(dir, "veridian.toml")))
        {
            throw DiagnosticException.Error(RunnerCodes.NotRunnable, $"no kernel sources beside this SDK ({dir}) to run a VeridianOS program in",
                hint: "run veridian from an SDK checkout (its kernel/ folder is built on demand)");
        }
        return dir;
    }
}
