using System.Text;
using Veridian.Diagnostics;
using static Veridian.Elf.ElfConstants;

namespace Veridian.Elf;

/// <summary>
/// An ELF file (ELF32 or ELF64, little or big endian) read from memory or a seekable stream. Reading decodes
/// the file header, the section and program header tables and section names; symbols, relocations, notes,
/// the dynamic section and build attributes are decoded on first use (<see cref="ElfReadMode.Lazy"/>).
/// Every offset and size is checked against the input and every loop is bounded by it, so malformed input
/// produces diagnostics (VDN5xxx, with the byte offset), never an exception other than
/// <see cref="DiagnosticException"/> from <c>Read</c>.
/// </summary>
public sealed partial class ElfFile
{
    private readonly ElfSource _source;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Lock _diagnosticsLock = new();
    private readonly bool _big;
    private readonly bool _is64;

    private static readonly byte[] s_magic = [0x7f, (byte)'E', (byte)'L', (byte)'F'];

    private ElfFile(ElfSource source, string? name, ElfHeader header)
    {
        _source = source;
        Name = name;
        Header = header;
        _big = header.Endianness == ElfEndianness.Big;
        _is64 = header.Class == ElfClass.Elf64;
        _symbols = new(() => ReadSymbolTable(SHT_SYMTAB));
        _dynamicSymbols = new(() => ReadSymbolTable(SHT_DYNSYM));
        _relocations = new(ReadRelocationSections);
        _notes = new(ReadNotes);
        _dynamic = new(ReadDynamic);
        _attributes = new(ReadAttributes);
        _interpreter = new(ReadInterpreter);
    }

    /// <summary>The name used in diagnostics (usually the file path); null for anonymous input.</summary>
    public string? Name { get; }

    /// <summary>The size of the input in bytes.</summary>
    public long Length => _source.Length;

    /// <summary>The file header, with the section/program header counts resolved (they may live in section 0).</summary>
    public ElfHeader Header { get; private set; }

    public ElfClass Class => Header.Class;

    public ElfEndianness Endianness => Header.Endianness;

    /// <summary><c>e_type</c> (see <see cref="ElfNames.FileType"/> for values outside <see cref="ElfType"/>).</summary>
    public ElfType Type => (ElfType)Header.Type;

    /// <summary><c>e_machine</c> (see <see cref="ElfNames.Machine"/> for values outside <see cref="ElfMachine"/>).</summary>
    public ElfMachine Machine => (ElfMachine)Header.Machine;

    public ulong Entry => Header.Entry;

    /// <summary><c>e_flags</c> (for RISC-V: RVC and the float ABI; see <see cref="ElfConstants.EF_RISCV_RVC"/>).</summary>
    public uint Flags => Header.Flags;

    /// <summary>Section headers in file order (index 0 is the null section); empty when the file has none.</summary>
    public IReadOnlyList<ElfSection> Sections { get; private set; } = [];

    /// <summary>Program headers in file order; empty for relocatable objects.</summary>
    public IReadOnlyList<ElfSegment> Segments { get; private set; } = [];

    /// <summary>Every problem found so far (grows as lazy members are first used).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics
    {
        get
        {
            lock (_diagnosticsLock)
                return _diagnostics.ToArray();
        }
    }

    /// <summary>True when any error (not just warnings) has been found so far.</summary>
    public bool HasErrors
    {
        get
        {
            lock (_diagnosticsLock)
                return _diagnostics.Exists(d => d.Severity == Severity.Error);
        }
    }

    // ---- entry points -------------------------------------------------------------------------------

    /// <summary>Reads an ELF file from memory; throws <see cref="DiagnosticException"/> on any error.</summary>
    public static ElfFile Read(ReadOnlyMemory<byte> data, string? name = null, ElfReadMode mode = ElfReadMode.Lazy) =>
        ThrowOnErrors(TryReadCore(new MemorySource(data), name, mode));

    /// <summary>Reads an ELF file from a seekable stream, on demand (it moves the stream's position); the stream must stay
    /// open while the lazy members are used. Throws <see cref="DiagnosticException"/> on any error.</summary>
    public static ElfFile Read(Stream stream, string? name = null, ElfReadMode mode = ElfReadMode.Lazy) =>
        ThrowOnErrors(TryReadCore(SourceOf(stream, name, out var failure), name, mode, failure));

