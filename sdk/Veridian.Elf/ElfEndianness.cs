namespace Veridian.Elf;

/// <summary><c>EI_DATA</c>: the byte order of every multi-byte field.</summary>
public enum ElfEndianness
{
    Little = 1,
    Big = 2,
}
