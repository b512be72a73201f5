using System.CommandLine;
using Veridian.CsSoak.Generator;

namespace Veridian.CsSoak.Commands;

/// <summary><c>cs-soak run N [FIRST_SEED]</c>: the soak (what scripts/cs-soak N [FIRST_SEED] runs).</summary>
internal sealed class RunCommand : Command
{
    private readonly Argument<int> _count = new("count") { Description = "How many seeds." };
    private readonly Argument<ulong> _first = new("first-seed") { Description = "The first seed (default 1).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => 1 };
    private readonly Option<int> _workers = new("--workers", "-j") { Description = "Seeds checked at a time (at most 2).", DefaultValueFactory = _ => 2 };
    private readonly Option<string[]> _targets = new("--target", "-t") { Description = "Linux triples (default: x86_64, aarch64 and riscv64 -linux-gnu).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> _levels = new("--level", "-O") { Description = "Optimisation levels, O0 and/or O2 (default both).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<int> _reduce = new("--reduce-limit") { Description = "Reduce at most this many failing seeds after the run.", DefaultValueFactory = _ => 10 };
    private readonly Option<string?> _out = new("--out") { Description = "Where failures are kept (default artifacts/cs-soak)." };
    private readonly Option<bool> _oracleOnly = new("--oracle-only") { Description = "Only check that CoreCLR compiles and runs each program (generator development)." };

    public RunCommand()
        : base("run", "Generate programs, run them under CoreCLR and our compiler, keep and reduce the failures.")
    {
        Arguments.Add(_count);
        Arguments.Add(_first);
        Options.Add(_workers);
        Options.Add(_targets);
        Options.Add(_levels);
        Options.Add(_reduce);
        Options.Add(_out);
        Options.Add(_oracleOnly);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var root = RepoRoot.Find();
        var triples = parse.GetValue(_targets) is { Length: > 0 } t ? t : Config.Triples;
        var levels = parse.GetValue(_levels) is { Length: > 0 } l ? l : ["O0", "O2"];
        var configs = parse.GetValue(_oracleOnly) ? [] : triples.SelectMany(x => levels.Select(y => Config.Parse(x, y))).ToList();
        var options = new SoakOptions
        {
            Count = parse.GetValue(_count),
            FirstSeed = parse.GetValue(_first),
            Workers = parse.GetValue(_workers),
            Configs = configs,
            OutDir = parse.GetValue(_out) ?? Path.Combine(root, "artifacts", "cs-soak"),
            ReduceLimit = parse.GetValue(_reduce),
            Generator = GeneratorOptions.Default,
        };
        var (_, failures) = new Soak(new Differential(root), Console.Out).Run(options);
        return failures.Count == 0 ? 0 : 1;
    }
}
