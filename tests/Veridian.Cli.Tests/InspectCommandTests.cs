using System.Text.Json;
using System.Text.RegularExpressions;
using Veridian.Cli.Commands;
using Veridian.Cli.Console;
using Veridian.Elf;
using Veridian.Elf.Report;
using Veridian.Elf.Tests;
using Veridian.Tests;

namespace Veridian.Cli.Tests;

/// <summary><c>veridian inspect</c>: its exit codes and errors, the listings it asks for, and its text form. The facts of the
/// report itself are tested with the ELF layer (Veridian.Elf.Tests' ReportTests and GoldenTests).</summary>
public class InspectCommandTests
{
    [Fact]
    public void Inspect_README_md_exits_1_with_VDN5001_not_an_ELF_file()
    {
        var (exit, output, err) = CliHarness.Run("inspect", Repo.PathOf("README.md"));
        Assert.Equal(1, exit);
        Assert.Contains("error VDN5001: not an ELF file", err);
        Assert.Contains("README.md@0x0", err);
        Assert.DoesNotContain("   at ", err);
        Assert.Equal("", output);
    }

    [Fact]
    public void Inspect_of_a_missing_file_is_VDN1004()
    {
        var (exit, _, err) = CliHarness.Run("inspect", Path.Combine(Path.GetTempPath(), "no-such-file-" + Guid.NewGuid().ToString("n")));
        Assert.Equal(1, exit);
        Assert.Contains("error VDN1004:", err);
    }

    [Fact]
    public void A_truncated_binary_exits_1_with_the_damage_and_still_shows_what_is_readable()
    {
        var bytes = Fixtures.Bytes("aarch64-linux-exe");
        using var dir = new TempDir();
        var path = dir["truncated"];
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var (exit, output, err) = CliHarness.Run("inspect", path);
        Assert.Equal(1, exit);
        Assert.Contains("error VDN5010:", err); // the section header table is at the end, now cut off
        Assert.Contains("EM_AARCH64", output);
    }

    [Theory]
    [InlineData(new string[0], ElfReportListings.None)]
    [InlineData(new[] { "--symbols" }, ElfReportListings.Symbols)]
    [InlineData(new[] { "--relocs", "--notes" }, ElfReportListings.Relocations | ElfReportListings.Notes)]
    [InlineData(new[] { "--symbols", "--relocs", "--notes" }, ElfReportListings.All)]
    public void The_json_form_is_the_files_report_with_the_listings_asked_for(string[] options, ElfReportListings listings)
    {
        var path = Fixtures.PathOf("riscv64-linux-exe");
        var (exit, output, err) = CliHarness.Run(["inspect", path, "--json", .. options]);
        Assert.True(exit == 0, err);
        var expected = JsonSerializer.SerializeToElement(ElfReport.Of(ElfFile.ReadFile(path, ElfReadMode.Eager), path, listings), JsonSerializerOptions.Web);
        Assert.True(JsonElement.DeepEquals(expected, JsonDocument.Parse(output).RootElement), output);
    }

    [Fact]
    public void The_text_form_shows_the_facts_and_the_listings_asked_for()
    {
        var (exit, output, err) = CliHarness.Run("inspect", Fixtures.PathOf("aarch64-object"), "--symbols", "--relocs", "--notes");
        Assert.True(exit == 0, err);
        Assert.Contains("relocatable object (REL), not linked", output);
        Assert.Contains("EM_AARCH64 (aarch64), elf64 little-endian", output);
        Assert.Contains("hardening", output);
        Assert.Contains("R_AARCH64_CALL26", output);
        Assert.Contains("helper", output);
        Assert.Contains(".rela.text", output);
        var (_, plain, _) = CliHarness.Run("inspect", Fixtures.PathOf("aarch64-object"));
        Assert.DoesNotContain("R_AARCH64_CALL26", plain);
    }

    [Theory]
    [MemberData(nameof(Fixtures.Names), MemberType = typeof(Fixtures))]
    public void The_text_form_of_every_truncation_of_a_fixture_shows_what_is_readable(string fixture)
    {
        var bytes = Fixtures.Bytes(fixture);
        foreach (var cut in Fixtures.TruncationPoints(bytes.Length))
        {
            ElfFile.TryRead(bytes.AsMemory(0, cut), out var file, out _, fixture, ElfReadMode.Eager);
            if (file is null)
                continue;
            var output = new StringWriter();
            InspectText.Write(new Terminal(output, TextWriter.Null, false, ColorMode.Never, false), ElfReport.Of(file, fixture, ElfReportListings.All));
            Assert.Matches(new Regex($"^file +{Regex.Escape(fixture)}$", RegexOptions.Multiline), output.ToString());
        }
    }
}
