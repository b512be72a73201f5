namespace Veridian.Toolchain;

/// <summary>What one linker argument is.</summary>
public enum LinkItemKind
{
    /// <summary>A file: object, archive, bitcode (-flto), shared object, linker script.</summary>
    File,

    /// <summary><c>-l&lt;name&gt;</c>.</summary>
    Library,

    /// <summary><c>-L&lt;dir&gt;</c>.</summary>
    LibraryPath,

    /// <summary>A flag for ld.lld as it is spelled there (from <c>-Wl,</c>, <c>-Xlinker</c>, <c>-z</c>, <c>-u</c>, ...).</summary>
    Flag,
}

/// <summary>One linker argument, in command-line order (order matters for archives).</summary>
public readonly record struct LinkItem(LinkItemKind Kind, string Value)
{
    public static LinkItem File(string path) => new(LinkItemKind.File, path);
    public static LinkItem Library(string name) => new(LinkItemKind.Library, name);
    public static LinkItem LibraryPath(string dir) => new(LinkItemKind.LibraryPath, dir);
    public static LinkItem Flag(string flag) => new(LinkItemKind.Flag, flag);

    /// <summary>The ld.lld spelling.</summary>
    public string LldArg => Kind switch
    {
        LinkItemKind.File => Value,
        LinkItemKind.Library => "-l" + Value,
        LinkItemKind.LibraryPath => "-L" + Value,
        LinkItemKind.Flag => Value,
    };

    /// <summary>The clang-driver spelling (linker flags wrapped in <c>-Wl,</c>).</summary>
    public string ClangArg => Kind switch
    {
        LinkItemKind.File => Value,
        LinkItemKind.Library => "-l" + Value,
        LinkItemKind.LibraryPath => "-L" + Value,
        LinkItemKind.Flag => "-Wl," + Value,
    };
}
