using System.CommandLine;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian cs</c>: the C# compiler (docs/csharp-subset.md).</summary>
internal sealed class CsCommand : Command
{
    public CsCommand()
        : base("cs", "Compile C# (subset v1) to native code for any target: build an executable or emit an object / LLVM IR.")
    {
        Subcommands.Add(new CsBuildCommand());
    }
}
