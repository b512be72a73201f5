using System.Globalization;
using Veridian.Tests;
using Veridian.Triples;

namespace Veridian.Triples.Tests;

/// <summary>
/// Boots a minimal image per kernel target with the target's clang flags, linked at its load address, under its
/// QEMU recipe; the image exits through the recipe's exit method with code 7, so QEMU's status run through
/// <see cref="QemuRecipe.GuestExitCode"/> must give 7 back.
/// </summary>
public sealed class QemuRecipeTests
{
    private const int Code = 7;

    /// <summary>x86_64: PVH note → 32-bit entry; isa-debug-exit at port 0xf4 (QEMU exits (7 &lt;&lt; 1) | 1).</summary>
    private const string X86_64 = """
        .section .note.pvh, "a", @note
        .p2align 2
        .long 4, 4, 18
        .asciz "Xen"
        .long _start
        .section .text.boot, "ax"
        .code32
        .globl _start
        _start:
            movb $7, %al
            outb %al, $0xf4
        1:  hlt
            jmp 1b
        """;

    /// <summary>aarch64: semihosting SYS_EXIT with ADP_Stopped_ApplicationExit and code 7.</summary>
    private const string AArch64 = """
        .section .text.boot, "ax"
        .globl _start
        _start:
            adr x1, block
            mov x0, #0x18
            hlt #0xf000
        1:  wfi
            b 1b
        .balign 8
        block: .quad 0x20026, 7
        """;

    /// <summary>riscv64 (S-mode under OpenSBI): sifive_test finisher, 0x3333 | 7 &lt;&lt; 16.</summary>
    private const string RiscV64 = """
        .section .text.boot, "ax"
        .globl _start
        _start:
            li t0, 0x100000
            li t1, 0x73333
            sw t1, 0(t0)
        1:  wfi
            j 1b
        """;

    [Theory]
    [InlineData("x86_64-veridian-kernel-none")]
    [InlineData("aarch64-veridian-kernel-none")]
    [InlineData("riscv64-veridian-kernel-none")]
    public void Image_linked_at_the_load_address_boots_under_the_recipe_and_its_exit_code_comes_back(string triple)
    {
        var t = Targets.Get(triple);
        var qemu = "/usr/bin/" + t.Qemu.Binary;
        Assert.True(File.Exists(qemu), $"{qemu} is missing: run scripts/bootstrap-host");
        var dir = Directory.CreateTempSubdirectory("vdn-boot-");
        try
        {
            var asm = Path.Combine(dir.FullName, "boot.S");
            File.WriteAllText(asm, t.Arch switch { Arch.X86_64 => X86_64, Arch.AArch64 => AArch64, Arch.RiscV64 => RiscV64 });
            var obj = Path.Combine(dir.FullName, "boot.o");
            var cc = Repo.Run(Clang.Path, [.. t.ClangArgs, "-c", asm, "-o", obj], dir.FullName, timeoutMs: 60_000);
            Assert.True(cc.ExitCode == 0, cc.ToString());

            // The kernel linker script contract in miniature: .text.boot first at the load address, notes kept.
            var script = Path.Combine(dir.FullName, "k.ld");
            File.WriteAllText(script, $$"""
                ENTRY({{t.EntrySymbol}})
                SECTIONS
                {
                    . = 0x{{t.LoadAddress!.Value.ToString("x", CultureInfo.InvariantCulture)}};
                    .text : { KEEP(*(.text.boot)) *(.text .text.*) }
                    .note : { KEEP(*(.note*)) }
                }
                """);
            var elf = Path.Combine(dir.FullName, "k.elf");
            var ld = Repo.Run("/usr/bin/ld.lld-19", ["-static", "-z", $"max-page-size={t.PageSize}", "-T", script, obj, "-o", elf], dir.FullName, timeoutMs: 60_000);
            Assert.True(ld.ExitCode == 0, ld.ToString());
            Assert.Equal((t.ElfMachine, t.ElfFlags), Elf.Header(elf));

            var run = Repo.Run(qemu, [.. t.Qemu.Args, "-kernel", elf], dir.FullName, timeoutMs: 60_000);
            Assert.True(t.Qemu.GuestExitCode(run.ExitCode) == Code, $"QEMU status {run.ExitCode} via {t.Qemu.Exit}\n{run}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
