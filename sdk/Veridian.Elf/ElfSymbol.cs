namespace Veridian.Elf;

/// <summary>One symbol (<c>Elf_Sym</c>) of <c>.symtab</c> or <c>.dynsym</c>.</summary>
public sealed record ElfSymbol(
    int Index,
    string Name,
    uint NameOffset,
    ulong Value,
    ulong Size,
    byte Info,
    byte Other,
    uint SectionIndex)
{
    /// <summary>STB_* (<c>st_info &gt;&gt; 4</c>).</summary>
    public byte Binding => (byte)(Info >> 4);

    /// <summary>STT_* (<c>st_info &amp; 0xf</c>).</summary>
    public byte Type => (byte)(Info & 0xf);

    /// <summary>STV_* (<c>st_other &amp; 3</c>).</summary>
    public byte Visibility => (byte)(Other & 3);

    /// <summary>The symbol version (from <c>.gnu.version</c>), or null when the file has none for it.</summary>
    public string? Version { get; init; }

    /// <summary>True when the version is hidden (not the default): readelf shows <c>name@V</c> rather than <c>name@@V</c>.</summary>
    public bool VersionHidden { get; init; }

    /// <summary>True when the version comes from a version need (<c>.gnu.version_r</c>, another object's version), not a definition here.</summary>
    public bool VersionNeeded { get; init; }

    /// <summary>The name as readelf prints it: <c>name@@V</c> for this object's default version, <c>name@V</c> for a
    /// hidden or needed version, <c>name</c> without a version.</summary>
    public string VersionedName => Version is null ? Name : $"{Name}{(VersionHidden || VersionNeeded ? "@" : "@@")}{Version}";

    /// <summary>True when the symbol is undefined here (SHN_UNDEF): a reference to another object.</summary>
    public bool IsUndefined => SectionIndex == ElfConstants.SHN_UNDEF;

    public string BindingName => ElfNames.SymbolBinding(Binding);

    public string TypeName => ElfNames.SymbolType(Type);

    public string VisibilityName => ElfNames.SymbolVisibility(Visibility);
}
