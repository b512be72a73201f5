using System.CommandLine;
using Veridian.CsSoak.Commands;

var root = new RootCommand("cs-soak: random-program differential testing of the C# subset against CoreCLR (docs/cs-soak.md).");
root.Subcommands.Add(new RunCommand());
root.Subcommands.Add(new GenerateCommand());
root.Subcommands.Add(new CheckCommand());
root.Subcommands.Add(new ReduceCommand());
return root.Parse(args).Invoke();
