namespace Veridian.Elf;

/// <summary><c>EI_CLASS</c>: the word size of the file's structures.</summary>
public enum ElfClass
{
    Elf32 = 1,
    Elf64 = 2,
}
