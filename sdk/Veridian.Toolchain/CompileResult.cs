namespace Veridian.Toolchain;

/// <summary>What a compile did.</summary>
/// <param name="Output">The file written.</param>
/// <param name="Commands">The external commands run (clang), each as an argument list, for <c>-v</c> and compile_commands.json.</param>
/// <param name="ToolOutput">clang's warnings (empty when the request inherited stderr).</param>
/// <param name="FrontEnd">Time in the clang front end.</param>
/// <param name="Backend">Time in-process: parse, verify, optimise, emit.</param>
public sealed record CompileResult(string Output, IReadOnlyList<IReadOnlyList<string>> Commands, string ToolOutput, TimeSpan FrontEnd, TimeSpan Backend);
