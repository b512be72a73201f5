namespace Veridian.Elf;

/// <summary>
/// Codes VDN5xxx: problems found while reading an ELF file. Every diagnostic carries the byte offset
/// where the problem is. Each says what the user should do.
/// </summary>
public static class ElfCodes
{
    /// <summary>The file is not an ELF file (too short, or no <c>\x7fELF</c> magic); pass an object, executable or shared library.</summary>
    public const string NotElf = "VDN5001";

    /// <summary><c>EI_CLASS</c> is neither ELFCLASS32 nor ELFCLASS64; the file is corrupt or not a supported ELF.</summary>
    public const string BadClass = "VDN5002";

    /// <summary><c>EI_DATA</c> is neither little nor big endian; the file is corrupt.</summary>
    public const string BadEncoding = "VDN5003";

    /// <summary>The ELF version (<c>EI_VERSION</c> or <c>e_version</c>) is not 1; the file may be from a newer or broken tool (warning).</summary>
    public const string BadVersion = "VDN5004";

    /// <summary>The ELF header is cut short or its size fields are wrong; the file is truncated or corrupt — rebuild it.</summary>
    public const string BadHeader = "VDN5005";

    /// <summary>The section header table lies outside the file or has a wrong entry size; the file is truncated or corrupt.</summary>
    public const string BadSectionTable = "VDN5010";

    /// <summary>A section's contents lie outside the file; the file is truncated or corrupt.</summary>
    public const string BadSection = "VDN5011";

    /// <summary>A name points outside its string table (or the string is not terminated); the file is corrupt.</summary>
    public const string BadString = "VDN5012";

    /// <summary><c>e_shstrndx</c> (or a section's <c>sh_link</c>) names a section that does not exist or is not a string table.</summary>
    public const string BadStringTable = "VDN5013";

    /// <summary>The program header table lies outside the file or has a wrong entry size; the file is truncated or corrupt.</summary>
    public const string BadProgramHeaderTable = "VDN5020";

    /// <summary>A segment's file range lies outside the file, or its file size exceeds its memory size.</summary>
    public const string BadSegment = "VDN5021";

    /// <summary>A symbol table has a wrong entry size or link, or a symbol points at a missing section; the file is corrupt.</summary>
    public const string BadSymbolTable = "VDN5030";

    /// <summary>A relocation section is malformed (entry size, link) or names a symbol that does not exist.</summary>
    public const string BadRelocation = "VDN5040";

    /// <summary>A note's sizes run past its section or segment; the note is ignored from there on.</summary>
    public const string BadNote = "VDN5050";

    /// <summary>The dynamic section is malformed (entry size, missing <c>DT_NULL</c>, string offsets out of range).</summary>
    public const string BadDynamic = "VDN5060";

    /// <summary>A build-attributes section (<c>.riscv.attributes</c>, <c>.ARM.attributes</c>, AArch64 build attributes) is malformed.</summary>
    public const string BadAttributes = "VDN5070";

    /// <summary>Symbol version tables (<c>.gnu.version*</c>) are malformed; versions are left out.</summary>
    public const string BadVersionInfo = "VDN5080";

    /// <summary>Reading the input failed (I/O error, or a stream that cannot seek); check the file and retry.</summary>
    public const string ReadFailed = "VDN5090";

    /// <summary>The file's tables or names overlap so much that decoding them would take far more than the file's size
    /// (a crafted or corrupt file); decoding stops there.</summary>
    public const string WorkLimit = "VDN5091";
}
