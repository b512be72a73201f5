using Veridian.Toolchain;
using Veridian.Triples;

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

    /// <summary>
    /// The language of a source file by extension, or null when none claims it: clang driver's own table
    /// (<see cref="InputKinds.FromPath"/>, the one extension table of the SDK) plus <c>.cs</c> for C#.
    /// </summary>
    public static Language? FromExtension(string path) => Path.GetExtension(path) == ".cs" ? Language.CSharp : InputKinds.FromPath(path) switch
    {
        InputKind.C or InputKind.CPreprocessed => Language.C,
        InputKind.Cxx or InputKind.CxxPreprocessed => Language.Cxx,
        InputKind.Assembler or InputKind.AssemblerWithCpp => Language.Asm,
        InputKind.LlvmIr or InputKind.Bitcode => Language.LlvmIr,
        _ => null,
    };

    /// <summary>
    /// True when all of a unit's sources in the language are one compilation (C#: one Roslyn compilation, one
    /// object); false when each source is its own translation unit (C, C++, assembly, IR).
    /// </summary>
    public static bool CompilesAsOneUnit(Language language) => language == Language.CSharp;

    /// <summary>Front-end flags the language needs on a target beyond the target's own (C++ on bare metal: no unwinder, no RTTI runtime).</summary>
    public static IReadOnlyList<string> TargetFlags(Language language, TargetInfo target) =>
        language == Language.Cxx && target.Freestanding ? ["-fno-exceptions", "-fno-rtti"] : [];

    /// <summary>Link flags a program needs when it has objects in the language, beyond the C library (C#: <see cref="Compiler.CSharpCompiler.RuntimeLibraries"/>).</summary>
    public static IReadOnlyList<string> LinkFlags(Language language, TargetInfo target) =>
        language == Language.CSharp ? Veridian.Compiler.CSharpCompiler.RuntimeLibraries(target).Select(l => l.ClangArg).ToList() : [];

    /// <summary>Parses a <c>languages</c> entry.</summary>
    public static Language? Parse(string name) => All.Cast<Language?>().FirstOrDefault(l => Name(l!.Value) == name);
}
