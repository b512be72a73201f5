// riscv64 Sv48 page-table entries (the privileged spec, 4.5): V R W X U G A D in bits 0-7, the PPN from bit 10.
// A table entry is V with R = W = X = 0; a leaf has R and what the flags add. A and D are set up front (QEMU would
// otherwise fault to have them set). Devices need no attribute (no Svpbmt): PMAs make MMIO uncached.
#if VERIDIAN_RISCV64
using Veridian.Intrinsics;

namespace Veridian.Kernel;

static class Pte
{
    private const ulong V = 1, R = 2, W = 4, X = 8, U = 16, A = 64, D = 128;

    public static bool Valid(ulong e) => (e & V) != 0;

    public static bool IsLeaf(ulong e, int level) => (e & (R | W | X)) != 0;

    public static ulong Address(ulong e) => (e >> 10 & ((1UL << 44) - 1)) << 12;

    public static ulong Table(ulong pa) => (pa >> 12) << 10 | V;

    public static ulong Page(ulong pa, PageFlags flags) =>
        (pa >> 12) << 10 | V | R | A | D
        | ((flags & PageFlags.Write) != 0 ? W : 0)
        | ((flags & PageFlags.Execute) != 0 ? X : 0)
        | ((flags & PageFlags.User) != 0 ? U : 0);

    public static PageFlags Flags(ulong e) =>
        ((e & W) != 0 ? PageFlags.Write : 0) | ((e & X) != 0 ? PageFlags.Execute : 0) | ((e & U) != 0 ? PageFlags.User : 0);
}

static class RiscvPaging
{
    /// <summary>The ns16550 UART, the sifive_test finisher, the Goldfish RTC and the PLIC's pages.</summary>
    public static bool MapDevices(ulong root) =>
        PageTables.Map(root, Physical.DirectMapBase + 0x10000000, 0x10000000, PageFlags.Write | PageFlags.Device)
        && PageTables.Map(root, Physical.DirectMapBase + 0x100000, 0x100000, PageFlags.Write | PageFlags.Device)
        && PageTables.Map(root, Physical.DirectMapBase + 0x101000, 0x101000, PageFlags.Write | PageFlags.Device) // Goldfish RTC
        // The PLIC's pages the kernel uses: priorities, context 1's enables, context 1's threshold and claim.
        && PageTables.Map(root, Physical.DirectMapBase + 0x0C000000, 0x0C000000, PageFlags.Write | PageFlags.Device)
        && PageTables.Map(root, Physical.DirectMapBase + 0x0C002000, 0x0C002000, PageFlags.Write | PageFlags.Device)
        && PageTables.Map(root, Physical.DirectMapBase + 0x0C201000, 0x0C201000, PageFlags.Write | PageFlags.Device);

    /// <summary>satp = Sv48 (mode 9) | root PPN; false when the hart does not take Sv48 (satp reads back another mode).</summary>
    public static bool Activate(ulong root)
    {
        Switch(root);
        return Cpu.AsmResult("csrr $0, satp", "=r") == Satp(root);
    }

    /// <summary>Makes <paramref name="root"/> the current space (the kernel's or a process's).</summary>
    public static void Switch(ulong root) => Cpu.Asm("csrw satp, $0\nsfence.vma", "r,~{memory}", (nuint)Satp(root));

    private static ulong Satp(ulong root) => 9UL << 60 | root >> 12;

    public static void FlushTlb(ulong va) => Cpu.Asm("sfence.vma $0, zero", "r,~{memory}", (nuint)va);
}
#endif
