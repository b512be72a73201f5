using System.CommandLine;
using Veridian.Build;
using Veridian.Build.Project;
using Veridian.Cli.Console;
using Veridian.Compiler;
using Veridian.Diagnostics;
using Veridian.Toolchain;
using Veridian.Triples;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian cs build --target T [-O2] -o out file.cs… [boot.S file.c obj.o…]</c>.</summary>
internal sealed class CsBuildCommand : Command
{
    private readonly Option<string> _target = new("--target", "-t") { Description = "The target triple (see 'veridian targets list').", Required = true };
    private readonly Option<string> _opt = new("-O") { Description = "Optimisation level: 0, 1, 2, 3, s, z (default 2).", DefaultValueFactory = _ => "2" };
    private readonly Option<string> _output = new("--output", "-o") { Description = "The file to write.", Required = true };
    private readonly Option<string> _emit = new("--emit") { Description = "exe (default: compile and link), obj (the C# object only), ll (LLVM IR after optimisation).", DefaultValueFactory = _ => "exe" };
    private readonly Option<bool> _static = new("--static") { Description = "Link statically (Linux targets; VeridianOS targets always are)." };
    private readonly Argument<string[]> _inputs = new("inputs") { Description = "C# sources (.cs), plus assembly/C sources and objects to link (.S .s .c .o .a).", Arity = ArgumentArity.OneOrMore };

    public CsBuildCommand()
        : base("build", "Compile C# sources (with the core library) for a target and link them with any other inputs.")
    {
        Options.Add(_target);
        Options.Add(_opt);
        Options.Add(_output);
        Options.Add(_emit);
        Options.Add(_static);
        Arguments.Add(_inputs);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var terminal = Terminal.From(parse);
        var (_, target) = TargetsOptions.Resolve(terminal, parse.GetValue(_target)!);
        var level = OptLevels.Parse(parse.GetValue(_opt)!) ?? throw DiagnosticException.Error(CliCodes.BadArguments, $"unknown optimisation level -O{parse.GetValue(_opt)}", hint: "use 0, 1, 2, 3, s or z");
        var inputs = parse.GetValue(_inputs)!;
        var cs = inputs.Where(i => i.EndsWith(".cs", StringComparison.Ordinal)).ToList();
        var others = inputs.Where(i => !i.EndsWith(".cs", StringComparison.Ordinal)).ToList();
        if (cs.Count == 0)
            throw DiagnosticException.Error(CliCodes.BadArguments, "no C# source (.cs) among the inputs");
        var output = parse.GetValue(_output)!;
        switch (parse.GetValue(_emit))
        {
            case "exe":
                BuildExecutable(cs, others, target, level, output, parse.GetValue(_static));
                break;
            case "obj" or "ll":
                CSharpCompiler.Compile(new CSharpCompileRequest
                {
                    Sources = cs.Select(SourceFile.Read).ToList(),
                    Target = target,
                    Opt = level,
                    Output = output,
                    Kind = parse.GetValue(_emit) == "obj" ? OutputKind.Object : OutputKind.LlvmIr,
                });
                break;
            default:
                throw DiagnosticException.Error(CliCodes.BadArguments, $"unknown --emit value '{parse.GetValue(_emit)}'", hint: "use exe, obj or ll");
        }
        return 0;
    }

    /// <summary>
    /// The command line as a project through the build engine (the one build path): C# sources as one compilation,
    /// assembly and C sources compiled beside it, objects and archives linked as they are. Intermediates live in a
    /// temporary build root, so nothing but the output is left where the command ran; the action cache still
    /// makes an unchanged rebuild a restore.
    /// </summary>
    private static void BuildExecutable(List<string> cs, List<string> others, TargetInfo target, OptLevel level, string output, bool linkStatic)
    {
        foreach (var input in cs.Concat(others))
        {
            if (!File.Exists(input))
                throw DiagnosticException.Error(CliCodes.FileNotFound, $"no such file: {input}");
        }
        static bool Prebuilt(string p) => Path.GetExtension(p) is ".o" or ".a";
        var engine = new BuildEngine();
        if (target.Sysroot == SysrootKind.Veridian)
            Veridian.Build.Sysroot.SysrootBuilder.Ensure(target, Veridian.Common.SdkLayout.DefaultSysroot, engine);
        var root = Directory.CreateTempSubdirectory("veridian-cs-");
        try
        {
            engine.Build(new CommandLineProject
            {
                Directory = Environment.CurrentDirectory,
                BuildRoot = root.FullName,
                Name = Path.GetFileNameWithoutExtension(output),
                Sources = [.. cs, .. others.Where(o => !Prebuilt(o))],
                LinkInputs = others.Where(Prebuilt).ToList(),
                Target = target,
                Opt = level,
                Static = linkStatic,
            }, output);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
