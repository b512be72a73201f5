using static Veridian.Elf.ElfConstants;

namespace Veridian.Elf;

/// <summary>Names for ELF numbers, spelled as llvm-readelf spells them; unknown numbers print in hex.</summary>
public static class ElfNames
{
    public static string Machine(ushort machine) => (ElfMachine)machine switch
    {
        ElfMachine.None => "EM_NONE",
        ElfMachine.I386 => "EM_386",
        ElfMachine.Mips => "EM_MIPS",
        ElfMachine.PowerPC => "EM_PPC",
        ElfMachine.PowerPC64 => "EM_PPC64",
        ElfMachine.S390 => "EM_S390",
        ElfMachine.Arm => "EM_ARM",
        ElfMachine.X86_64 => "EM_X86_64",
        ElfMachine.AArch64 => "EM_AARCH64",
        ElfMachine.RiscV => "EM_RISCV",
        ElfMachine.LoongArch => "EM_LOONGARCH",
        _ => $"0x{machine:x}",
    };

    public static string FileType(ushort type) => (ElfType)type switch
    {
        ElfType.None => "NONE",
        ElfType.Relocatable => "REL",
        ElfType.Executable => "EXEC",
        ElfType.SharedObject => "DYN",
        ElfType.Core => "CORE",
        _ => $"0x{type:x}",
    };

    public static string SectionType(uint type, ElfMachine machine) => type switch
    {
        SHT_NULL => "SHT_NULL",
        SHT_PROGBITS => "SHT_PROGBITS",
        SHT_SYMTAB => "SHT_SYMTAB",
        SHT_STRTAB => "SHT_STRTAB",
        SHT_RELA => "SHT_RELA",
        SHT_HASH => "SHT_HASH",
        SHT_DYNAMIC => "SHT_DYNAMIC",
        SHT_NOTE => "SHT_NOTE",
        SHT_NOBITS => "SHT_NOBITS",
        SHT_REL => "SHT_REL",
        SHT_SHLIB => "SHT_SHLIB",
        SHT_DYNSYM => "SHT_DYNSYM",
        SHT_INIT_ARRAY => "SHT_INIT_ARRAY",
        SHT_FINI_ARRAY => "SHT_FINI_ARRAY",
        SHT_PREINIT_ARRAY => "SHT_PREINIT_ARRAY",
        SHT_GROUP => "SHT_GROUP",
        SHT_SYMTAB_SHNDX => "SHT_SYMTAB_SHNDX",
        SHT_RELR => "SHT_RELR",
        0x6fff4c00 => "SHT_LLVM_ODRTAB",
        0x6fff4c01 => "SHT_LLVM_LINKER_OPTIONS",
        0x6fff4c02 => "SHT_LLVM_CALL_GRAPH_PROFILE",
        0x6fff4c03 => "SHT_LLVM_ADDRSIG",
        0x6fff4c04 => "SHT_LLVM_DEPENDENT_LIBRARIES",
        0x6fff4c05 => "SHT_LLVM_SYMPART",
        0x6fff4c0a => "SHT_LLVM_BB_ADDR_MAP",
        0x6fff4c0b => "SHT_LLVM_OFFLOADING",
        0x6fff4c0c => "SHT_LLVM_LTO",
        SHT_GNU_ATTRIBUTES => "SHT_GNU_ATTRIBUTES",
        SHT_GNU_HASH => "SHT_GNU_HASH",
        SHT_GNU_verdef => "SHT_GNU_verdef",
        SHT_GNU_verneed => "SHT_GNU_verneed",
        SHT_GNU_versym => "SHT_GNU_versym",
        0x70000001 when machine is ElfMachine.X86_64 => "SHT_X86_64_UNWIND",
        0x70000001 when machine is ElfMachine.Arm => "SHT_ARM_EXIDX",
        0x70000002 when machine is ElfMachine.Arm => "SHT_ARM_PREEMPTMAP",
        0x70000003 when machine is ElfMachine.Arm => "SHT_ARM_ATTRIBUTES",
        0x70000003 when machine is ElfMachine.RiscV => "SHT_RISCV_ATTRIBUTES",
        0x70000003 when machine is ElfMachine.AArch64 => "SHT_AARCH64_ATTRIBUTES",
        0x70000002 when machine is ElfMachine.AArch64 => "SHT_AARCH64_MEMTAG_GLOBALS_STATIC",
        _ => $"0x{type:x}",
    };

    public static string SectionFlagLetters(ulong flags)
    {
        var s = new System.Text.StringBuilder();
        ReadOnlySpan<(ulong Bit, char Letter)> letters =
        [
            (0x1, 'W'), (0x2, 'A'), (0x4, 'X'), (0x10, 'M'), (0x20, 'S'), (0x40, 'I'), (0x80, 'L'), (0x100, 'O'),
            (0x200, 'G'), (0x400, 'T'), (0x800, 'C'), (0x80000000, 'E'),
        ];
        foreach (var (bit, letter) in letters)
        {
            if ((flags & bit) != 0)
                s.Append(letter);
        }
        return s.ToString();
    }

