using Veridian.Diagnostics;
using static Veridian.Elf.ElfConstants;

namespace Veridian.Elf.Tests;

/// <summary>Deliberately damaged fixtures: every problem is one VDN5xxx diagnostic with the byte offset, never a crash.</summary>
public class CorruptionTests
{
    public sealed record Case(string Fixture, Func<byte[], byte[]> Damage, string Code, Func<byte[], long?> Offset, bool ErrorExpected = true);

    private static readonly Dictionary<string, Case> s_cases = new()
    {
        ["empty file"] = new("x86_64-object", _ => [], ElfCodes.NotElf, _ => 0),
        ["text file"] = new("x86_64-object", _ => "# Veridian SDK\n"u8.ToArray(), ElfCodes.NotElf, _ => 0),
        ["ident cut at 10 bytes"] = new("x86_64-object", b => b[..10], ElfCodes.BadHeader, _ => 10),
        ["header cut at 40 bytes"] = new("x86_64-object", b => b[..40], ElfCodes.BadHeader, _ => 40),
        ["EI_CLASS 7"] = new("x86_64-object", b => Corrupt.Patch(b, 4, 7, 1), ElfCodes.BadClass, _ => 4),
        ["EI_DATA 0"] = new("x86_64-object", b => Corrupt.Patch(b, 5, 0, 1), ElfCodes.BadEncoding, _ => 5),
        ["e_version 2 is only a warning"] = new("x86_64-object", b => Corrupt.Patch(b, 20, 2, 4), ElfCodes.BadVersion, _ => 20, ErrorExpected: false),
        ["e_shoff past the end"] = new("aarch64-object", b => Corrupt.Patch(b, 40, 0xffff_ff00, 8), ElfCodes.BadSectionTable, _ => 40),
        ["e_shoff near 2^64"] = new("aarch64-object", b => Corrupt.Patch(b, 40, ulong.MaxValue - 10, 8), ElfCodes.BadSectionTable, _ => 40),
        ["e_shentsize 12"] = new("aarch64-object", b => Corrupt.Patch(b, 58, 12, 2), ElfCodes.BadSectionTable, _ => 58),
        ["e_shnum 0xffff"] = new("aarch64-object", b => Corrupt.Patch(b, 60, 0xffff, 2), ElfCodes.BadSectionTable, _ => 40),
        ["e_shstrndx 200"] = new("aarch64-object", b => Corrupt.Patch(b, 62, 200, 2), ElfCodes.BadStringTable, _ => 62),
        ["e_shstrndx names .text"] = new("aarch64-object", b => Corrupt.Patch(b, 62, (ulong)ElfFile.Read(b).FindSection(".text")!.Index, 2), ElfCodes.BadStringTable, _ => 62),
        ["section offset past the end"] = new("riscv64-object", b => Corrupt.Patch(b, Corrupt.SectionField(b, ".text", 24), 1UL << 40, 8), ElfCodes.BadSection,
            b => Corrupt.SectionField(b, ".text", 0)),
        ["section size past the end"] = new("riscv64-object", b => Corrupt.Patch(b, Corrupt.SectionField(b, ".symtab", 32), ulong.MaxValue, 8), ElfCodes.BadSection,
            b => Corrupt.SectionField(b, ".symtab", 0)),
        ["section name outside .shstrtab"] = new("riscv64-object", b => Corrupt.Patch(b, Corrupt.SectionField(b, ".text", 0), 0x7fff_0000, 4), ElfCodes.BadString,
            b => Corrupt.SectionField(b, ".text", 0)),
        ["e_phoff past the end"] = new("x86_64-static-exe", b => Corrupt.Patch(b, 32, 1UL << 50, 8), ElfCodes.BadProgramHeaderTable, _ => 32),
        ["e_phentsize 10"] = new("x86_64-static-exe", b => Corrupt.Patch(b, 54, 10, 2), ElfCodes.BadProgramHeaderTable, _ => 54),
        ["segment past the end"] = new("x86_64-static-exe", b => Corrupt.Patch(b, 64 + 8, 1UL << 33, 8), ElfCodes.BadSegment, _ => 64),
        ["symtab sh_entsize 7"] = new("aarch64-object", b => Corrupt.Patch(b, Corrupt.SectionField(b, ".symtab", 56), 7, 8), ElfCodes.BadSymbolTable,
            b => Corrupt.SectionField(b, ".symtab", 0)),
        ["symtab linked to itself"] = new("aarch64-object", b => Corrupt.Patch(b, Corrupt.SectionField(b, ".symtab", 40), (ulong)ElfFile.Read(b).FindSection(".symtab")!.Index, 4),
            ElfCodes.BadStringTable, b => Corrupt.SectionField(b, ".symtab", 0)),
        ["symbol in section 5000"] = new("aarch64-object", b => Corrupt.Patch(b, Corrupt.SymbolField(b, "helper", 6), 5000, 2), ElfCodes.BadSymbolTable,
            b => Corrupt.SymbolField(b, "helper", 0)),
        ["symbol name outside .strtab"] = new("aarch64-object", b => Corrupt.Patch(b, Corrupt.SymbolField(b, "helper", 0), 0xffff_fff0, 4), ElfCodes.BadString,
            b => Corrupt.SymbolField(b, "helper", 0)),
        ["rela sh_entsize 5"] = new("x86_64-object", b => Corrupt.Patch(b, Corrupt.SectionField(b, ".rela.text", 56), 5, 8), ElfCodes.BadRelocation,
            b => Corrupt.SectionField(b, ".rela.text", 0)),
        ["relocation names symbol 0xffffff"] = new("x86_64-object", b => Corrupt.Patch(b, Corrupt.SectionData(b, ".rela.text", 12), 0xffffff, 4), ElfCodes.BadRelocation,
            b => Corrupt.SectionData(b, ".rela.text")),
        ["note namesz huge"] = new("aarch64-linux-exe", b => Corrupt.Patch(b, Corrupt.SectionData(b, ".note.gnu.build-id"), 0xffff_ffff, 4), ElfCodes.BadNote,
            b => Corrupt.SectionData(b, ".note.gnu.build-id")),
        ["dynamic sh_entsize 3"] = new("riscv64-linux-exe", b => Corrupt.Patch(b, Corrupt.SectionField(b, ".dynamic", 56), 3, 8), ElfCodes.BadDynamic,
            b => Corrupt.SectionField(b, ".dynamic", 0)),
        ["DT_NEEDED string outside .dynstr"] = new("riscv64-linux-exe", b => Corrupt.Patch(b, Corrupt.SectionData(b, ".dynamic", 8), 0x7fff_ffff, 8), ElfCodes.BadString,
            b => Corrupt.SectionData(b, ".dynamic")),
        ["attributes without format version"] = new("riscv64-object", b => Corrupt.Patch(b, Corrupt.SectionData(b, ".riscv.attributes"), (byte)'B', 1), ElfCodes.BadAttributes,
            b => Corrupt.SectionData(b, ".riscv.attributes")),
        ["attributes subsection too long"] = new("riscv64-object", b => Corrupt.Patch(b, Corrupt.SectionData(b, ".riscv.attributes", 1), 0x1000, 4), ElfCodes.BadAttributes,
            b => Corrupt.SectionData(b, ".riscv.attributes", 1)),
        ["symbol version index undeclared"] = new("x86_64-linux-exe", b => Corrupt.Patch(b, Corrupt.SectionData(b, ".gnu.version", 2), 0x77, 2), ElfCodes.BadVersionInfo,
            b => Corrupt.SectionData(b, ".gnu.version", 2)),
    };

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in s_cases.Keys.Order(StringComparer.Ordinal))
            data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_damaged_file_reports_its_VDN5xxx_code_at_the_byte_offset(string name)
    {
        var c = s_cases[name];
        var pristine = Fixtures.Bytes(c.Fixture);
        var damaged = c.Damage(pristine);

        var ok = ElfFile.TryRead(damaged, out var file, out var diagnostics, "damaged.elf", ElfReadMode.Eager);
        var hit = diagnostics.FirstOrDefault(d => d.Code == c.Code);
        Assert.True(hit is not null, $"expected {c.Code}, got: {string.Join("; ", diagnostics)}");
        Assert.Equal(c.Offset(pristine), hit.Location?.Offset);
        Assert.Equal("damaged.elf", hit.Location?.File);
        Assert.All(diagnostics, d => Assert.NotNull(d.Location?.Offset));
        Assert.Equal(!c.ErrorExpected, ok);
        Assert.Equal(c.ErrorExpected ? Severity.Error : Severity.Warning, hit.Severity);

        if (c.ErrorExpected)
        {
            var e = Assert.Throws<DiagnosticException>(() => ElfFile.Read(damaged, "damaged.elf", ElfReadMode.Eager));
            Assert.Contains(e.Diagnostics, d => d.Code == c.Code);
        }
        // Whatever was readable can still be looked at, lazily, without exceptions.
        if (file is not null)
            Exercise.All(file);
    }

    [Theory]
    [MemberData(nameof(Fixtures.Names), MemberType = typeof(Fixtures))]
    public void Every_truncation_of_a_fixture_is_reported_never_thrown(string fixture)
    {
        var bytes = Fixtures.Bytes(fixture);
        foreach (var cut in Fixtures.TruncationPoints(bytes.Length))
        {
            var ok = ElfFile.TryRead(bytes.AsMemory(0, cut), out var file, out var diagnostics, fixture, ElfReadMode.Eager);
            Assert.False(ok && cut < 64, $"a {cut}-byte prefix read as a complete ELF file");
            Assert.All(diagnostics, d => Assert.StartsWith("VDN5", d.Code));
            Assert.All(diagnostics, d => Assert.NotNull(d.Location?.Offset));
            if (file is not null)
                Exercise.All(file);
        }
        Assert.True(ElfFile.TryRead(bytes, out _, out var clean, fixture, ElfReadMode.Eager), string.Join("; ", clean));
        Assert.Empty(clean);
    }
}
