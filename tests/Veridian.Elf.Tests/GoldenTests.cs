using Veridian.Tests;
using System.Text.Json;
using Veridian.Elf.Report;

namespace Veridian.Elf.Tests;

/// <summary>
/// Differential oracle: the <see cref="ElfReport"/> with every listing, as JSON (<c>veridian inspect --json --symbols
/// --relocs --notes</c>), against <c>llvm-readelf-19 --elf-output-style=JSON</c> on every fixture, field by field
/// (structured data, not text).
/// </summary>
public class GoldenTests
{
    [Theory]
    [MemberData(nameof(Fixtures.NamesWithHostFiles), MemberType = typeof(Fixtures))]
    public void The_report_equals_llvm_readelf_for_headers_sections_segments_symbols_relocations_dynamic_and_notes(string fixture)
    {
        var path = Fixtures.PathOf(fixture);
        var oracle = Readelf(path);
        var ours = Report(path);
        var diff = new List<string>();
        void Eq<T>(string what, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
                diff.Add($"{what}: readelf {expected}, ours {actual}");
        }

        // File header
        var h = oracle.GetProperty("ElfHeader");
        Eq("machine", h.GetProperty("Machine").GetProperty("Value").GetInt32(), ours.GetProperty("machineValue").GetInt32());
        Eq("entry", h.GetProperty("Entry").GetUInt64(), ours.GetProperty("entry").GetUInt64());
        Eq("flags", h.GetProperty("Flags").GetProperty("Value").GetUInt32(), ours.GetProperty("flags").GetUInt32());
        Eq("class", h.GetProperty("Ident").GetProperty("Class").GetProperty("Value").GetInt32() == 2 ? "elf64" : "elf32", ours.GetProperty("class").GetString());
        Eq("endianness", h.GetProperty("Ident").GetProperty("DataEncoding").GetProperty("Name").GetString() == "LittleEndian" ? "little" : "big",
            ours.GetProperty("endianness").GetString());
        var typeText = h.GetProperty("Type").GetString()!; // e.g. "Relocatable (0x1)"
        Eq("type", Convert.ToInt32(typeText[(typeText.IndexOf("(0x", StringComparison.Ordinal) + 3)..^1], 16),
            TypeValue(ours.GetProperty("type").GetString()!));

        // Sections
        var theirSections = oracle.GetProperty("Sections").EnumerateArray().Select(s => s.GetProperty("Section")).ToList();
        var ourSections = ours.GetProperty("sections").EnumerateArray().ToList();
        Eq("section count", theirSections.Count, ourSections.Count);
        foreach (var (t, o) in theirSections.Zip(ourSections))
        {
            var i = t.GetProperty("Index").GetInt32();
            Eq($"section {i} index", i, o.GetProperty("index").GetInt32());
            Eq($"section {i} name", t.GetProperty("Name").GetProperty("Name").GetString(), o.GetProperty("name").GetString());
            Eq($"section {i} type", t.GetProperty("Type").GetProperty("Value").GetUInt32(), o.GetProperty("typeValue").GetUInt32());
            Eq($"section {i} type name", t.GetProperty("Type").GetProperty("Name").GetString(), o.GetProperty("type").GetString());
            Eq($"section {i} flags", t.GetProperty("Flags").GetProperty("Value").GetUInt64(), o.GetProperty("flags").GetUInt64());
            Eq($"section {i} address", t.GetProperty("Address").GetUInt64(), o.GetProperty("address").GetUInt64());
            Eq($"section {i} offset", t.GetProperty("Offset").GetUInt64(), o.GetProperty("offset").GetUInt64());
            Eq($"section {i} size", t.GetProperty("Size").GetUInt64(), o.GetProperty("size").GetUInt64());
            Eq($"section {i} link", t.GetProperty("Link").GetUInt32(), o.GetProperty("link").GetUInt32());
            Eq($"section {i} info", t.GetProperty("Info").GetUInt32(), o.GetProperty("info").GetUInt32());
            Eq($"section {i} align", t.GetProperty("AddressAlignment").GetUInt64(), o.GetProperty("addressAlign").GetUInt64());
            Eq($"section {i} entsize", t.GetProperty("EntrySize").GetUInt64(), o.GetProperty("entrySize").GetUInt64());
        }

        // Segments
        var theirSegments = oracle.GetProperty("ProgramHeaders").EnumerateArray().Select(s => s.GetProperty("ProgramHeader")).ToList();
        var ourSegments = ours.GetProperty("segments").EnumerateArray().ToList();
        Eq("segment count", theirSegments.Count, ourSegments.Count);
        foreach (var ((t, o), i) in theirSegments.Zip(ourSegments).Select((p, i) => (p, i)))
        {
            Eq($"segment {i} type", t.GetProperty("Type").GetProperty("Value").GetUInt32(), o.GetProperty("typeValue").GetUInt32());
            Eq($"segment {i} type name", t.GetProperty("Type").GetProperty("Name").GetString(), o.GetProperty("type").GetString());
            Eq($"segment {i} offset", t.GetProperty("Offset").GetUInt64(), o.GetProperty("offset").GetUInt64());
            Eq($"segment {i} vaddr", t.GetProperty("VirtualAddress").GetUInt64(), o.GetProperty("virtualAddress").GetUInt64());
            Eq($"segment {i} paddr", t.GetProperty("PhysicalAddress").GetUInt64(), o.GetProperty("physicalAddress").GetUInt64());
            Eq($"segment {i} filesz", t.GetProperty("FileSize").GetUInt64(), o.GetProperty("fileSize").GetUInt64());
            Eq($"segment {i} memsz", t.GetProperty("MemSize").GetUInt64(), o.GetProperty("memorySize").GetUInt64());
            Eq($"segment {i} flags", t.GetProperty("Flags").GetProperty("Value").GetUInt32(), o.GetProperty("flags").GetUInt32());
            Eq($"segment {i} align", t.GetProperty("Alignment").GetUInt64(), o.GetProperty("align").GetUInt64());
        }

        // Symbols (static and dynamic; readelf appends @VERSION / @@VERSION to dynamic names)
        CompareSymbols("symbol", oracle, "Symbols", ours.GetProperty("symbols"), diff);
        CompareSymbols("dynamic symbol", oracle, "DynamicSymbols", ours.GetProperty("dynamicSymbols"), diff);

        // Relocations, per section, with per-architecture type names
        var theirRelocs = oracle.TryGetProperty("Relocations", out var rr) ? rr.EnumerateArray().ToList() : [];
        var ourRelocs = ours.GetProperty("relocations").EnumerateArray().ToList();
        Eq("relocation section count", theirRelocs.Count, ourRelocs.Count);
        foreach (var (t, o) in theirRelocs.Zip(ourRelocs))
        {
            var index = t.GetProperty("SectionIndex").GetInt32();
            Eq("relocation section index", index, o.GetProperty("sectionIndex").GetInt32());
            var te = t.GetProperty("Relocs").EnumerateArray().Select(x => x.GetProperty("Relocation")).ToList();
            var oe = o.GetProperty("relocations").EnumerateArray().ToList();
            Eq($"relocations in section {index}", te.Count, oe.Count);
            foreach (var ((tr, or), k) in te.Zip(oe).Select((p, k) => (p, k)))
            {
                var where = $"relocation {k} of section {index}";
                Eq($"{where} offset", tr.GetProperty("Offset").GetUInt64(), or.GetProperty("offset").GetUInt64());
                Eq($"{where} type", tr.GetProperty("Type").GetProperty("Value").GetUInt32(), or.GetProperty("typeValue").GetUInt32());
                Eq($"{where} type name", tr.GetProperty("Type").GetProperty("Name").GetString(), or.GetProperty("type").GetString());
                var symIndex = tr.GetProperty("Symbol").GetProperty("Value").GetUInt32();
                Eq($"{where} symbol index", symIndex, or.GetProperty("symbolIndex").GetUInt32());
                if (symIndex != 0)
                    Eq($"{where} symbol", StripVersion(tr.GetProperty("Symbol").GetProperty("Name").GetString()), or.GetProperty("symbol").GetString());
                if (tr.TryGetProperty("Addend", out var addend))
                {
                    // readelf prints the addend as an unsigned word.
                    var mine = or.GetProperty("addend").GetInt64();
                    var theirs = addend.GetUInt64();
                    Eq($"{where} addend", theirs, theirs > uint.MaxValue || !fixture.Contains("386") && !fixture.Contains("armv7") && !fixture.Contains("riscv32") ? (ulong)mine : (uint)mine);
                }
            }
        }

        // Dynamic section
        var theirDynamic = oracle.TryGetProperty("DynamicSection", out var dd) ? dd.EnumerateArray().ToList() : [];
        var ourDynamic = ours.GetProperty("dynamic").EnumerateArray().ToList();
        Eq("dynamic entry count", theirDynamic.Count, ourDynamic.Count);
        foreach (var ((t, o), i) in theirDynamic.Zip(ourDynamic).Select((p, i) => (p, i)))
        {
            Eq($"dynamic {i} tag", t.GetProperty("Tag").GetInt64(), o.GetProperty("tagValue").GetInt64());
            Eq($"dynamic {i} tag name", t.GetProperty("Type").GetString(), o.GetProperty("tag").GetString());
            Eq($"dynamic {i} value", t.GetProperty("Value").GetUInt64(), o.GetProperty("value").GetUInt64());
            foreach (var key in new[] { "Library", "Name", "Path" })
            {
                if (t.TryGetProperty(key, out var text))
                {
                    var expected = text.ValueKind == JsonValueKind.Array ? string.Join(':', text.EnumerateArray().Select(x => x.GetString())) : text.GetString();
                    Eq($"dynamic {i} {key}", expected, o.GetProperty("text").GetString());
                }
            }
        }

        // Notes
        var theirNotes = oracle.TryGetProperty("NoteSections", out var nn)
            ? nn.EnumerateArray().SelectMany(s => s.GetProperty("NoteSection").GetProperty("Notes").EnumerateArray()).ToList()
            : [];
        var ourNotes = ours.GetProperty("notes").EnumerateArray().ToList();
        Eq("note count", theirNotes.Count, ourNotes.Count);
        foreach (var ((t, o), i) in theirNotes.Zip(ourNotes).Select((p, i) => (p, i)))
        {
            Eq($"note {i} owner", t.GetProperty("Owner").GetString(), o.GetProperty("owner").GetString());
            Eq($"note {i} size", t.GetProperty("Data size").GetInt32(), o.GetProperty("size").GetInt32());
            if (t.TryGetProperty("Build ID", out var id))
                Eq($"note {i} build-id", id.GetString(), o.GetProperty("buildId").GetString());
            var ourType = o.GetProperty("type").GetString()!;
            var theirType = t.GetProperty("Type").GetString()!; // "NT_GNU_BUILD_ID (unique build ID bitstring)" or "Unknown (0x00000012)"
            if (theirType.StartsWith("Unknown (0x", StringComparison.Ordinal))
                Eq($"note {i} type", Convert.ToUInt32(theirType[11..^1], 16), o.GetProperty("typeValue").GetUInt32());
            else
                Eq($"note {i} type", theirType.Split(' ')[0], ourType);
        }

        Assert.True(diff.Count == 0, $"{fixture}: {diff.Count} difference(s) from llvm-readelf-19:\n" + string.Join("\n", diff.Take(40)));
        Assert.True(ourSections.Count > 0 && (fixture.Contains("object") ? ourRelocs.Count > 0 : ourSegments.Count > 0), "the fixture has content to compare");
        if (fixture.EndsWith("libc", StringComparison.Ordinal))
            Assert.Contains(ours.GetProperty("dynamicSymbols").EnumerateArray(), s => s.GetProperty("version").GetString()?.StartsWith("GLIBC_", StringComparison.Ordinal) == true && s.GetProperty("sectionIndex").GetUInt32() != 0);
    }