    public static string SegmentType(uint type, ElfMachine machine) => type switch
    {
        PT_NULL => "PT_NULL",
        PT_LOAD => "PT_LOAD",
        PT_DYNAMIC => "PT_DYNAMIC",
        PT_INTERP => "PT_INTERP",
        PT_NOTE => "PT_NOTE",
        PT_SHLIB => "PT_SHLIB",
        PT_PHDR => "PT_PHDR",
        PT_TLS => "PT_TLS",
        PT_GNU_EH_FRAME => "PT_GNU_EH_FRAME",
        PT_GNU_STACK => "PT_GNU_STACK",
        PT_GNU_RELRO => "PT_GNU_RELRO",
        PT_GNU_PROPERTY => "PT_GNU_PROPERTY",
        0x65a3dbe6 => "PT_OPENBSD_RANDOMIZE",
        0x70000000 when machine is ElfMachine.AArch64 => "PT_AARCH64_ARCHEXT",
        0x70000002 when machine is ElfMachine.AArch64 => "PT_AARCH64_MEMTAG_MTE",
        0x70000003 when machine is ElfMachine.RiscV => "PT_RISCV_ATTRIBUTES",
        0x70000001 when machine is ElfMachine.Arm => "PT_ARM_EXIDX",
        _ => $"0x{type:x}",
    };

    public static string SymbolBinding(byte binding) => binding switch
    {
        0 => "Local",
        1 => "Global",
        2 => "Weak",
        10 => "Unique",
        _ => $"0x{binding:x}",
    };

    public static string SymbolType(byte type) => type switch
    {
        0 => "None",
        1 => "Object",
        2 => "Function",
        3 => "Section",
        4 => "File",
        5 => "Common",
        6 => "TLS",
        10 => "GNU_IFunc",
        _ => $"0x{type:x}",
    };

    public static string SymbolVisibility(byte visibility) => visibility switch
    {
        0 => "DEFAULT",
        1 => "INTERNAL",
        2 => "HIDDEN",
        _ => "PROTECTED",
    };

    /// <summary>The relocation type name for a machine and class (<c>R_AARCH64_CALL26</c>), or its number in hex.</summary>
    public static string RelocationType(ushort machine, ElfClass elfClass, uint type)
    {
        var name = (ElfMachine)machine switch
        {
            ElfMachine.X86_64 => RelocationNames.X86_64(type),
            ElfMachine.I386 => RelocationNames.I386(type),
            ElfMachine.AArch64 => elfClass == ElfClass.Elf64 ? RelocationNames.AArch64(type) : RelocationNames.AArch64Ilp32(type),
            ElfMachine.Arm => RelocationNames.Arm(type),
            ElfMachine.RiscV => RelocationNames.RiscV(type),
            _ => null,
        };
        return name ?? $"0x{type:x}";
    }

    public static string DynamicTag(long tag) => tag switch
    {
        0 => "NULL", 1 => "NEEDED", 2 => "PLTRELSZ", 3 => "PLTGOT", 4 => "HASH", 5 => "STRTAB", 6 => "SYMTAB",
        7 => "RELA", 8 => "RELASZ", 9 => "RELAENT", 10 => "STRSZ", 11 => "SYMENT", 12 => "INIT", 13 => "FINI",
        14 => "SONAME", 15 => "RPATH", 16 => "SYMBOLIC", 17 => "REL", 18 => "RELSZ", 19 => "RELENT", 20 => "PLTREL",
        21 => "DEBUG", 22 => "TEXTREL", 23 => "JMPREL", 24 => "BIND_NOW", 25 => "INIT_ARRAY", 26 => "FINI_ARRAY",
        27 => "INIT_ARRAYSZ", 28 => "FINI_ARRAYSZ", 29 => "RUNPATH", 30 => "FLAGS", 32 => "PREINIT_ARRAY",
        33 => "PREINIT_ARRAYSZ", 34 => "SYMTAB_SHNDX", 35 => "RELRSZ", 36 => "RELR", 37 => "RELRENT",
        0x6ffffef5 => "GNU_HASH", 0x6ffffff0 => "VERSYM", 0x6ffffff9 => "RELACOUNT", 0x6ffffffa => "RELCOUNT",
        0x6ffffffb => "FLAGS_1", 0x6ffffffc => "VERDEF", 0x6ffffffd => "VERDEFNUM", 0x6ffffffe => "VERNEED",
        0x6fffffff => "VERNEEDNUM", 0x6ffffef6 => "TLSDESC_PLT", 0x6ffffef7 => "TLSDESC_GOT",
        0x6ffffdf9 => "PLTPADSZ", 0x6ffffdfa => "MOVEENT", 0x6ffffdfb => "MOVESZ", 0x6ffffefc => "CONFIG",
        0x6ffffefd => "DEPAUDIT", 0x6ffffefe => "AUDIT", 0x6ffffeff => "PLTPAD", 0x6ffffdf5 => "GNU_PRELINKED",
        0x7ffffffd => "AUXILIARY", 0x7fffffff => "FILTER",
        _ => $"0x{tag:x}",
    };

    public static string NoteType(string owner, uint type) => (owner, type) switch
    {
        ("GNU", NT_GNU_ABI_TAG) => "NT_GNU_ABI_TAG",
        ("GNU", 2) => "NT_GNU_HWCAP",
        ("GNU", NT_GNU_BUILD_ID) => "NT_GNU_BUILD_ID",
        ("GNU", NT_GNU_GOLD_VERSION) => "NT_GNU_GOLD_VERSION",
        ("GNU", NT_GNU_PROPERTY_TYPE_0) => "NT_GNU_PROPERTY_TYPE_0",
        ("Xen", XEN_ELFNOTE_PHYS32_ENTRY) => "XEN_ELFNOTE_PHYS32_ENTRY",
        ("FreeBSD", 1) => "NT_FREEBSD_ABI_TAG",
        ("Android", 1) => "NT_ANDROID_TYPE_IDENT",
        _ => $"0x{type:x}",
    };
}
