namespace Veridian.Pkg.Format;

/// <summary>The type byte of an entry. Devices, FIFOs, sockets and hard links have no value: they cannot be expressed.</summary>
public enum EntryType : byte
{
    File = 1,
    Directory = 2,
    Symlink = 3,
}
