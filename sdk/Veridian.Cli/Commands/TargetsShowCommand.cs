using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian targets show &lt;triple&gt; [--json]</c>: every fact of one target; aliases are normalised and say so.</summary>
internal sealed class TargetsShowCommand : Command
{
    private readonly Argument<string> _triple = new("triple") { Description = "A target triple or alias, e.g. x86_64-veridian-kernel-none, riscv64gc-veridian, aarch64-linux-gnu." };
    private readonly Option<bool> _json = GlobalOptions.Json();
    private readonly Option<string?> _sysroot = TargetsOptions.Sysroot();

    public TargetsShowCommand()
        : base("show", "Show every fact of a target: LLVM triple, CPU, features, data layout, C types, code model, QEMU recipe, clang flags...")
    {
        Arguments.Add(_triple);
        Options.Add(_json);
        Options.Add(_sysroot);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var terminal = Terminal.From(parse);
        var (triple, target) = TargetsOptions.Resolve(terminal, parse.GetValue(_triple)!);
        var sysroot = TargetsOptions.SysrootOrDefault(parse.GetValue(_sysroot));
        if (parse.GetValue(_json))
        {
            terminal.WriteJson(new ShowReport(triple.Original, target.Canonical, triple.Rewrites, target,
                target.LoadAddress is { } a ? $"0x{a:x}" : null, [.. target.ClangArgs, .. target.SysrootArgs(sysroot)]));
            return ExitCodes.Ok;
        }
        if (!triple.IsCanonical)
            terminal.Out.WriteLine($"'{triple.Original}' is normalised to '{target.Canonical}'");
        terminal.WriteTable(["fact", "value"], target.Facts(sysroot).Select(f => (IReadOnlyList<string>)[f.Name, f.Value]));
        return ExitCodes.Ok;
    }

    private sealed record ShowReport(string Input, string Triple, IReadOnlyList<string> Rewrites, TargetInfo Target, string? LoadAddressHex, IReadOnlyList<string> CompileArgs);
}