    private static void CompareSymbols(string what, JsonElement oracle, string key, JsonElement ours, List<string> diff)
    {
        var theirs = oracle.TryGetProperty(key, out var s) ? s.EnumerateArray().Select(x => x.GetProperty("Symbol")).ToList() : [];
        var mine = ours.EnumerateArray().ToList();
        if (theirs.Count != mine.Count)
            diff.Add($"{what} count: readelf {theirs.Count}, ours {mine.Count}");
        foreach (var ((t, o), i) in theirs.Zip(mine).Select((p, i) => (p, i)))
        {
            var ourName = o.GetProperty("versionedName").GetString();
            // readelf names an unnamed STT_SECTION symbol after its section.
            if (ourName == "" && o.GetProperty("type").GetString() == "Section")
                ourName = o.GetProperty("section").GetString();
            void Eq<T>(string field, T expected, T actual)
            {
                if (!EqualityComparer<T>.Default.Equals(expected, actual))
                    diff.Add($"{what} {i} {field}: readelf {expected}, ours {actual}");
            }
            Eq("name", t.GetProperty("Name").GetProperty("Name").GetString(), ourName);
            Eq("value", t.GetProperty("Value").GetUInt64(), o.GetProperty("value").GetUInt64());
            Eq("size", t.GetProperty("Size").GetUInt64(), o.GetProperty("size").GetUInt64());
            Eq("binding", t.GetProperty("Binding").GetProperty("Name").GetString(), o.GetProperty("binding").GetString());
            Eq("type", t.GetProperty("Type").GetProperty("Name").GetString(), o.GetProperty("type").GetString());
            Eq("section index", t.GetProperty("Section").GetProperty("Value").GetUInt32(), o.GetProperty("sectionIndex").GetUInt32());
            Eq("visibility", t.GetProperty("Other").GetProperty("Value").GetInt32() & 3, VisibilityValue(o.GetProperty("visibility").GetString()!));
        }
    }

