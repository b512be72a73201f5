using Veridian.Triples;

namespace Veridian.Elf.Tests;

/// <summary>The one ELF-to-target matcher: what pkg and run check from the header, and what inspect narrows to.</summary>
public sealed class ElfTargetMatchTests
{
    /// <summary>A 64-byte ELF header: class, byte order, machine and e_flags as given, ET_EXEC.</summary>
    private static ElfFile Header(ushort machine, byte elfClass = 2, byte data = 1, uint flags = 0)
    {
        var h = new byte[64];
        "\u007fELF"u8.CopyTo(h);
        h[4] = elfClass;
        h[5] = data;
        h[6] = 1;
        h[16] = 2;
        BitConverter.GetBytes(machine).CopyTo(h, 18);
        h[20] = 1;
        BitConverter.GetBytes(flags).CopyTo(h, 48);
        h[52] = 64;
        ElfFile.TryRead(h, out var file, out _, "h");
        return file!;
    }

    [Theory]
    [InlineData("x86_64-veridian-kernel-none", 62)]
    [InlineData("aarch64-linux-gnu", 183)]
    [InlineData("x86_64-veridian-user-relibc", 62)]
    public void A_header_with_the_targets_machine_class_and_byte_order_fits(string target, ushort machine) =>
        Assert.Null(ElfTargetMatch.Mismatch(Header(machine), TargetDatabase.Resolve(target)));

    [Fact]
    public void Another_machine_is_named_with_its_number_and_the_targets()
    {
        var why = ElfTargetMatch.Mismatch(Header(62), TargetDatabase.Resolve("riscv64-linux-gnu"));
        Assert.Equal("an ELF file for EM_X86_64 (machine 62), ELF64 little-endian, not for riscv64-linux-gnu (EM_RISCV, machine 243, ELF64 little-endian)", why);
    }

    [Theory]
    [InlineData(1, 1, "ELF32 little-endian")]
    [InlineData(2, 2, "ELF64 big-endian")]
    public void The_right_machine_in_another_class_or_byte_order_does_not_fit(byte elfClass, byte data, string said)
    {
        var why = ElfTargetMatch.Mismatch(Header(183, elfClass, data), TargetDatabase.Resolve("aarch64-veridian-kernel-none"));
        Assert.NotNull(why);
        Assert.Contains(said, why);
    }

    [Fact]
    public void A_RISC_V_file_must_have_the_targets_ABI_bits_in_e_flags()
    {
        var target = TargetDatabase.Resolve("riscv64-veridian-user-relibc");
        Assert.Null(ElfTargetMatch.Mismatch(Header(243, flags: target.ElfFlags), target));
        var why = ElfTargetMatch.Mismatch(Header(243, flags: 0), target);
        Assert.NotNull(why);
        Assert.Contains("e_flags ABI bits 0x0", why);
    }

    [Fact]
    public void A_header_for_no_target_matches_none_and_says_why()
    {
        var match = ElfTargetMatch.For(Header(3, elfClass: 1));
        Assert.False(match.Matches);
        Assert.Empty(match.Targets);
        Assert.Contains("EM_386, ELF32 little-endian is no Veridian target's machine", match.Reason);
    }
}
