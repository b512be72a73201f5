using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Diagnostics;
using Veridian.Triples;
using Veridian.Triples.Emit;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian targets emit &lt;triple&gt; --format clang-args|clang-cfg|cmake|linker-script|meson|rust [--output file]</c>.</summary>
internal sealed class TargetsEmitCommand : Command
{
    private readonly Argument<string> _triple = new("triple") { Description = "A target triple or alias." };

    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "clang-args (flags on one line), clang-cfg (clang --config file), cmake (toolchain file + Platform/VeridianOS.cmake), meson (cross file), rust (target spec JSON).",
        Required = true,
    };

    private readonly Option<string?> _output = new("--output", "-o") { Description = "Write to this file (written whole or not at all) instead of stdout; required for cmake." };
    private readonly Option<string?> _sysroot = TargetsOptions.Sysroot();
    private readonly Option<string?> _entryPoints = new("--entry-points")
    {
        Description = "For targets of the SDK's sysroot: the folder of the prefixed entry points (veridian toolchain install-shims) the CMake and Meson files name; default artifacts/toolchain/bin, written there when missing.",
    };
    private readonly Option<int?> _rustLlvm = new("--rust-llvm") { Description = "LLVM major version of the rustc that reads the spec (default: asked from rustc -vV, else 19)." };

    public TargetsEmitCommand()
        : base("emit", "Write a config file for a target: clang flags or config, CMake toolchain, Meson cross file, Rust target JSON.")
    {
        _format.AcceptOnlyFromAmong(Enum.GetValues<EmitFormat>().Select(f => f.Name()).ToArray());
        Arguments.Add(_triple);
        Options.Add(_format);
        Options.Add(_output);
        Options.Add(_sysroot);
        Options.Add(_entryPoints);
        Options.Add(_rustLlvm);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var terminal = Terminal.From(parse);
        var (_, target) = TargetsOptions.Resolve(terminal, parse.GetValue(_triple)!);
        var formatName = parse.GetValue(_format)!;
        var format = Enum.GetValues<EmitFormat>().Single(f => f.Name() == formatName);
        var output = parse.GetValue(_output);
        // The build files of the SDK's sysroot targets name the prefixed entry points (veridian cc), written here when missing.
        var given = parse.GetValue(_entryPoints);
        var entryPoints = string.IsNullOrEmpty(given) ? Veridian.Common.SdkLayout.EntryPoints : Path.GetFullPath(given);
        if (target.Sysroot == SysrootKind.Veridian && !File.Exists(Path.Combine(entryPoints, $"{target.Canonical}-run")))
            Veridian.Toolchain.Shims.Install(entryPoints, Environment.ProcessPath ?? throw new InvalidOperationException("no process path"));
        var result = TargetEmitter.Emit(target, format, new EmitOptions
        {
            Sysroot = TargetsOptions.SysrootOrDefault(parse.GetValue(_sysroot)),
            SysrootGiven = !string.IsNullOrEmpty(parse.GetValue(_sysroot)),
            EntryPoints = entryPoints,
            RustLlvmMajor = format == EmitFormat.Rust ? RustLlvm(terminal, parse.GetValue(_rustLlvm)) : 19,
        });
        if (output is null)
        {
            if (result.Companions.Count > 0)
                throw DiagnosticException.Error(TripleCodes.OutputRequired,
                    $"format '{formatName}' writes {result.Companions.Count + 1} files ({string.Join(", ", result.Companions.Select(c => c.RelativePath))} beside the main file)",
                    hint: $"pass --output <file>, e.g. --output {TargetEmitter.DefaultFileName(target, format)}");
            terminal.Out.Write(result.Main);
            return ExitCodes.Ok;
        }
        result.WriteTo(output);
        terminal.Note($"wrote {output}" + string.Concat(result.Companions.Select(c => $" and {c.RelativePath}")));
        return ExitCodes.Ok;
    }

    private static int RustLlvm(Terminal terminal, int? option)
    {
        if (option is { } given)
            return given;
        var probed = RustcProbe.LlvmMajor();
        terminal.Note(probed is { } m ? $"rustc uses LLVM {m}" : "rustc not found; writing the data layout of LLVM 19");
        return probed ?? 19;
    }
}