    /// <summary>Reads the file at <paramref name="path"/> (loaded into memory); throws <see cref="DiagnosticException"/> on any
    /// error, including VDN5090 when the file cannot be read.</summary>
    public static ElfFile ReadFile(string path, ElfReadMode mode = ElfReadMode.Lazy)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw DiagnosticException.Error(ElfCodes.ReadFailed, $"cannot read '{path}': {e.Message}", SourceLocation.AtOffset(path, 0), "check the path and its permissions");
        }
        return Read(bytes, path, mode);
    }

    /// <summary>
    /// Reads an ELF file from memory without throwing. Returns true when no error was found. <paramref name="file"/>
    /// is non-null whenever the identification bytes were readable, even with errors, so a damaged file can still
    /// be inspected; <paramref name="diagnostics"/> holds every problem found.
    /// </summary>
    public static bool TryRead(ReadOnlyMemory<byte> data, out ElfFile? file, out IReadOnlyList<Diagnostic> diagnostics,
        string? name = null, ElfReadMode mode = ElfReadMode.Lazy) =>
        Finish(TryReadCore(new MemorySource(data), name, mode), out file, out diagnostics);

    /// <summary>As <see cref="TryRead(ReadOnlyMemory{byte}, out ElfFile?, out IReadOnlyList{Diagnostic}, string?, ElfReadMode)"/>, from a seekable stream.</summary>
    public static bool TryRead(Stream stream, out ElfFile? file, out IReadOnlyList<Diagnostic> diagnostics,
        string? name = null, ElfReadMode mode = ElfReadMode.Lazy) =>
        Finish(TryReadCore(SourceOf(stream, name, out var failure), name, mode, failure), out file, out diagnostics);

    private static ElfSource SourceOf(Stream stream, string? name, out Diagnostic? failure)
    {
        failure = null;
        if (stream.CanSeek && stream.CanRead)
            return new StreamSource(stream);
        failure = Diagnostic.Error(ElfCodes.ReadFailed, "the stream cannot seek or read; pass a seekable stream or the bytes",
            SourceLocation.AtOffset(name, 0));
        return new MemorySource(ReadOnlyMemory<byte>.Empty);
    }

    private static bool Finish((ElfFile? File, IReadOnlyList<Diagnostic> Diagnostics) result, out ElfFile? file, out IReadOnlyList<Diagnostic> diagnostics)
    {
        file = result.File;
        diagnostics = result.Diagnostics;
        return file is not null && !diagnostics.Any(d => d.Severity == Severity.Error);
    }

    private static ElfFile ThrowOnErrors((ElfFile? File, IReadOnlyList<Diagnostic> Diagnostics) result)
    {
        if (result.File is null || result.Diagnostics.Any(d => d.Severity == Severity.Error))
            throw new DiagnosticException(result.Diagnostics.Where(d => d.Severity == Severity.Error).Concat(result.Diagnostics.Where(d => d.Severity != Severity.Error)).ToArray());
        return result.File;
    }

    private static (ElfFile? File, IReadOnlyList<Diagnostic> Diagnostics) TryReadCore(ElfSource source, string? name, ElfReadMode mode, Diagnostic? failure = null)
    {
        if (failure is not null)
            return (null, [failure]);
        var header = ReadHeader(source, name, out var headerProblem, out var warnings);
        if (header is null)
            return (null, [headerProblem!, .. warnings]);
        var file = new ElfFile(source, name, header);
        foreach (var w in warnings)
            file.Add(w);
        file.ReadSectionHeaders();
        file.ReadProgramHeaders();
        if (mode == ElfReadMode.Eager)
            file.DecodeAll();
        return (file, file.Diagnostics);
    }

    /// <summary>Decodes every lazy member now (symbols, relocations, notes, dynamic section, attributes).</summary>
    public void DecodeAll()
    {
        _ = Symbols;
        _ = DynamicSymbols;
        _ = RelocationSections;
        _ = Notes;
        _ = DynamicEntries;
        _ = Attributes;
        _ = Interpreter;
    }

    // ---- diagnostics --------------------------------------------------------------------------------

    /// <summary>A corrupt table can hold millions of bad entries; past this many, problems are counted, not listed.</summary>
    public const int MaxDiagnostics = 100;

    private void Add(Diagnostic d)
    {
        lock (_diagnosticsLock)
        {
            if (_diagnostics.Count < MaxDiagnostics || d.Code == ElfCodes.WorkLimit)
                _diagnostics.Add(d);
            else if (_diagnostics.Count == MaxDiagnostics)
                _diagnostics.Add(d with { Message = $"more than {MaxDiagnostics} problems; the rest are not listed (first of them: {d.Message})" });
        }
    }

    private void Error(string code, long offset, string message, string? hint = null) =>
        Add(Diagnostic.Error(code, message, SourceLocation.AtOffset(Name, offset), hint));

    private void Error(string code, ulong offset, string message, string? hint = null) =>
        Error(code, offset > long.MaxValue ? long.MaxValue : (long)offset, message, hint);

    private void Warning(string code, long offset, string message) =>
        Add(Diagnostic.Warning(code, message, SourceLocation.AtOffset(Name, offset)));

    // ---- header -------------------------------------------------------------------------------------

    private static ElfHeader? ReadHeader(ElfSource source, string? name, out Diagnostic? problem, out List<Diagnostic> warnings)
    {
        warnings = [];
        problem = null;
        Diagnostic Fail(string code, long offset, string message, string? hint = null) =>
            Diagnostic.Error(code, message, SourceLocation.AtOffset(name, offset), hint);

        if (!source.TryGet(0, (ulong)Math.Min(source.Length, 64), out var head) || head.Length < 4 ||
            !head.Span[..4].SequenceEqual(s_magic))
        {
            problem = Fail(ElfCodes.NotElf, 0,
                source.Length < 4 ? $"not an ELF file: only {source.Length} byte(s)" : "not an ELF file: no \\x7fELF magic at offset 0",
                "pass an ELF object, executable or shared library");
            return null;
        }
        if (head.Length < 16)
        {
            problem = Fail(ElfCodes.BadHeader, head.Length, $"the ELF identification is truncated: {head.Length} of 16 bytes");
            return null;
        }
        var ident = head.Span;
        var elfClass = ident[4];
        var data = ident[5];
        if (elfClass is not (1 or 2))
        {
            problem = Fail(ElfCodes.BadClass, 4, $"unknown ELF class {elfClass} (EI_CLASS must be 1 for ELF32 or 2 for ELF64)");
            return null;
        }
        if (data is not (1 or 2))
        {
            problem = Fail(ElfCodes.BadEncoding, 5, $"unknown ELF data encoding {data} (EI_DATA must be 1 for little or 2 for big endian)");
            return null;
        }
        var is64 = elfClass == 2;
        var size = is64 ? 64 : 52;
        if (head.Length < size)
        {
            problem = Fail(ElfCodes.BadHeader, head.Length, $"the ELF header is truncated: the file has {source.Length} byte(s), the header needs {size}");
            return null;
        }
        if (ident[6] != 1)
            warnings.Add(Diagnostic.Warning(ElfCodes.BadVersion, $"EI_VERSION is {ident[6]}, expected 1", SourceLocation.AtOffset(name, 6)));
        var r = new FieldReader(ident, data == 2);
        var h = is64
            ? new ElfHeader(ElfClass.Elf64, (ElfEndianness)data, ident[6], ident[7], ident[8], r.U16(16), r.U16(18), r.U32(20),
                r.U64(24), r.U64(32), r.U64(40), r.U32(48), r.U16(52), r.U16(54), r.U16(56), r.U16(58), r.U16(60), r.U16(62))
            : new ElfHeader(ElfClass.Elf32, (ElfEndianness)data, ident[6], ident[7], ident[8], r.U16(16), r.U16(18), r.U32(20),
                r.U32(24), r.U32(28), r.U32(32), r.U32(36), r.U16(40), r.U16(42), r.U16(44), r.U16(46), r.U16(48), r.U16(50));
        if (h.Version != 1)
            warnings.Add(Diagnostic.Warning(ElfCodes.BadVersion, $"e_version is {h.Version}, expected 1", SourceLocation.AtOffset(name, 20)));
        if (h.HeaderSize != size)
            warnings.Add(Diagnostic.Warning(ElfCodes.BadHeader, $"e_ehsize is {h.HeaderSize}, expected {size}", SourceLocation.AtOffset(name, is64 ? 52 : 40)));
        return h with { ProgramHeaderCount = h.ProgramHeaderCountField, SectionHeaderCount = h.SectionHeaderCountField, StringTableIndex = h.StringTableIndexField };
    }

    // ---- sections -----------------------------------------------------------------------------------

    private int SectionHeaderSize => _is64 ? 64 : 40;

    private void ReadSectionHeaders()
    {
        var h = Header;
        var shOffFieldAt = _is64 ? 40 : 32;
        if (h.SectionHeaderOffset == 0)
        {
            if (h.SectionHeaderCountField != 0)
                Error(ElfCodes.BadSectionTable, shOffFieldAt, $"e_shnum is {h.SectionHeaderCountField} but e_shoff is 0");
            return;
        }
        if (h.SectionHeaderEntrySize != SectionHeaderSize)
        {
            Error(ElfCodes.BadSectionTable, _is64 ? 58 : 46, $"e_shentsize is {h.SectionHeaderEntrySize}, expected {SectionHeaderSize}");
            return;
        }
        // Section 0 holds the real count / string index when they do not fit in the header (gABI "Sections").
        if (!_source.TryGet(h.SectionHeaderOffset, (ulong)SectionHeaderSize, out var first))
        {
            Error(ElfCodes.BadSectionTable, shOffFieldAt, $"the section header table at 0x{h.SectionHeaderOffset:x} lies outside the file ({Length} bytes)",
                "the file is truncated or corrupt; rebuild it");
            return;
        }
        var s0 = ParseSection(0, first.Span);
        ulong count = h.SectionHeaderCountField == 0 ? s0.Size : h.SectionHeaderCountField;
        var shstrndx = h.StringTableIndexField == SHN_XINDEX ? s0.Link : h.StringTableIndexField;
        var phnum = h.ProgramHeaderCountField == PN_XNUM ? (int)Math.Min(s0.Info, int.MaxValue) : h.ProgramHeaderCountField;
        if (count == 0)
            count = 1; // e_shnum 0 with sh_size 0 would be no sections, but the table at e_shoff still has entry 0
        var tableSize = count * (ulong)SectionHeaderSize;
        if (count > (ulong)Length / (ulong)SectionHeaderSize || !_source.TryGet(h.SectionHeaderOffset, tableSize, out var table))
        {
            Error(ElfCodes.BadSectionTable, shOffFieldAt,
                $"the section header table ({count} entries at 0x{h.SectionHeaderOffset:x}) runs past the end of the file ({Length} bytes)",
                "the file is truncated or corrupt; rebuild it");
            Header = h with { SectionHeaderCount = 0, StringTableIndex = shstrndx, ProgramHeaderCount = phnum };
            return;
        }
        Header = h with { SectionHeaderCount = (int)count, StringTableIndex = shstrndx, ProgramHeaderCount = phnum };
        var raw = new ElfSection[(int)count];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = ParseSection(i, table.Span.Slice(i * SectionHeaderSize, SectionHeaderSize));
            if (!raw[i].IsNoBits && raw[i].Type != SHT_NULL && !_source.Contains(raw[i].Offset, raw[i].Size))
            {
                Error(ElfCodes.BadSection, (long)h.SectionHeaderOffset + (long)i * SectionHeaderSize,
                    $"section {i} (offset 0x{raw[i].Offset:x}, size 0x{raw[i].Size:x}) lies outside the file ({Length} bytes)",
                    "the file is truncated or corrupt; rebuild it");
            }
        }

        // Names come from the section-name string table (e_shstrndx).
        ReadOnlyMemory<byte> names = default;
        if (shstrndx != SHN_UNDEF)
        {
            if (shstrndx >= count)
                Error(ElfCodes.BadStringTable, _is64 ? 62 : 50, $"e_shstrndx is {shstrndx} but there are only {count} sections");
            else if (raw[shstrndx].Type != SHT_STRTAB)
                Error(ElfCodes.BadStringTable, _is64 ? 62 : 50, $"e_shstrndx names section {shstrndx}, which is {raw[shstrndx].TypeName}, not SHT_STRTAB");
            else if (!_source.TryGet(raw[shstrndx].Offset, raw[shstrndx].Size, out names))
                names = default; // already reported as BadSection
        }
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i].NameOffset == 0 && names.IsEmpty)
                continue;
            var nameAt = (long)h.SectionHeaderOffset + (long)i * SectionHeaderSize;
            raw[i] = raw[i] with { Name = StringAt(names.Span, raw[i].NameOffset, nameAt, $"section {i}'s name") ?? "" };
        }
        Sections = raw;
    }

    private ElfSection ParseSection(int index, ReadOnlySpan<byte> s)
    {
        var r = new FieldReader(s, _big);
        return _is64
            ? new ElfSection(index, "", r.U32(0), r.U32(4), r.U64(8), r.U64(16), r.U64(24), r.U64(32), r.U32(40), r.U32(44), r.U64(48), r.U64(56), Machine)
            : new ElfSection(index, "", r.U32(0), r.U32(4), r.U32(8), r.U32(12), r.U32(16), r.U32(20), r.U32(24), r.U32(28), r.U32(32), r.U32(36), Machine);
    }

    /// <summary>The bytes of a section (empty for SHT_NOBITS or when it lies outside the file, which Read reported).</summary>
    public ReadOnlyMemory<byte> GetSectionData(ElfSection section) =>
        !section.IsNoBits && _source.TryGet(section.Offset, section.Size, out var bytes) ? bytes : ReadOnlyMemory<byte>.Empty;

    /// <summary>The bytes of a segment's file image (empty when it lies outside the file, which Read reported).</summary>
    public ReadOnlyMemory<byte> GetSegmentData(ElfSegment segment) =>
        _source.TryGet(segment.Offset, segment.FileSize, out var bytes) ? bytes : ReadOnlyMemory<byte>.Empty;

    /// <summary>The first section with this name, or null.</summary>
    public ElfSection? FindSection(string name) => Sections.FirstOrDefault(s => s.Name == name);

    private ElfSection? SectionAt(uint index) => index < Sections.Count ? Sections[(int)index] : null;

    // ---- segments -----------------------------------------------------------------------------------

    private int ProgramHeaderSize => _is64 ? 56 : 32;

    private void ReadProgramHeaders()
    {
        var h = Header;
        var count = (ulong)h.ProgramHeaderCount;
        if (count == 0)
            return;
        var phOffFieldAt = _is64 ? 32 : 28;
        if (h.ProgramHeaderEntrySize != ProgramHeaderSize)
        {
            Error(ElfCodes.BadProgramHeaderTable, _is64 ? 54 : 42, $"e_phentsize is {h.ProgramHeaderEntrySize}, expected {ProgramHeaderSize}");
            return;
        }
        if (count > (ulong)Length / (ulong)ProgramHeaderSize || !_source.TryGet(h.ProgramHeaderOffset, count * (ulong)ProgramHeaderSize, out var table))
        {
            Error(ElfCodes.BadProgramHeaderTable, phOffFieldAt,
                $"the program header table ({count} entries at 0x{h.ProgramHeaderOffset:x}) runs past the end of the file ({Length} bytes)",
                "the file is truncated or corrupt; rebuild it");
            return;
        }
        var list = new ElfSegment[(int)count];
        for (var i = 0; i < list.Length; i++)
        {
            var r = new FieldReader(table.Span.Slice(i * ProgramHeaderSize, ProgramHeaderSize), _big);
            var p = _is64
                ? new ElfSegment(i, r.U32(0), r.U32(4), r.U64(8), r.U64(16), r.U64(24), r.U64(32), r.U64(40), r.U64(48), Machine)
                : new ElfSegment(i, r.U32(0), r.U32(24), r.U32(4), r.U32(8), r.U32(12), r.U32(16), r.U32(20), r.U32(28), Machine);
            var at = (long)h.ProgramHeaderOffset + (long)i * ProgramHeaderSize;
            if (p.FileSize > 0 && !_source.Contains(p.Offset, p.FileSize))
                Error(ElfCodes.BadSegment, at, $"segment {i} ({p.TypeName}, offset 0x{p.Offset:x}, size 0x{p.FileSize:x}) lies outside the file ({Length} bytes)",
                    "the file is truncated or corrupt; rebuild it");
            else if (p.Type == PT_LOAD && p.FileSize > p.MemorySize)
                Warning(ElfCodes.BadSegment, at, $"segment {i} (PT_LOAD) has p_filesz 0x{p.FileSize:x} larger than p_memsz 0x{p.MemorySize:x}");
            list[i] = p;
        }
        Segments = list;
    }

    /// <summary>The file offset of a virtual address inside a PT_LOAD segment's file image, or null.</summary>
    public ulong? FileOffsetOf(ulong address)
    {
        foreach (var s in Segments)
        {
            if (s.Type == PT_LOAD && address >= s.VirtualAddress && address - s.VirtualAddress < s.FileSize)
                return s.Offset + (address - s.VirtualAddress);
        }
        return null;
    }
}
