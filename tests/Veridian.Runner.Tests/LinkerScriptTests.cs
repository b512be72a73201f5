using System.Globalization;
using System.Text.RegularExpressions;
using Veridian.Build;
using Veridian.Diagnostics;
using Veridian.Tests;
using Veridian.Triples;
using Veridian.Triples.Emit;

namespace Veridian.Runner.Tests;

/// <summary>
/// The generated kernel linker script honours the contract (BOARD/docs/run.md), checked on the linked sample with
/// llvm-readelf-19 as the oracle: entry, load address, nothing below it, the PVH note, the symbol pairs.
/// </summary>
public partial class LinkerScriptTests
{
    [Theory]
    [InlineData("x86_64-veridian-kernel-none", "0x100000")]
    [InlineData("aarch64-veridian-kernel-none", "0x40100000")]
    [InlineData("riscv64-veridian-kernel-none", "0x80200000")]
    public void The_script_starts_at_the_targets_load_address_with_the_contracts_symbols(string triple, string address)
    {
        var script = LinkerScriptEmitter.Emit(TargetDatabase.Resolve(triple));
        Assert.StartsWith($"/* Kernel linker script for {triple}", script);
        Assert.Contains("ENTRY(_start)", script);
        Assert.Contains($". = {address};", script);
        foreach (var needed in new[] { "KEEP(*(.text.boot))", "KEEP(*(.note .note.*))", "__init_array_start = .;", "__init_array_end = .;",
                     "__bss_start = .;", "__bss_end = .;" })
            Assert.Contains(needed, script);
        Assert.True(script.IndexOf("KEEP(*(.text.boot))", StringComparison.Ordinal) < script.IndexOf("*(.text .text.*)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_target_that_is_not_a_kernel_gets_a_diagnostic_not_a_script()
    {
        var e = Assert.Throws<DiagnosticException>(() => LinkerScriptEmitter.Emit(TargetDatabase.Resolve("aarch64-linux-gnu")));
        Assert.Equal(TripleCodes.FormatNotForTarget, e.Diagnostic.Code);
        Assert.Contains("not a kernel target", e.Diagnostic.Message);
    }

    [Fact]
    public void Linked_images_enter_at_start_load_nothing_below_the_load_address_and_keep_the_PVH_note()
    {
        using var temp = new TempDir();
        var samples = Samples.CopyTo(temp.Path);
        // Without its veridian.toml the folder is an implicit project; its link uses the emitter's script.
        File.Delete(Path.Combine(samples, "baremetal-c", "veridian.toml"));
        var failures = Samples.Failures(Samples.Kernels, triple =>
        {
            var target = TargetDatabase.Resolve(triple);
            var build = new BuildEngine().BuildFolder(Path.Combine(samples, "baremetal-c"), target);
            if (!build.Implicit)
                return $"{triple}: built from a veridian.toml, not as the folder's implicit project";
            var image = build.Output;
            var readelf = Repo.Run("llvm-readelf-19", ["-h", "-l", "-s", "--notes", image]);
            if (readelf.ExitCode != 0)
                return $"{triple}: {readelf}";
            var text = readelf.StdOut;
            var load = target.LoadAddress!.Value;
            var problems = new List<string>();
            var symbols = SymbolRegex().Matches(text).ToDictionary(m => m.Groups[2].Value,
                m => ulong.Parse(m.Groups[1].Value, NumberStyles.HexNumber), StringComparer.Ordinal);
            var entry = ulong.Parse(EntryRegex().Match(text).Groups[1].Value, NumberStyles.HexNumber);
            if (symbols.GetValueOrDefault("_start") != entry || entry != load)
                problems.Add($"entry 0x{entry:x}, _start 0x{symbols.GetValueOrDefault("_start"):x}, load address 0x{load:x}");
            var loads = LoadRegex().Matches(text).Select(m => ulong.Parse(m.Groups[1].Value, NumberStyles.HexNumber)).ToList();
            if (loads.Count == 0 || loads.Min() != load)
                problems.Add($"lowest PT_LOAD is 0x{(loads.Count == 0 ? 0 : loads.Min()):x}, not 0x{load:x}");
            foreach (var (start, end) in new[] { ("__bss_start", "__bss_end"), ("__init_array_start", "__init_array_end") })
            {
                if (!symbols.TryGetValue(start, out var s) || !symbols.TryGetValue(end, out var e) || e < s)
                    problems.Add($"{start}/{end} missing or reversed");
            }
            if (symbols.GetValueOrDefault("__init_array_end") - symbols.GetValueOrDefault("__init_array_start") != 8)
                problems.Add("the sample's one constructor is not in .init_array");
            if (target.Arch == Arch.X86_64 && !text.Contains("Xen                  0x00000004\tUnknown note type: (0x00000012)", StringComparison.Ordinal))
                problems.Add("the PVH note (Xen, type 18) is missing");
            return problems.Count == 0 ? null : $"{triple}: {string.Join("; ", problems)}\n{text}";
        });
        Assert.True(failures.Count == 0, string.Join("\n---\n", failures));
    }

    // Global symbols only: local mapping symbols ($x, $d) repeat.
    [GeneratedRegex(@"^\s+\d+: ([0-9a-f]{16})\s+\d+\s+\w+\s+GLOBAL\s+\w+\s+\S+\s+(\S+)$", RegexOptions.Multiline)]
    private static partial Regex SymbolRegex();

    [GeneratedRegex(@"Entry point address:\s+0x([0-9a-f]+)")]
    private static partial Regex EntryRegex();

    [GeneratedRegex(@"^\s+LOAD\s+0x[0-9a-f]+ 0x([0-9a-f]+)", RegexOptions.Multiline)]
    private static partial Regex LoadRegex();
}
