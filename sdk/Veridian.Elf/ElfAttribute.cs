namespace Veridian.Elf;

/// <summary>One build attribute: a tag with a number or a string value.</summary>
public sealed record ElfAttribute(ulong Tag, string TagName, ulong? Number, string? Text);

/// <summary>A vendor subsection of a build-attributes section (e.g. vendor <c>riscv</c> of <c>.riscv.attributes</c>).</summary>
public sealed record ElfAttributeSubsection(string SectionName, string Vendor, IReadOnlyList<ElfAttribute> Attributes);
