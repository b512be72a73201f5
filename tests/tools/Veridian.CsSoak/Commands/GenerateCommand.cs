using System.CommandLine;
using Veridian.CsSoak.Generator;

namespace Veridian.CsSoak.Commands;

/// <summary><c>cs-soak gen SEED [-o file]</c>: prints (or writes) the program of a seed.</summary>
internal sealed class GenerateCommand : Command
{
    private readonly Argument<ulong> _seed = new("seed") { Description = "The seed." };
    private readonly Option<string?> _output = new("--output", "-o") { Description = "Write the program here instead of stdout." };
    private readonly Option<bool> _small = new("--small") { Description = "Small programs (the options the tests use)." };

    public GenerateCommand()
        : base("gen", "Print the generated program of a seed.")
    {
        Arguments.Add(_seed);
        Options.Add(_output);
        Options.Add(_small);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var text = ProgramGenerator.Generate(parse.GetValue(_seed), parse.GetValue(_small) ? GeneratorOptions.Small : GeneratorOptions.Default);
        if (parse.GetValue(_output) is { } path)
            File.WriteAllText(path, text);
        else
            Console.Out.Write(text);
        return 0;
    }
}
