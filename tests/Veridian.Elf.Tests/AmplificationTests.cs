using System.Buffers.Binary;

namespace Veridian.Elf.Tests;

/// <summary>Crafted files that try to make a small input decode into gigabytes hit the work budget (VDN5091).</summary>
public class AmplificationTests
{
    [Fact]
    public void Thousands_of_relocation_sections_over_the_whole_file_stop_at_the_work_budget_with_VDN5091()
    {
        var original = Fixtures.Bytes("x86_64-object");
        var f = ElfFile.Read(original);
        var rela = f.FindSection(".rela.text")!;
        const int copies = 4000;
        var count = f.Sections.Count + copies;
        var table = new byte[count * 64];
        original.AsSpan((int)f.Header.SectionHeaderOffset, f.Sections.Count * 64).CopyTo(table);
        var template = original.AsSpan((int)f.Header.SectionHeaderOffset + rela.Index * 64, 64).ToArray();
        var total = original.Length + table.Length;
        BinaryPrimitives.WriteUInt64LittleEndian(template.AsSpan(24), 0);                       // sh_offset: the start of the file
        BinaryPrimitives.WriteUInt64LittleEndian(template.AsSpan(32), (ulong)total);            // sh_size: all of it, table included
        for (var i = 0; i < copies; i++)
            template.CopyTo(table.AsSpan((f.Sections.Count + i) * 64));
        var crafted = original.Concat(table).ToArray();
        BinaryPrimitives.WriteUInt64LittleEndian(crafted.AsSpan(40), (ulong)original.Length);   // e_shoff
        BinaryPrimitives.WriteUInt16LittleEndian(crafted.AsSpan(60), (ushort)count);            // e_shnum

        ElfFile.TryRead(crafted, out var file, out var diagnostics, "crafted.o", ElfReadMode.Eager);
        Assert.NotNull(file);
        Assert.Contains(diagnostics, d => d.Code == ElfCodes.WorkLimit);
        var decoded = file.RelocationSections.Sum(r => r.Relocations.Count);
        var unbounded = (long)copies * (total / 24);
        Assert.True(decoded < unbounded / 4, $"{decoded} relocations decoded (unbounded: {unbounded})");
    }
}
