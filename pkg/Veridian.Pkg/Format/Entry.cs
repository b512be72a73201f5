namespace Veridian.Pkg.Format;

/// <summary>One entry of the table: a file, directory or symlink with its normalised mode and content hash.</summary>
public sealed record Entry(string Path, EntryType Type, int Mode, long Size, byte[] Sha256, string? LinkTarget)
{
    public static Entry Dir(string path) => new(path, EntryType.Directory, 0x1ED, 0, new byte[32], null);

    public static Entry Link(string path, string target) => new(path, EntryType.Symlink, 0x1FF, 0, new byte[32], target);

    public static Entry FileOf(string path, bool executable, long size, byte[] sha256) =>
        new(path, EntryType.File, executable ? 0x1ED : 0x1A4, size, sha256, null);

    public string ModeText => Convert.ToString(Mode, 8).PadLeft(4, '0');

    public bool Equals(Entry? other) =>
        other is not null && Path == other.Path && Type == other.Type && Mode == other.Mode && Size == other.Size
        && Sha256.AsSpan().SequenceEqual(other.Sha256) && LinkTarget == other.LinkTarget;

    public override int GetHashCode() => HashCode.Combine(Path, Type, Mode, Size);
}
