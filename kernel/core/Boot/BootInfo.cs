namespace Veridian.Kernel;

/// <summary>How the machine described itself to the kernel.</summary>
enum BootProtocol : byte
{
    /// <summary>x86_64: the Xen PVH start info (hvm_start_info) QEMU's option ROM passes in %ebx.</summary>
    Pvh = 1,
    /// <summary>aarch64, riscv64: a flattened device tree (DTB).</summary>
    DeviceTree = 2,
}

/// <summary>
/// What the architecture's entry read from the boot protocol (PVH start info or device tree), in the
/// portable form the core uses: RAM regions, reserved ranges, the boot module (QEMU <c>-initrd</c>).
/// Physical addresses throughout. Fixed capacity: a protocol that lists more regions loses the rest, and
/// <see cref="Dropped"/> says how many (reported at boot, never silent).
/// </summary>
unsafe struct BootInfo
{
    public const int MaxRanges = 32;

    public BootProtocol Protocol;
    public int RamCount;
    public int ReservedCount;
    public int Dropped;
    /// <summary>Base, size pairs.</summary>
    public fixed ulong Ram[MaxRanges * 2];
    /// <summary>Base, size pairs: firmware, the boot structures, the module, the kernel image.</summary>
    public fixed ulong Reserved[MaxRanges * 2];
    public ulong ModuleBase;
    public ulong ModuleSize;
    /// <summary>The device tree's physical address (0 on PVH).</summary>
    public ulong DeviceTree;
    /// <summary>riscv64: /cpus/timebase-frequency (the rdtime clock); 0 when the protocol does not say.</summary>
    public ulong TimebaseFrequency;

    public void AddRam(ulong start, ulong size)
    {
        if (size == 0)
            return;
        if (RamCount == MaxRanges)
        {
            Dropped++;
            return;
        }
        Ram[RamCount * 2] = start;
        Ram[RamCount * 2 + 1] = size;
        RamCount++;
    }

    public void Reserve(ulong start, ulong size)
    {
        if (size == 0)
            return;
        if (ReservedCount == MaxRanges)
        {
            Dropped++;
            return;
        }
        Reserved[ReservedCount * 2] = start;
        Reserved[ReservedCount * 2 + 1] = size;
        ReservedCount++;
    }

    public readonly ulong TotalRam()
    {
        ulong total = 0;
        for (int i = 0; i < RamCount; i++)
            total += Ram[i * 2 + 1];
        return total;
    }
}
