using System.CommandLine;

namespace Veridian.CsSoak.Commands;

/// <summary><c>cs-soak check FILE.cs [--target T] [-O2]</c>: one program, CoreCLR against our build, with both outputs.</summary>
internal sealed class CheckCommand : Command
{
    private readonly Argument<string> _file = new("file") { Description = "A C# program (compiled with tests/csharp/shim/Out.cs)." };
    private readonly Option<string[]> _targets = new("--target", "-t") { Description = "Linux triples (default all three).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> _levels = new("--level", "-O") { Description = "O0 and/or O2 (default both).", AllowMultipleArgumentsPerToken = true };

    public CheckCommand()
        : base("check", "Run one program under CoreCLR and our compiler and compare.")
    {
        Arguments.Add(_file);
        Options.Add(_targets);
        Options.Add(_levels);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var differential = new Differential(RepoRoot.Find());
        var program = File.ReadAllText(parse.GetValue(_file)!);
        var triples = parse.GetValue(_targets) is { Length: > 0 } t ? t : Config.Triples;
        var levels = parse.GetValue(_levels) is { Length: > 0 } l ? l : ["O0", "O2"];
        var configs = triples.SelectMany(x => levels.Select(y => Config.Parse(x, y))).ToList();
        var work = Directory.CreateTempSubdirectory("cs-soak-check-");
        try
        {
            var oracle = differential.Oracle(program, work.FullName, Differential.DefaultTimeout);
            if (oracle.Problem is not null)
            {
                Console.Error.WriteLine("CoreCLR: " + oracle.Problem);
                return 2;
            }
            Console.Out.Write("--- CoreCLR\n" + oracle.Result!.Observable);
            int failed = 0;
            foreach (var o in differential.Ours(program, configs, oracle.Result, work.FullName, Differential.DefaultTimeout))
            {
                if (!o.Failed)
                {
                    Console.Out.WriteLine($"--- {o.Config.Triple} {o.Config.LevelFlag}: match");
                    continue;
                }
                failed++;
                Console.Out.Write($"--- {o.Config.Triple} {o.Config.LevelFlag}: {o.Verdict.ToString().ToUpperInvariant()}\n{o.Actual?.Observable ?? ""}{(o.Detail.Length > 0 ? o.Detail + "\n" : "")}");
            }
            return failed == 0 ? 0 : 1;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
