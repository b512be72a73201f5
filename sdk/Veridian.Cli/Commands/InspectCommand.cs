using System.CommandLine;
using System.Globalization;
using Veridian.Cli.Console;
using Veridian.Diagnostics;
using Veridian.Elf;
using Veridian.Elf.Report;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian inspect &lt;file&gt;</c>: what an ELF file is, how it was linked and hardened, and which Veridian target it fits.</summary>
internal sealed class InspectCommand : Command
{
    private readonly Argument<string> _file = new("file") { Description = "An ELF object, executable or shared library." };
    private readonly Option<bool> _json = GlobalOptions.Json();
    private readonly Option<bool> _symbols = new("--symbols") { Description = "Also list the symbols (static and dynamic)." };
    private readonly Option<bool> _relocs = new("--relocs") { Description = "Also list the relocations, with their per-architecture type names." };
    private readonly Option<bool> _notes = new("--notes") { Description = "Also list the notes (build-id, ABI tag, PVH entry, GNU properties)." };

    public InspectCommand()
        : base("inspect", "Show an ELF file: kind, machine, ABI flags, entry, segments, sections, build-id, hardening, matching Veridian target.")
    {
        Arguments.Add(_file);
        Options.Add(_json);
        Options.Add(_symbols);
        Options.Add(_relocs);
        Options.Add(_notes);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var terminal = Terminal.From(parse);
        var path = parse.GetValue(_file)!;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw DiagnosticException.Error(CliCodes.FileNotFound, $"cannot read '{path}': {e.Message}", hint: "check the path");
        }
        ElfFile.TryRead(bytes, out var file, out var diagnostics, path, ElfReadMode.Eager);
        if (file is null)
            throw new DiagnosticException(diagnostics);

        var listings = (parse.GetValue(_symbols) ? ElfReportListings.Symbols : ElfReportListings.None)
            | (parse.GetValue(_relocs) ? ElfReportListings.Relocations : ElfReportListings.None)
            | (parse.GetValue(_notes) ? ElfReportListings.Notes : ElfReportListings.None);
        var report = ElfReport.Of(file, path, listings);
        if (parse.GetValue(_json))
            terminal.WriteJson(report);
        else
            InspectText.Write(terminal, report);
        foreach (var d in file.Diagnostics)
            terminal.Report(d);
        return file.HasErrors ? ExitCodes.UserError : ExitCodes.Ok;
    }
}
