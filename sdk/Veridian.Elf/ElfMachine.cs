namespace Veridian.Elf;

/// <summary><c>e_machine</c> values the SDK knows by name; any other value is kept as its number.</summary>
public enum ElfMachine : ushort
{
    None = 0,
    I386 = 3,
    Mips = 8,
    PowerPC = 20,
    PowerPC64 = 21,
    S390 = 22,
    Arm = 40,
    X86_64 = 62,
    AArch64 = 183,
    RiscV = 243,
    LoongArch = 258,
}
