using System.CommandLine;

namespace Veridian.CsSoak.Commands;

/// <summary><c>cs-soak reduce DIR</c>: reduces a kept failure (artifacts/cs-soak/&lt;seed&gt;-&lt;triple&gt;-O&lt;n&gt;) into reduced.cs.</summary>
internal sealed class ReduceCommand : Command
{
    private readonly Argument<string> _dir = new("dir") { Description = "A failure directory the soak kept." };
    private readonly Option<int> _minutes = new("--minutes") { Description = "Give up after this long and keep the smallest program so far.", DefaultValueFactory = _ => 30 };

    public ReduceCommand()
        : base("reduce", "Shrink the program of a kept failure while it still fails the same way.")
    {
        Arguments.Add(_dir);
        Options.Add(_minutes);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var reduced = Soak.ReduceKept(new Differential(RepoRoot.Find()), Path.GetFullPath(parse.GetValue(_dir)!), Console.Out, TimeSpan.FromMinutes(parse.GetValue(_minutes)));
        return reduced is null ? 1 : 0;
    }
}