    private static string? StripVersion(string? name) => name is null ? null : name.Split('@')[0];

    private static int TypeValue(string type) => type switch
    {
        "NONE" => 0,
        "REL" => 1,
        "EXEC" => 2,
        "DYN" => 3,
        "CORE" => 4,
        _ => Convert.ToInt32(type, 16),
    };

    private static int VisibilityValue(string v) => v switch
    {
        "DEFAULT" => 0,
        "INTERNAL" => 1,
        "HIDDEN" => 2,
        _ => 3,
    };

    private static JsonElement Readelf(string path)
    {
        var r = Repo.Run("llvm-readelf-19", ["--elf-output-style=JSON", "-h", "-S", "-l", "-s", "--dyn-syms", "-r", "-d", "-n", path]);
        Assert.True(r.ExitCode == 0, r.ToString());
        return JsonDocument.Parse(r.StdOut).RootElement[0].Clone();
    }

    /// <summary>The report of the file at <paramref name="path"/> with every listing, as JSON with camelCase names (the
    /// shape of <c>veridian inspect --json</c>); the file must read without errors.</summary>
    internal static JsonElement Report(string path)
    {
        var file = ElfFile.Read(File.ReadAllBytes(path), path, ElfReadMode.Eager);
        return JsonSerializer.SerializeToElement(ElfReport.Of(file, path, ElfReportListings.All), JsonSerializerOptions.Web);
    }
}

