namespace Veridian.Elf;

/// <summary>One entry of the dynamic section; <see cref="Text"/> is the string for NEEDED, SONAME, RPATH and RUNPATH.</summary>
public sealed record ElfDynamicEntry(long Tag, ulong Value, string TagName, string? Text);
