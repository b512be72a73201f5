namespace Veridian.Elf;

/// <summary>Numbers from the System V gABI and the psABIs (names as in elf.h).</summary>
#pragma warning disable CA1707 // the ABI's own names
public static class ElfConstants
{
    public const uint SHT_NULL = 0, SHT_PROGBITS = 1, SHT_SYMTAB = 2, SHT_STRTAB = 3, SHT_RELA = 4, SHT_HASH = 5,
        SHT_DYNAMIC = 6, SHT_NOTE = 7, SHT_NOBITS = 8, SHT_REL = 9, SHT_SHLIB = 10, SHT_DYNSYM = 11,
        SHT_INIT_ARRAY = 14, SHT_FINI_ARRAY = 15, SHT_PREINIT_ARRAY = 16, SHT_GROUP = 17, SHT_SYMTAB_SHNDX = 18,
        SHT_RELR = 19, SHT_GNU_ATTRIBUTES = 0x6ffffff5, SHT_GNU_HASH = 0x6ffffff6, SHT_GNU_verdef = 0x6ffffffd,
        SHT_GNU_verneed = 0x6ffffffe, SHT_GNU_versym = 0x6fffffff, SHT_ARM_ATTRIBUTES = 0x70000003,
        SHT_RISCV_ATTRIBUTES = 0x70000003, SHT_AARCH64_ATTRIBUTES = 0x70000003;

    public const ulong SHF_WRITE = 1, SHF_ALLOC = 2, SHF_EXECINSTR = 4;

    public const uint SHN_UNDEF = 0, SHN_LORESERVE = 0xff00, SHN_ABS = 0xfff1, SHN_COMMON = 0xfff2, SHN_XINDEX = 0xffff;

    public const uint PT_NULL = 0, PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_NOTE = 4, PT_SHLIB = 5, PT_PHDR = 6,
        PT_TLS = 7, PT_GNU_EH_FRAME = 0x6474e550, PT_GNU_STACK = 0x6474e551, PT_GNU_RELRO = 0x6474e552,
        PT_GNU_PROPERTY = 0x6474e553;

    public const uint PF_X = 1, PF_W = 2, PF_R = 4;

    public const ushort PN_XNUM = 0xffff;

    public const long DT_NULL = 0, DT_NEEDED = 1, DT_PLTRELSZ = 2, DT_STRTAB = 5, DT_SYMTAB = 6, DT_STRSZ = 10,
        DT_SONAME = 14, DT_RPATH = 15, DT_BIND_NOW = 24, DT_RUNPATH = 29, DT_FLAGS = 30, DT_FLAGS_1 = 0x6ffffffb;

    public const ulong DF_BIND_NOW = 0x8, DF_1_NOW = 0x1, DF_1_PIE = 0x08000000;

    public const uint NT_GNU_ABI_TAG = 1, NT_GNU_BUILD_ID = 3, NT_GNU_GOLD_VERSION = 4, NT_GNU_PROPERTY_TYPE_0 = 5,
        XEN_ELFNOTE_PHYS32_ENTRY = 18;

    public const uint GNU_PROPERTY_AARCH64_FEATURE_1_AND = 0xc0000000, GNU_PROPERTY_X86_FEATURE_1_AND = 0xc0000002;

    /// <summary>RISC-V e_flags: compressed instructions, float ABI (mask 6: 0 soft, 2 single, 4 double, 6 quad), RVE, TSO.</summary>
    public const uint EF_RISCV_RVC = 0x1, EF_RISCV_FLOAT_ABI = 0x6, EF_RISCV_RVE = 0x8, EF_RISCV_TSO = 0x10;

    public const byte STT_SECTION = 3;
}
#pragma warning restore CA1707