/// <summary>Build attributes against <c>llvm-readelf-19 -A</c> (its JSON form of -A is not valid JSON in LLVM 19, so the LLVM-style text is parsed).</summary>
public class AttributeGoldenTests
{
    [Theory]
    [InlineData("riscv64-object")]
    [InlineData("riscv64-static-exe")]
    [InlineData("riscv64-linux-exe")]
    [InlineData("riscv32-object")]
    [InlineData("armv7-object")]
    public void Build_attributes_equal_llvm_readelf(string fixture)
    {
        var r = Veridian.Tests.Repo.Run("llvm-readelf-19", ["-A", Fixtures.PathOf(fixture)]);
        Assert.True(r.ExitCode == 0, r.ToString());
        var theirs = new List<(ulong Tag, string Value)>();
        ulong? tag = null;
        string? value = null;
        foreach (var raw in r.StdOut.Split('\n'))
        {
            var line = raw.Trim();
            if (line == "Attribute {")
                (tag, value) = (null, null);
            else if (line.StartsWith("Tag: ", StringComparison.Ordinal) && ulong.TryParse(line[5..], out var t))
                tag = t;
            else if (line.StartsWith("Value: ", StringComparison.Ordinal))
                value = line[7..];
            else if (line == "}" && tag is { } done && value is not null)
            {
                theirs.Add((done, value));
                (tag, value) = (null, null);
            }
        }
        var file = ElfFile.Read(Fixtures.Bytes(fixture));
        var ours = file.Attributes.SelectMany(a => a.Attributes)
            .Select(a => (a.Tag, a.Text ?? a.Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(theirs);
        Assert.Equal(theirs, ours);
    }
}
