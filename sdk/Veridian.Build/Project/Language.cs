namespace Veridian.Build.Project;

/// <summary>A source language; the planner maps each to an action kind (compile, codegen, or a plugged-in compiler).</summary>
public enum Language
{
    C,
    Cxx,
    Asm,
    LlvmIr,
    CSharp,
}

/// <summary>Names and file extensions of <see cref="Language"/>.</summary>
public static class Languages
{
    /// <summary>The spelling used in <c>languages = [...]</c>.</summary>
    public static string Name(Language language) => language switch
    {
        Language.C => "c",
        Language.Cxx => "c++",
        Language.Asm => "asm",
        Language.LlvmIr => "llvm-ir",
        Language.CSharp => "csharp",
    };

    /// <summary>Every language, in declaration order.</summary>
    public static IReadOnlyList<Language> All { get; } = Enum.GetValues<Language>();

    /// <summary>The language of a source file by extension, or null when none claims it.</summary>
    public static Language? FromExtension(string path) => Path.GetExtension(path) switch
    {
        ".c" => Language.C,
        ".cc" or ".cpp" or ".cxx" => Language.Cxx,
        ".S" or ".s" => Language.Asm,
        ".ll" or ".bc" => Language.LlvmIr,
        ".cs" => Language.CSharp,
        _ => null,
    };

    /// <summary>Parses a <c>languages</c> entry.</summary>
    public static Language? Parse(string name) => All.Cast<Language?>().FirstOrDefault(l => Name(l!.Value) == name);
}
