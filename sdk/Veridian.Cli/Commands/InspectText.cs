using System.Globalization;
using Veridian.Cli.Console;
using Veridian.Elf.Report;

namespace Veridian.Cli.Commands;

/// <summary>The plain-text (and table) form of an <see cref="ElfReport"/> (<c>veridian inspect</c> without <c>--json</c>).</summary>
internal static class InspectText
{
    public static void Write(Terminal t, ElfReport r)
    {
        static string Hex(ulong v) => "0x" + v.ToString("x", CultureInfo.InvariantCulture);
        static string YesNo(bool? v) => v switch { true => "yes", false => "no", null => "unknown" };
        var facts = new List<IReadOnlyList<string>>
        {
            new[] { "file", r.File },
            new[] { "kind", $"{r.Kind} ({r.Type}), {r.Linking}" },
            new[] { "machine", $"{r.Machine} ({r.Architecture ?? "unknown"}), {r.Class} {r.Endianness}-endian" },
            new[] { "flags", Hex(r.Flags) + (r.AbiFlags.Count > 0 ? "  " + string.Join(' ', r.AbiFlags) : "") },
            new[] { "entry", Hex(r.Entry) },
            new[] { "interpreter", r.Interpreter ?? (r.Linking == "static" ? "none (static)" : "none") },
        };
        if (r.Needed.Count > 0)
            facts.Add(["needed", string.Join(", ", r.Needed)]);
        if (r.SoName is not null)
            facts.Add(["soname", r.SoName]);
        if ((r.RunPath ?? r.RPath) is { } path)
            facts.Add([r.RunPath is not null ? "runpath" : "rpath", path]);
        facts.Add(["build-id", r.BuildId ?? "none"]);
        if (r.AbiTag is not null)
            facts.Add(["abi tag", r.AbiTag]);
        if (r.PvhEntry is { } pvh)
            facts.Add(["pvh entry", Hex(pvh)]);
        var h = r.Hardening;
        facts.Add(["hardening", $"PIE {YesNo(h.Pie)}, RELRO {h.Relro}, NX stack {YesNo(h.NonExecutableStack)}, stack protector {YesNo(h.StackProtector)}" +
            (h.WritableAndExecutableSegment ? ", a W+X segment!" : "")]);
        facts.Add(["symbols", $"{r.SymbolCounts.Static} static ({r.SymbolCounts.StaticUndefined} undefined), {r.SymbolCounts.Dynamic} dynamic ({r.SymbolCounts.DynamicUndefined} undefined)"]);
        facts.Add(["target", (r.Target.Matches ? "matches " + string.Join(", ", r.Target.Targets) + ": " : "no Veridian target: ") + r.Target.Reason]);
        foreach (var a in r.Attributes)
            facts.Add(["attribute", $"{a.Tag} = {a.Text ?? a.Number?.ToString(CultureInfo.InvariantCulture)}"]);
        t.WriteTable(["fact", "value"], facts);

        if (r.Segments.Count > 0)
        {
            t.Out.WriteLine();
            t.WriteTable(["segment", "perm", "offset", "vaddr", "filesz", "memsz", "align"],
                r.Segments.Select(s => (IReadOnlyList<string>)[s.Type, s.Permissions, Hex(s.Offset), Hex(s.VirtualAddress), Hex(s.FileSize), Hex(s.MemorySize), Hex(s.Align)]));
        }
        if (r.Sections.Count > 0)
        {
            t.Out.WriteLine();
            t.WriteTable(["#", "section", "type", "flags", "address", "offset", "size"],
                r.Sections.Select(s => (IReadOnlyList<string>)[s.Index.ToString(CultureInfo.InvariantCulture), s.Name, s.Type, s.FlagLetters, Hex(s.Address), Hex(s.Offset), Hex(s.Size)]));
        }
        foreach (var (title, list) in new[] { ("symbols", r.Symbols), ("dynamic symbols", r.DynamicSymbols) })
        {
            if (list is null || list.Count == 0)
                continue;
            t.Out.WriteLine();
            t.Out.WriteLine($"{title} ({list.Count}):");
            t.WriteTable(["#", "value", "size", "type", "bind", "vis", "section", "name"],
                list.Select(s => (IReadOnlyList<string>)[s.Index.ToString(CultureInfo.InvariantCulture), Hex(s.Value), s.Size.ToString(CultureInfo.InvariantCulture),
                    s.Type, s.Binding, s.Visibility, s.Section ?? s.SectionIndex.ToString(CultureInfo.InvariantCulture),
                    s.VersionedName]));
        }
        foreach (var rs in r.Relocations ?? [])
        {
            t.Out.WriteLine();
            t.Out.WriteLine($"relocations in '{rs.Section}'{(rs.AppliesTo is null ? "" : $" for '{rs.AppliesTo}'")} ({rs.Relocations.Count}):");
            t.WriteTable(["offset", "type", "symbol", "addend"],
                rs.Relocations.Select(x => (IReadOnlyList<string>)[Hex(x.Offset), x.Type, x.Symbol ?? "-", x.Addend?.ToString(CultureInfo.InvariantCulture) ?? ""]));
        }
        if (r.Notes is { Count: > 0 } notes)
        {
            t.Out.WriteLine();
            t.WriteTable(["note", "owner", "type", "size", "value"],
                notes.Select(n => (IReadOnlyList<string>)[n.Section ?? Hex((ulong)n.Offset), n.Owner, n.Type, n.Size.ToString(CultureInfo.InvariantCulture),
                    n.BuildId ?? n.AbiTag ?? (n.PvhEntry is { } e ? "entry " + Hex(e) : string.Join(' ', n.Properties))]));
        }
    }
}
