namespace Veridian.Triples.Emit;

/// <summary><c>clang-args</c>: the front-end flags on one line, shell-quoted.</summary>
internal static class ClangArgsEmitter
{
    public static string Emit(TargetInfo target, EmitOptions options) =>
        ShellQuote.Join(TargetEmitter.CompileFlags(target, options)) + "\n";
}
