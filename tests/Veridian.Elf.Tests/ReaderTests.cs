using Veridian.Diagnostics;

namespace Veridian.Elf.Tests;

/// <summary>The library API: stream and memory agree, reading is lazy, facts and names.</summary>
public class ReaderTests
{
    /// <summary>A read-only stream that counts the bytes handed out.</summary>
    private sealed class CountingStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public long BytesRead { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            var n = base.Read(buffer);
            BytesRead += n;
            return n;
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures.Names), MemberType = typeof(Fixtures))]
    public void Reading_from_a_stream_gives_the_same_file_as_reading_from_memory(string fixture)
    {
        var bytes = Fixtures.Bytes(fixture);
        var memory = ElfFile.Read(bytes, fixture);
        using var stream = new MemoryStream(bytes, writable: false);
        var streamed = ElfFile.Read(stream, fixture);
        Assert.Equal(memory.Header, streamed.Header);
        Assert.Equal(memory.Sections, streamed.Sections);
        Assert.Equal(memory.Segments, streamed.Segments);
        Assert.Equal(memory.Symbols, streamed.Symbols);
        Assert.Equal(memory.DynamicSymbols, streamed.DynamicSymbols);
        Assert.Equal(memory.RelocationSections.SelectMany(r => r.Relocations), streamed.RelocationSections.SelectMany(r => r.Relocations));
        Assert.Equal(memory.DynamicEntries, streamed.DynamicEntries);
        Assert.Equal(memory.BuildId, streamed.BuildId);
        Assert.Empty(streamed.Diagnostics);
    }

    [Fact]
    public void Read_from_a_stream_decodes_only_headers_until_symbols_are_asked_for()
    {
        var bytes = Fixtures.Bytes("x86_64-linux-exe");
        using var stream = new CountingStream(bytes);
        var file = ElfFile.Read(stream, "lazy");
        var afterRead = stream.BytesRead;
        // The ELF header, section 0 (for extended counts), the section and program header tables, .shstrtab: nothing else.
        var headers = 64 + 64 + file.Sections.Count * 64 + file.Segments.Count * 56 + (long)file.Sections[(int)file.Header.StringTableIndex].Size;
        Assert.Equal(headers, afterRead);
        Assert.NotEmpty(file.Symbols);
        Assert.True(stream.BytesRead > afterRead, "symbols were decoded before they were asked for");
    }

    [Fact]
    public void A_non_seekable_stream_is_VDN5090_not_an_exception()
    {
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream();
        Assert.False(ElfFile.TryRead(pipe, out var file, out var diagnostics));
        Assert.Null(file);
        Assert.Equal(ElfCodes.ReadFailed, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void ReadFile_of_a_missing_file_is_VDN5090()
    {
        var e = Assert.Throws<DiagnosticException>(() => ElfFile.ReadFile(Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("n"))));
        Assert.Equal(ElfCodes.ReadFailed, e.Diagnostic.Code);
    }

    [Fact]
    public void Read_throws_a_DiagnosticException_and_TryRead_returns_the_same_diagnostics()
    {
        var text = "not an elf"u8.ToArray();
        var e = Assert.Throws<DiagnosticException>(() => ElfFile.Read(text, "x.txt"));
        Assert.Equal(ElfCodes.NotElf, e.Diagnostic.Code);
        Assert.Equal(0, e.Diagnostic.Location?.Offset);
        Assert.False(ElfFile.TryRead(text, out var file, out var diagnostics, "x.txt"));
        Assert.Null(file);
        Assert.Equal(e.Diagnostics, diagnostics);
    }

    [Theory]
    [InlineData("x86_64-object", ElfMachine.X86_64, ElfClass.Elf64, ElfEndianness.Little, "x86_64", "helper")]
    [InlineData("aarch64-static-exe", ElfMachine.AArch64, ElfClass.Elf64, ElfEndianness.Little, "aarch64", "helper")]
    [InlineData("riscv64-linux-lib", ElfMachine.RiscV, ElfClass.Elf64, ElfEndianness.Little, "riscv64", "copy_and_print")]
    [InlineData("i386-object", ElfMachine.I386, ElfClass.Elf32, ElfEndianness.Little, "i386", "helper")]
    [InlineData("armv7-object", ElfMachine.Arm, ElfClass.Elf32, ElfEndianness.Little, "arm", "helper")]
    [InlineData("aarch64_be-object", ElfMachine.AArch64, ElfClass.Elf64, ElfEndianness.Big, "aarch64_be", "helper")]
    [InlineData("riscv32-object", ElfMachine.RiscV, ElfClass.Elf32, ElfEndianness.Little, "riscv32", "helper")]
    public void Machine_class_byte_order_and_architecture_are_read(string fixture, ElfMachine machine, ElfClass elfClass, ElfEndianness endianness, string arch, string function)
    {
        var f = ElfFile.Read(Fixtures.Bytes(fixture));
        Assert.Equal(machine, f.Machine);
        Assert.Equal(elfClass, f.Class);
        Assert.Equal(endianness, f.Endianness);
        Assert.Equal(arch, ElfFacts.Of(f).Architecture);
        Assert.Contains(f.Symbols, s => s.Name == function && s.TypeName == "Function");
    }

    [Fact]
    public void ARM_build_attributes_are_decoded()
    {
        var f = ElfFile.Read(Fixtures.Bytes("armv7-object"));
        var aeabi = Assert.Single(f.Attributes, a => a.Vendor == "aeabi");
        Assert.Contains(aeabi.Attributes, a => a.TagName == "Tag_conformance" && a.Text == "2.09");
        Assert.Contains(aeabi.Attributes, a => a.TagName == "Tag_CPU_arch" && a.Number == 10); // v7
    }

    [Fact]
    public void Section_and_program_header_counts_beyond_the_header_fields_come_from_section_0()
    {
        // gABI: e_shnum 0 means "see section 0's sh_size"; e_shstrndx SHN_XINDEX means "see section 0's sh_link".
        var bytes = Fixtures.Bytes("aarch64-object");
        var f = ElfFile.Read(bytes);
        var shoff = (long)f.Header.SectionHeaderOffset;
        var patched = Corrupt.Patch(bytes, 60, 0, 2);
        patched = Corrupt.Patch(patched, shoff + 32, (ulong)f.Sections.Count, 8);
        patched = Corrupt.Patch(patched, 62, 0xffff, 2);
        patched = Corrupt.Patch(patched, shoff + 40, f.Header.StringTableIndex, 4);
        var g = ElfFile.Read(patched);
        Assert.Equal(f.Sections.Select(s => s.Name), g.Sections.Select(s => s.Name));
        Assert.Equal(f.Sections.Count, g.Header.SectionHeaderCount);
    }
}
