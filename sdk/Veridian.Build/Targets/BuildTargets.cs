using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Build.Targets;

/// <summary>Resolves a triple written in a project or on the command line through the target database.</summary>
public static class BuildTargets
{
    /// <summary>The canonical names of every target.</summary>
    public static IReadOnlyList<string> All => TargetDatabase.All.Select(t => t.Canonical).ToList();

    /// <summary>The canonical names of the kernel targets.</summary>
    public static IReadOnlyList<string> Kernels => TargetDatabase.All.Where(t => t.IsKernel).Select(t => t.Canonical).ToList();

    /// <summary>Resolves <paramref name="triple"/> (aliases allowed), or throws VDN1106 at <paramref name="location"/>.</summary>
    public static BuildTarget Resolve(string triple, SourceLocation? location = null)
    {
        if (!TargetDatabase.TryResolve(triple, out var info, out var bag))
        {
            var why = bag.Count > 0 ? bag[0].Message : "unknown";
            throw DiagnosticException.Error(BuildCodes.UnknownTarget, $"unknown target '{triple}': {why}", location,
                $"targets are: {string.Join(", ", All)} (veridian targets list)");
        }
        return new BuildTarget
        {
            Info = info,
            KernelLinkerScript = info.IsKernel && info.LoadAddress is { } load ? KernelScript(info.EntrySymbol, load) : null,
        };
    }

    /// <summary>The kernel linker script contract (BOARD.md): ENTRY(_start), .text.boot first at the load address.</summary>
    private static string KernelScript(string entry, ulong loadAddress) => $$"""
        ENTRY({{entry}})
        SECTIONS
        {
          . = 0x{{loadAddress:x}};
          .text : { KEEP(*(.text.boot)) *(.text .text.*) }
          .note : { KEEP(*(.note*)) }
          .rodata : { *(.rodata .rodata.*) *(.srodata .srodata.*) }
          .init_array : { __init_array_start = .; KEEP(*(SORT(.init_array.*))) KEEP(*(.init_array)) __init_array_end = .; }
          .data : { *(.data .data.*) *(.sdata .sdata.*) }
          .bss : { __bss_start = .; *(.bss .bss.*) *(.sbss .sbss.*) *(COMMON) __bss_end = .; }
          /DISCARD/ : { *(.comment) }
        }

        """;
}
