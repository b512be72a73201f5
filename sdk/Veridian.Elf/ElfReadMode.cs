namespace Veridian.Elf;

/// <summary>How much <see cref="ElfFile.Read(ReadOnlyMemory{byte}, string?, ElfReadMode)"/> decodes up front.</summary>
public enum ElfReadMode
{
    /// <summary>Headers only; symbols, relocations, notes, dynamic entries and attributes are decoded on first use,
    /// and problems found then are added to <see cref="ElfFile.Diagnostics"/>.</summary>
    Lazy,

    /// <summary>Everything, so that <c>Read</c> throws (and <c>TryRead</c> reports) every problem in the file.</summary>
    Eager,
}
