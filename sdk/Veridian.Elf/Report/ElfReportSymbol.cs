using static Veridian.Elf.ElfConstants;

namespace Veridian.Elf.Report;

/// <summary>A symbol of an <see cref="ElfReport"/> (<see cref="ElfSymbol"/>).</summary>
/// <param name="Index">The symbol's index in its table.</param>
/// <param name="Name">The symbol's name.</param>
/// <param name="VersionedName">The name with its version (<c>printf@GLIBC_2.2.5</c>), as llvm-readelf shows it.</param>
/// <param name="Version">The symbol version (from <c>.gnu.version*</c>), or null.</param>
/// <param name="VersionHidden">True when the version is hidden (not the default).</param>
/// <param name="Value">st_value.</param>
/// <param name="Size">st_size.</param>
/// <param name="Type">The type's name (<c>FUNC</c>, <c>OBJECT</c>, …).</param>
/// <param name="Binding">The binding's name (<c>GLOBAL</c>, <c>WEAK</c>, …).</param>
/// <param name="Visibility">The visibility's name (<c>DEFAULT</c>, <c>HIDDEN</c>, …).</param>
/// <param name="SectionIndex">st_shndx (resolved through SHT_SYMTAB_SHNDX).</param>
/// <param name="Section">The section's name, <c>UND</c>, <c>ABS</c> or <c>COM</c>; null when the index names no section.</param>
public sealed record ElfReportSymbol(int Index, string Name, string VersionedName, string? Version, bool VersionHidden, ulong Value, ulong Size, string Type,
    string Binding, string Visibility, uint SectionIndex, string? Section)
{
    /// <summary>The report entry of <paramref name="symbol"/>, a symbol of <paramref name="file"/>.</summary>
    public static ElfReportSymbol Of(ElfFile file, ElfSymbol symbol) =>
        new(symbol.Index, symbol.Name, symbol.VersionedName, symbol.Version, symbol.VersionHidden, symbol.Value, symbol.Size, symbol.TypeName,
            symbol.BindingName, symbol.VisibilityName, symbol.SectionIndex, SectionLabel(file, symbol));

    private static string? SectionLabel(ElfFile f, ElfSymbol s) => s.SectionIndex switch
    {
        SHN_UNDEF => "UND",
        SHN_ABS => "ABS",
        SHN_COMMON => "COM",
        _ => f.SectionNameOf(s),
    };
}
