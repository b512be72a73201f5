using System.Text;
using System.Text.RegularExpressions;
using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Runner;

/// <summary>
/// Runs a VeridianOS user program (<c>*-veridian-user-relibc</c>) the only way there is today: as <c>/init</c> of a boot
/// module beside the SDK's kernel (docs/run.md, "VeridianOS programs"). The kernel boots under the kernel target's QEMU
/// recipe, runs the program, prints <c>[INIT] /init exited with status N</c> and reports N through the
/// <c>veridian-exit</c> console protocol. Only the program's part of the console is forwarded and returned.
/// </summary>
public static partial class UserProgramRunner
{
    /// <summary>The console line that precedes the program's output.</summary>
    public const string StartMarker = "[INIT] starting /init\n";

    /// <summary>What the kernel writes when the program has ended (possibly in the middle of the program's last line).</summary>
    public const string EndMarker = "[INIT] /init exited with status ";

    /// <summary>
    /// Boots <paramref name="kernelImage"/> (built for the program's architecture) with <paramref name="request"/>'s
    /// artifact as <c>/init</c>. The result's <see cref="RunResult.Output"/> is the program's console output (stdout and
    /// stderr, which share the console); a program the kernel killed or could not start is a diagnostic (VDN3113, VDN3114).
    /// </summary>
    public static RunResult Run(RunRequest request, string kernelImage)
    {
        var target = request.Target;
        if (target.Os != Os.Veridian || target.Subsystem != Subsystem.User)
            throw new ArgumentException($"{target.Canonical} is not a VeridianOS user target", nameof(request));
        var program = Path.GetFullPath(request.Artifact);
        if (!File.Exists(program))
        {
            throw DiagnosticException.Error(RunnerCodes.ArtifactNotFound, $"'{request.Artifact}' does not exist",
                hint: "build it first, or pass a sample folder to build and run it: veridian run --target <triple> <folder>");
        }
        ElfCheck.Require(program, target);
        var initArgs = InitArguments(request.ProgramArgs, request.Environment ?? DefaultEnvironment);
        var kernelTarget = KernelTargetFor(target);
        var scratch = Directory.CreateTempSubdirectory("veridian-run-user-");
        try
        {
            var root = Path.Combine(scratch.FullName, "root");
            ComposeRoot(root, program, initArgs, request.ImageTrees);
            var module = Path.Combine(scratch.FullName, "boot-module.cpio");
            File.WriteAllBytes(module, BootModule.FromFolder(root));
            if (request.SaveImage is { } saved)
            {
                Directory.CreateDirectory(saved);
                File.Copy(kernelImage, Path.Combine(saved, "kernel"), overwrite: true);
                File.Copy(module, Path.Combine(saved, "boot-module.cpio"), overwrite: true);
            }
            using var console = new ProgramConsole(request.Output);
            var result = ArtifactRunner.Run(request with
            {
                Target = kernelTarget,
                Artifact = kernelImage,
                ProgramArgs = [],
                BootModule = module,
                Output = console,
            });
            console.Flush();
            var programOutput = ProgramPart(result.Output);
            Check(target, request.Artifact, result.Output);
            return result with { Output = programOutput };
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>The environment a VeridianOS program starts with when the request gives none.</summary>
    public static readonly IReadOnlyList<string> DefaultEnvironment = ["PATH=/bin", "HOME=/"];

    /// <summary>The most bytes of argument and environment strings (each with its NUL) the kernel takes: one page (docs/abi.md).</summary>
    public const int MaxArgumentBytes = 4096;

    /// <summary>
    /// The boot module's <c>boot/init-args</c> (docs/boot-image.md): NUL-terminated strings, argc in decimal, then
    /// argv = {"/init", <paramref name="args"/>…}, then the environment. VDN3112 when they exceed the kernel's page or
    /// hold a NUL, or an environment string has no '='.
    /// </summary>
    public static byte[] InitArguments(IReadOnlyList<string> args, IReadOnlyList<string> environment)
    {
        var strings = new List<string> { (args.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "/init" };
        strings.AddRange(args);
        strings.AddRange(environment);
        foreach (var s in strings)
        {
            if (s.Contains('\0'))
                throw DiagnosticException.Error(RunnerCodes.ArgumentsNotSupported, $"the argument '{s.Replace("\0", "\\0")}' holds a NUL byte, which a C string cannot", hint: "pass the value without NUL bytes");
        }
        foreach (var e in environment)
        {
            if (e.IndexOf('=') <= 0)
                throw DiagnosticException.Error(RunnerCodes.ArgumentsNotSupported, $"the environment string '{e}' is not NAME=VALUE", hint: "write it as --env NAME=VALUE");
        }
        var bytes = Encoding.UTF8.GetBytes(string.Join('\0', strings) + "\0");
        var vectors = bytes.Length - Encoding.UTF8.GetByteCount(strings[0]) - 1;
        if (vectors > MaxArgumentBytes)
        {
            throw DiagnosticException.Error(RunnerCodes.ArgumentsNotSupported,
                $"the arguments and environment take {vectors} bytes; the kernel starts /init with at most {MaxArgumentBytes} (one page)",
                hint: "pass fewer or shorter arguments, or put the data in a file of the image (--with) or on stdin");
        }
        return bytes;
    }

    /// <summary>
    /// The image's file tree in <paramref name="root"/> (a new folder): each of <paramref name="trees"/> copied in order (a
    /// later one's file replaces an earlier one's), then the program as <c>init</c> (0755) and <c>boot/init-args</c>.
    /// </summary>
    public static void ComposeRoot(string root, string program, byte[] initArgs, IReadOnlyList<string> trees)
    {
        Directory.CreateDirectory(root);
        foreach (var tree in trees)
            Veridian.Common.FileTree.Copy(tree, root);
        File.Copy(program, Path.Combine(root, "init"), overwrite: true);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path.Combine(root, "init"), (UnixFileMode)0x1ED); // 0755: BootModule keeps it executable
        Directory.CreateDirectory(Path.Combine(root, "boot"));
        File.WriteAllBytes(Path.Combine(root, "boot", "init-args"), initArgs);
    }

    /// <summary>The kernel target of a user target's architecture (<c>aarch64-veridian-user-relibc</c> → <c>aarch64-veridian-kernel-none</c>).</summary>
    public static TargetInfo KernelTargetFor(TargetInfo user) => TargetDatabase.Resolve($"{user.Arch.Name()}-veridian-kernel-none");

    /// <summary>The program's part of a (normalised) console log: after <see cref="StartMarker"/>, up to <see cref="EndMarker"/>.</summary>
    public static string ProgramPart(string console)
    {
        var start = console.IndexOf(StartMarker, StringComparison.Ordinal);
        if (start < 0)
            return "";
        start += StartMarker.Length;
        var end = console.IndexOf(EndMarker, start, StringComparison.Ordinal);
        var part = end < 0 ? console[start..] : console[start..end];
        // The kernel's report of a killed process is its own line, not the program's output.
        return KilledLine().Replace(part, "");
    }

    private static void Check(TargetInfo target, string program, string console)
    {
        // Only /init's own end is the program's crash; a child it forked that faults is its parent's business (a status).
        if (KilledLine().Matches(console).FirstOrDefault(m => m.Value.StartsWith(InitKilledPrefix, StringComparison.Ordinal)) is { } killed)
        {
            throw DiagnosticException.Error(RunnerCodes.ProgramCrashed,
                $"{Path.GetFileName(program)} crashed on {target.Canonical}: {killed.Value.Trim().Replace("[KERNEL] ", "")}",
                hint: "the kernel ended the process (status 139); look up the pc with `llvm-objdump-19 -d` or `llvm-addr2line-19 -e " + program + " <pc>`",
                exitCode: 139);
        }
        if (NotStarted().Match(console) is { Success: true } notStarted)
        {
            throw DiagnosticException.Error(RunnerCodes.ProgramNotStarted,
                $"the kernel could not start {Path.GetFileName(program)} on {target.Canonical}: errno {notStarted.Groups[1].Value} (VeridianOS numbering; 25 is ENOEXEC)",
                hint: "the kernel loads static ELF executables (ET_EXEC) with no segment both writable and executable: build it with veridian cc --target " + target.Canonical);
        }
    }

    /// <summary>The kernel's report of /init's (process 1's) end by a fault.</summary>
    private const string InitKilledPrefix = "[KERNEL] process 1 killed: ";

    [GeneratedRegex(@"\[KERNEL\] process \d+ killed: [^\n]*\n?")]
    private static partial Regex KilledLine();

    [GeneratedRegex(@"\[INIT\] /init could not start: errno (\d+)")]
    private static partial Regex NotStarted();

    /// <summary>
    /// Forwards only the program's part of the console as it arrives: nothing before <see cref="StartMarker"/>, nothing
    /// from <see cref="EndMarker"/> on; CR LF becomes LF. Text that could be the start of the end marker is held back
    /// until it is known not to be.
    /// </summary>
    private sealed class ProgramConsole(TextWriter? inner) : TextWriter
    {
        private readonly StringBuilder _pending = new();
        private bool _started, _ended;

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            if (inner is null || _ended || value == '\r')
                return;
            _pending.Append(value);
            if (!_started)
            {
                if (EndsWith(_pending, StartMarker))
                {
                    _started = true;
                    _pending.Clear();
                }
                else if (value == '\n')
                {
                    _pending.Clear();
                }
                return;
            }
            var text = _pending.ToString();
            var at = text.IndexOf(EndMarker, StringComparison.Ordinal);
            if (at >= 0)
            {
                inner.Write(text[..at]);
                _pending.Clear();
                _ended = true;
                return;
            }
            // Keep the longest tail that is a prefix of the end marker; write the rest.
            var keep = 0;
            for (var n = Math.Min(EndMarker.Length - 1, text.Length); n > 0; n--)
            {
                if (string.CompareOrdinal(text, text.Length - n, EndMarker, 0, n) == 0)
                {
                    keep = n;
                    break;
                }
            }
            if (text.Length - keep > 0)
            {
                inner.Write(text[..(text.Length - keep)]);
                _pending.Remove(0, text.Length - keep);
            }
            if (value == '\n')
                inner.Flush();
        }

        public override void Write(string? value)
        {
            if (value is null)
                return;
            foreach (var c in value)
                Write(c);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            for (var i = 0; i < count; i++)
                Write(buffer[index + i]);
        }

        public override void Flush() => inner?.Flush();

        private static bool EndsWith(StringBuilder sb, string s)
        {
            if (sb.Length < s.Length)
                return false;
            for (var i = 0; i < s.Length; i++)
            {
                if (sb[sb.Length - s.Length + i] != s[i])
                    return false;
            }
            return true;
        }
    }
}
