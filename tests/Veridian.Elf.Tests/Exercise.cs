using System.Text.Json;
using Veridian.Elf.Report;

namespace Veridian.Elf.Tests;

/// <summary>Touches every member of an <see cref="ElfFile"/> (and builds and serialises its report), as a user of a damaged file would.</summary>
internal static class Exercise
{
    public static int All(ElfFile f)
    {
        var n = f.Sections.Count + f.Segments.Count;
        foreach (var s in f.Sections)
        {
            n += f.GetSectionData(s).Length + s.TypeName.Length + s.FlagLetters.Length;
            if (s.Type is ElfConstants.SHT_SYMTAB or ElfConstants.SHT_DYNSYM)
                n += f.GetSymbols(s).Count;
        }
        foreach (var p in f.Segments)
            n += f.GetSegmentData(p).Length + p.Permissions.Length + p.TypeName.Length;
        n += f.Symbols.Sum(s => s.Name.Length + s.TypeName.Length + (f.SectionNameOf(s)?.Length ?? 0));
        n += f.DynamicSymbols.Sum(s => s.Name.Length + (s.Version?.Length ?? 0));
        n += f.RelocationSections.Sum(r => r.Relocations.Count);
        n += f.Notes.Sum(x => x.Descriptor.Length + (x.BuildId?.Length ?? 0) + (x.AbiTag?.Length ?? 0) + (int)(x.PvhEntry ?? 0) % 7 + x.GnuProperties.Count + x.TypeName.Length);
        n += f.DynamicEntries.Count + f.Needed.Count + (f.SoName?.Length ?? 0) + (f.RPath?.Length ?? 0) + (f.RunPath?.Length ?? 0);
        n += f.Attributes.Sum(a => a.Attributes.Count) + (f.RiscVArch?.Length ?? 0) + (f.Interpreter?.Length ?? 0);
        var facts = ElfFacts.Of(f);
        n += facts.AbiFlags.Count;
        var report = ElfReport.Of(f, "fuzz.elf", ElfReportListings.All);
        n += report.Sections.Count;
        // The text form is the CLI's (InspectText); Veridian.Cli.Tests renders it for every truncation of the fixtures.
        return n + JsonSerializer.Serialize(report, JsonSerializerOptions.Web).Length + f.Diagnostics.Count;
    }
}
