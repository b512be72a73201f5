using System.Globalization;
using Veridian.Triples;

namespace Veridian.Toolchain;

/// <summary>
/// The kernel linker script the link step uses for kernel-subsystem targets. Interim: generated here from
/// the contract on the coordination board (ENTRY, LoadAddress with .text.boot first, KEEP(.note*), .init_array and
/// .bss bounds) until branch <c>run</c>'s <c>LinkerScriptEmitter</c> in Veridian.Triples lands; then this delegates.
/// </summary>
public static class KernelLinkerScript
{
    /// <summary>The script text for <paramref name="target"/> (deterministic).</summary>
    public static string For(TargetInfo target)
    {
        var load = (target.LoadAddress ?? 0).ToString("x", CultureInfo.InvariantCulture);
        var page = target.PageSize.ToString(CultureInfo.InvariantCulture);
        return $$"""
            /* Kernel linker script for {{target.Canonical}} (Veridian SDK). */
            ENTRY({{target.EntrySymbol}})
            SECTIONS
            {
              . = 0x{{load}};
              .text : { KEEP(*(.text.boot)) *(.text.unlikely .text.unlikely.*) *(.text .text.*) }
              .note : ALIGN(4) { KEEP(*(.note .note.*)) }
              .rodata : ALIGN(16) { *(.rodata .rodata.*) *(.srodata .srodata.*) }
              .init_array : ALIGN(8) {
                __init_array_start = .;
                KEEP(*(SORT_BY_INIT_PRIORITY(.init_array.*) SORT_BY_INIT_PRIORITY(.ctors.*)))
                KEEP(*(.init_array .ctors))
                __init_array_end = .;
              }
              .data : ALIGN({{page}}) { *(.data .data.*) *(.sdata .sdata.*) *(.got .got.*) }
              .bss (NOLOAD) : ALIGN(16) {
                __bss_start = .;
                *(.sbss .sbss.*) *(.bss .bss.*) *(COMMON)
                . = ALIGN(16);
                __bss_end = .;
              }
              /DISCARD/ : { *(.eh_frame .eh_frame_hdr) *(.interp .dynamic .dynsym .dynstr .hash .gnu.hash) *(.note.GNU-stack) }
            }

            """;
    }
}
