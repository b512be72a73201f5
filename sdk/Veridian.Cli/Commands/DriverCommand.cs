using System.CommandLine;

namespace Veridian.Cli.Commands;

/// <summary>
/// <c>veridian cc|c++|ar|ld</c> in the command tree (for --help and completion). The verbs normally run through
/// <see cref="ToolchainDispatch"/> before parsing; this action is the same call for the rare path through the parser
/// (e.g. a global option before the verb).
/// </summary>
internal sealed class DriverCommand : Command
{
    private readonly Argument<string[]> _args = new("arguments")
    {
        Description = "gcc/clang-style (cc, c++) or ar/ld-style arguments; @file response files are expanded.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public DriverCommand(string verb, string description)
        : base(verb, description)
    {
        Arguments.Add(_args);
        TreatUnmatchedTokensAsErrors = false;
        SetAction(parse => ToolchainDispatch.Run(verb, [.. parse.GetValue(_args) ?? [], .. parse.UnmatchedTokens],
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
    }

    public static DriverCommand Cc() => new("cc",
        "Compile/link C for a target like clang or gcc would (--target=T, -c -S -E -o -O -g -I -D -M* -Wl, -l ...); see docs/cc.md.");

    public static DriverCommand Cxx() => new("c++", "As cc, for C++ (freestanding on VeridianOS targets: no exceptions or RTTI runtime).");

    public static DriverCommand Ar() => new("ar", "Deterministic static archives: llvm-ar-19 with the D modifier (e.g. 'veridian ar rcs libx.a a.o b.o').");

    public static DriverCommand Ld() => new("ld", "ld.lld-19 with the target's defaults (--target=T; build id, page size, static, kernel linker script).");
}
