namespace Veridian.Toolchain.Driver;

/// <summary>One positional item in command-line order: a source to compile, or a linker item (object, -l, -L, -Wl flag).</summary>
public sealed record CcInput(string Path, InputKind Kind, LinkItem? Link)
{
    public static CcInput Source(string path, InputKind kind) => new(path, kind, null);
    public static CcInput Linker(LinkItem item) => new(item.Value, InputKind.Linker, item);
}
