using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian targets list [--json]</c>: every target, VeridianOS first, then Linux.</summary>
internal sealed class TargetsListCommand : Command
{
    private readonly Option<bool> _json = GlobalOptions.Json();

    public TargetsListCommand()
        : base("list", "List every target: the 6 VeridianOS targets and the 3 Linux targets.")
    {
        Options.Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var terminal = Terminal.From(parse);
        var targets = TargetDatabase.All;
        if (parse.GetValue(_json))
        {
            terminal.WriteJson(targets.Select(t => new TargetSummary(t.Canonical, t.Arch, t.Os, t.Subsystem, t.Abi, t.LlvmTriple, t.Description)).ToList());
            return ExitCodes.Ok;
        }
        terminal.WriteTable(["triple", "llvm triple", "description"],
            targets.Select(t => (IReadOnlyList<string>)[t.Canonical, t.LlvmTriple, t.Description]));
        return ExitCodes.Ok;
    }

    private sealed record TargetSummary(string Triple, Arch Arch, Os Os, Subsystem Subsystem, Abi Abi, string LlvmTriple, string Description);
}
