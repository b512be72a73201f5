// x86_64 4-level paging entries (Intel SDM vol. 3, 4.5): P RW US PWT PCD A D PS G in bits 0-8, the address in
// 12-51, NX in 63 (legal once EFER.NXE is set). Tables are P | RW | US: the leaf decides. A and D are set up front.
#if VERIDIAN_X86_64
using Veridian.Intrinsics;

namespace Veridian.Kernel;

static class Pte
{
    private const ulong P = 1, RW = 2, US = 4, PWT = 8, PCD = 16, A = 32, D = 64, PS = 128, NX = 1UL << 63;
    private const ulong AddressMask = 0x000F_FFFF_FFFF_F000;

    public static bool Valid(ulong e) => (e & P) != 0;

    public static bool IsLeaf(ulong e, int level) => level > 0 && (e & PS) != 0;

    public static ulong Address(ulong e) => e & AddressMask;

    public static ulong Table(ulong pa) => pa | P | RW | US;

    public static ulong Page(ulong pa, PageFlags flags) =>
        pa | P | A | D
        | ((flags & PageFlags.Write) != 0 ? RW : 0)
        | ((flags & PageFlags.User) != 0 ? US : 0)
        | ((flags & PageFlags.Execute) != 0 ? 0 : NX)
        | ((flags & PageFlags.Device) != 0 ? PCD | PWT : 0);

    public static PageFlags Flags(ulong e) =>
        ((e & RW) != 0 ? PageFlags.Write : 0) | ((e & NX) == 0 ? PageFlags.Execute : 0) | ((e & US) != 0 ? PageFlags.User : 0)
        | ((e & PCD) != 0 ? PageFlags.Device : 0);
}

static class X86Paging
{
    /// <summary>Port I/O reaches COM1, the PIC, the PIT and the exit devices: no memory-mapped device yet.</summary>
    /// <summary>The HPET's registers (QEMU pc's at 0xFED0_0000), the only memory-mapped device the kernel uses.</summary>
    public static bool MapDevices(ulong root) =>
        PageTables.Map(root, Physical.DirectMapBase + 0xFED00000, 0xFED00000, PageFlags.Write | PageFlags.Device);

    /// <summary>EFER.NXE (so NX is legal), CR0.WP (the kernel honours read-only pages), then CR3.</summary>
    public static bool Activate(ulong root)
    {
        Cpu.Asm("movl $$0xC0000080, %ecx\nrdmsr\norl $$0x800, %eax\nwrmsr", "~{eax},~{ecx},~{edx},~{memory}");
        Cpu.Asm("movq %cr0, %rax\norq $$0x10000, %rax\nmovq %rax, %cr0", "~{rax},~{memory}");
        Switch(root);
        return (Cpu.AsmResult("movq %cr3, $0", "=r") & ~0xFFFUL) == root;
    }

    /// <summary>Makes <paramref name="root"/> the current space (the kernel's or a process's).</summary>
    public static void Switch(ulong root) => Cpu.Asm("movq $0, %cr3", "r,~{memory}", (nuint)root);

    public static void FlushTlb(ulong va) => Cpu.Asm("invlpg ($0)", "r,~{memory}", (nuint)va);
}
#endif
