namespace Veridian.Elf;

/// <summary><c>e_type</c>. Other values (OS- or processor-specific) are kept as their number.</summary>
public enum ElfType : ushort
{
    None = 0,
    Relocatable = 1,
    Executable = 2,
    SharedObject = 3,
    Core = 4,
}
