// aarch64 stage-1 translation, 4 KiB granule, 48-bit addresses from TTBR0_EL1 (Arm ARM D8): a table descriptor is
// address | 0b11; an L3 page is address | 0b11 with AttrIndx[4:2] (MAIR: 0 normal write-back, 1 Device-nGnRE),
// AP[7:6] (00 EL1 RW, 01 EL1+EL0 RW, 10 EL1 RO, 11 EL1+EL0 RO), SH[9:8], AF[10], nG[11], PXN[53], UXN[54].
#if VERIDIAN_AARCH64
using Veridian.Intrinsics;

namespace Veridian.Kernel;

static class Pte
{
    private const ulong Valid_ = 1, TableOrPage = 2, Device = 1 << 2, ApEl0 = 1 << 6, ApReadOnly = 1 << 7, Inner = 3 << 8,
        Af = 1 << 10, NotGlobal = 1 << 11, Pxn = 1UL << 53, Uxn = 1UL << 54;
    private const ulong AddressMask = 0x0000_FFFF_FFFF_F000;

    public static bool Valid(ulong e) => (e & Valid_) != 0;

    /// <summary>A block (0b01) at levels 1-2; level 3 entries are pages and are never walked through.</summary>
    public static bool IsLeaf(ulong e, int level) => level > 0 && (e & TableOrPage) == 0;

    public static ulong Address(ulong e) => e & AddressMask;

    public static ulong Table(ulong pa) => pa | Valid_ | TableOrPage;

    public static ulong Page(ulong pa, PageFlags flags)
    {
        bool user = (flags & PageFlags.User) != 0, exec = (flags & PageFlags.Execute) != 0;
        return pa | Valid_ | TableOrPage | Af
            | ((flags & PageFlags.Device) != 0 ? Device : Inner)
            | ((flags & PageFlags.Write) != 0 ? 0 : ApReadOnly)
            | (user ? ApEl0 | NotGlobal : 0)
            | (exec && !user ? 0 : Pxn)
            | (exec && user ? 0 : Uxn);
    }

    public static PageFlags Flags(ulong e)
    {
        bool user = (e & ApEl0) != 0;
        return ((e & ApReadOnly) == 0 ? PageFlags.Write : 0) | (user ? PageFlags.User : 0)
            | ((user ? e & Uxn : e & Pxn) == 0 ? PageFlags.Execute : 0) | ((e & (7 << 2)) == Device ? PageFlags.Device : 0);
    }
}

static class Aarch64Paging
{
    /// <summary>The GICv2 distributor and CPU interface (64 KiB each) and the PL011 UART, as Device-nGnRE.</summary>
    public static bool MapDevices(ulong root) =>
        PageTables.MapRange(root, Physical.DirectMapBase + 0x08000000, 0x08000000, 0x20000, PageFlags.Write | PageFlags.Device)
        && PageTables.Map(root, Physical.DirectMapBase + 0x09000000, 0x09000000, PageFlags.Write | PageFlags.Device)
        && PageTables.Map(root, Physical.DirectMapBase + 0x09010000, 0x09010000, PageFlags.Write | PageFlags.Device); // PL031 RTC

    /// <summary>
    /// MAIR, TCR (T0SZ = T1SZ = 16, 4 KiB granules, write-back inner-shareable walks, IPS from the CPU's PARange),
    /// TTBR0 and TTBR1 both the root — its entries 256-511 are what TTBR1 walks for the upper half — then SCTLR.M/C/I.
    /// </summary>
    public static bool Activate(ulong root)
    {
        ulong parange = Cpu.AsmResult("mrs $0, id_aa64mmfr0_el1", "=r") & 0xF;
        ulong tcr = 16 | 1UL << 8 | 1UL << 10 | 3UL << 12            // TTBR0: T0SZ, IRGN0, ORGN0, SH0, TG0 = 4 KiB
            | 16UL << 16 | 1UL << 24 | 1UL << 26 | 3UL << 28 | 2UL << 30 // TTBR1: T1SZ, IRGN1, ORGN1, SH1, TG1 = 4 KiB
            | (parange > 5 ? 5 : parange) << 32;
        Cpu.Asm("tlbi vmalle1\ndsb ish\nisb\nmsr mair_el1, $0\nmsr tcr_el1, $1\nmsr ttbr0_el1, $2\nmsr ttbr1_el1, $2\nisb", "r,r,r,~{memory}", 0x4FF, (nuint)tcr, (nuint)root);
        Cpu.Asm("mrs x9, sctlr_el1\nmov x10, #0x1005\norr x9, x9, x10\nmsr sctlr_el1, x9\nisb", "~{x9},~{x10},~{memory}");
        return (Cpu.AsmResult("mrs $0, sctlr_el1", "=r") & 1) != 0;
    }

    public static void FlushTlb(ulong va) => Cpu.Asm("dsb ishst\ntlbi vaae1is, $0\ndsb ish\nisb", "r,~{memory}", (nuint)(va >> 12));
}
#endif
