namespace Veridian.Toolchain;

/// <summary>The language of an input file, from its extension or <c>-x</c>.</summary>
public enum InputKind
{
    C,
    CHeader,
    Cxx,
    CxxHeader,
    /// <summary>Preprocessed C (<c>.i</c>).</summary>
    CPreprocessed,
    /// <summary>Preprocessed C++ (<c>.ii</c>).</summary>
    CxxPreprocessed,
    /// <summary>Assembly without preprocessing (<c>.s</c>).</summary>
    Assembler,
    /// <summary>Assembly to preprocess first (<c>.S</c>, <c>.sx</c>).</summary>
    AssemblerWithCpp,
    /// <summary>LLVM IR text (<c>.ll</c>).</summary>
    LlvmIr,
    /// <summary>LLVM bitcode (<c>.bc</c>).</summary>
    Bitcode,
    /// <summary>Anything the linker takes: objects, archives, shared objects, linker scripts.</summary>
    Linker,
}

/// <summary>Classifies inputs.</summary>
public static class InputKinds
{
    /// <summary>The kind implied by a file name, as clang's driver decides; unknown extensions go to the linker.</summary>
    public static InputKind FromPath(string path)
    {
        var ext = Path.GetExtension(path);
        return ext switch
        {
            ".c" => InputKind.C,
            ".h" => InputKind.CHeader,
            ".i" => InputKind.CPreprocessed,
            ".ii" => InputKind.CxxPreprocessed,
            ".cc" or ".cpp" or ".cxx" or ".c++" or ".cp" or ".C" or ".CPP" or ".CC" => InputKind.Cxx,
            ".hh" or ".hpp" or ".hxx" or ".H" or ".h++" => InputKind.CxxHeader,
            ".s" => InputKind.Assembler,
            ".S" or ".sx" => InputKind.AssemblerWithCpp,
            ".ll" => InputKind.LlvmIr,
            ".bc" => InputKind.Bitcode,
            _ => InputKind.Linker,
        };
    }

    /// <summary>The kind named by <c>-x</c>, or null when clang would not know the name.</summary>
    public static InputKind? FromLanguage(string language) => language switch
    {
        "c" => InputKind.C,
        "c-header" => InputKind.CHeader,
        "c++" => InputKind.Cxx,
        "c++-header" => InputKind.CxxHeader,
        "cpp-output" => InputKind.CPreprocessed,
        "c++-cpp-output" => InputKind.CxxPreprocessed,
        "assembler" => InputKind.Assembler,
        "assembler-with-cpp" => InputKind.AssemblerWithCpp,
        "ir" => InputKind.LlvmIr,
        _ => null,
    };

    /// <summary>clang's <c>-x</c> name for a kind that goes through the front end.</summary>
    public static string ClangLanguage(this InputKind kind) => kind switch
    {
        InputKind.C => "c",
        InputKind.CHeader => "c-header",
        InputKind.Cxx => "c++",
        InputKind.CxxHeader => "c++-header",
        InputKind.CPreprocessed => "cpp-output",
        InputKind.CxxPreprocessed => "c++-cpp-output",
        InputKind.Assembler => "assembler",
        InputKind.AssemblerWithCpp => "assembler-with-cpp",
        InputKind.LlvmIr => "ir",
        InputKind.Bitcode => "ir",
        InputKind.Linker => "none",
    };

    /// <summary>True for kinds clang turns into IR (C, C++ and their preprocessed forms).</summary>
    public static bool IsSourceLanguage(this InputKind kind) => kind is InputKind.C or InputKind.Cxx or InputKind.CPreprocessed or InputKind.CxxPreprocessed;
}
