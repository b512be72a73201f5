namespace Veridian.Kernel;

/// <summary>The frame bitmap: one bit per 4 KiB frame of the physical span the allocator covers (1 = in use).</summary>
unsafe struct FrameBitmap
{
    /// <summary>4 GiB of physical span (2^20 frames) in 128 KiB of .bss.</summary>
    public const int MaxFrames = 1 << 20;
    public fixed ulong Words[MaxFrames / 64];
}

/// <summary>
/// The physical frame allocator: a bitmap over the span from the lowest to the highest RAM address the boot
/// protocol listed (capped at <see cref="FrameBitmap.MaxFrames"/> frames), every frame outside RAM or inside a
/// reserved range (firmware, boot structures, the boot module, the kernel image) marked in use. Allocation is
/// next-fit over 64-frame words; freeing checks the frame was allocated (a double free is refused, not absorbed).
/// Frames are reached through <see cref="Physical.ToVirtual"/>.
/// </summary>
static unsafe class Frames
{
    public const ulong Size = 4096;

    private static FrameBitmap s_bitmap;
    /// <summary>1 = a frame of RAM outside every reservation: the only frames <see cref="Release"/> accepts.</summary>
    private static FrameBitmap s_usable;
    private static ulong s_base;
    private static ulong s_count;
    private static ulong s_free;
    private static ulong s_nextWord;

    /// <summary>Frames free now.</summary>
    public static ulong Free => s_free;

    /// <summary>Frames the bitmap covers (free or not).</summary>
    public static ulong Span => s_count;

    /// <summary>The first physical address covered.</summary>
    public static ulong Base => s_base;

    public static void Init(ref BootInfo boot)
    {
        ulong low = ulong.MaxValue, high = 0;
        for (int i = 0; i < boot.RamCount; i++)
        {
            ulong start = boot.Ram[i * 2], end = start + boot.Ram[i * 2 + 1];
            if (start < low)
                low = start;
            if (end > high)
                high = end;
        }
        if (high <= low)
            return;
        s_base = low & ~(Size - 1);
        s_count = (high - s_base) / Size;
        if (s_count > FrameBitmap.MaxFrames)
            s_count = FrameBitmap.MaxFrames;
        for (int w = 0; w < FrameBitmap.MaxFrames / 64; w++)
            s_bitmap.Words[w] = ulong.MaxValue;
        s_free = 0;
        for (int i = 0; i < boot.RamCount; i++)
            SetRange(boot.Ram[i * 2], boot.Ram[i * 2 + 1], used: false, inward: true);
        for (int i = 0; i < boot.ReservedCount; i++)
            SetRange(boot.Reserved[i * 2], boot.Reserved[i * 2 + 1], used: true, inward: false);
        for (int w = 0; w < FrameBitmap.MaxFrames / 64; w++)
            s_usable.Words[w] = ~s_bitmap.Words[w];
        s_nextWord = 0;
    }

    /// <summary>A free frame's physical address (its contents undefined), or 0 when none is left.</summary>
    public static ulong Allocate()
    {
        ulong words = (s_count + 63) / 64;
        for (ulong n = 0; n < words; n++)
        {
            ulong w = (s_nextWord + n) % words;
            ulong bits = s_bitmap.Words[w];
            if (bits == ulong.MaxValue)
                continue;
            int bit = LowestClear(bits);
            ulong frame = w * 64 + (ulong)bit;
            if (frame >= s_count)
                continue;
            s_bitmap.Words[w] = bits | (1UL << bit);
            s_free--;
            s_nextWord = w;
            return s_base + frame * Size;
        }
        return 0;
    }

    /// <summary>A free frame filled with zeros, or 0.</summary>
    public static ulong AllocateZeroed()
    {
        ulong frame = Allocate();
        if (frame != 0)
            Memory.Zero(Physical.ToVirtual(frame), Size);
        return frame;
    }

    /// <summary>Returns a frame; false (and nothing changed) for an address that is not an allocated frame (free, reserved, outside RAM).</summary>
    public static bool Release(ulong address)
    {
        if (address < s_base || (address & (Size - 1)) != 0)
            return false;
        ulong frame = (address - s_base) / Size;
        if (frame >= s_count)
            return false;
        ulong mask = 1UL << (int)(frame % 64);
        ref ulong word = ref s_bitmap.Words[(int)(frame / 64)];
        if ((word & mask) == 0 || (s_usable.Words[(int)(frame / 64)] & mask) == 0)
            return false;
        word &= ~mask;
        s_free++;
        return true;
    }

    /// <summary>Whether a frame is marked in use (for the self-tests and the reports).</summary>
    public static bool InUse(ulong address)
    {
        if (address < s_base)
            return true;
        ulong frame = (address - s_base) / Size;
        return frame >= s_count || (s_bitmap.Words[(int)(frame / 64)] & (1UL << (int)(frame % 64))) != 0;
    }

    /// <summary>Marks the frames of [start, start + size): RAM rounded inward (only whole frames are free), reservations outward.</summary>
    private static void SetRange(ulong start, ulong size, bool used, bool inward)
    {
        ulong end = start + size < start ? ulong.MaxValue : start + size;
        ulong first = inward ? (start + Size - 1) & ~(Size - 1) : start & ~(Size - 1);
        ulong last = inward ? end & ~(Size - 1) : (end + Size - 1) & ~(Size - 1);
        if (first < s_base)
            first = s_base;
        ulong limit = s_base + s_count * Size;
        if (last > limit)
            last = limit;
        for (ulong a = first; a < last; a += Size)
        {
            ulong frame = (a - s_base) / Size;
            ulong mask = 1UL << (int)(frame % 64);
            ref ulong word = ref s_bitmap.Words[(int)(frame / 64)];
            bool wasUsed = (word & mask) != 0;
            if (used && !wasUsed)
            {
                word |= mask;
                s_free--;
            }
            else if (!used && wasUsed)
            {
                word &= ~mask;
                s_free++;
            }
        }
    }

    private static int LowestClear(ulong bits)
    {
        ulong clear = ~bits;
        int bit = 0;
        if ((clear & 0xFFFFFFFF) == 0) { bit += 32; clear >>= 32; }
        if ((clear & 0xFFFF) == 0) { bit += 16; clear >>= 16; }
        if ((clear & 0xFF) == 0) { bit += 8; clear >>= 8; }
        if ((clear & 0xF) == 0) { bit += 4; clear >>= 4; }
        if ((clear & 0x3) == 0) { bit += 2; clear >>= 2; }
        if ((clear & 0x1) == 0) bit += 1;
        return bit;
    }
}

/// <summary>
/// Physical → kernel-virtual addresses. Before the kernel's page tables are current, physical memory is reached as it
/// is (MMU off, or the x86_64 boot stub's identity map); afterwards through the direct map, RAM and devices at
/// <see cref="DirectMapBase"/> + physical, in the upper half that every address space shares — so the lower half is
/// all user space's but for the kernel image.
/// </summary>
static unsafe class Physical
{
    public const ulong DirectMapBase = 0xFFFF_8000_0000_0000;

    /// <summary>0 until <see cref="KernelSpace"/> is current, then <see cref="DirectMapBase"/>.</summary>
    public static ulong Offset;

    public static byte* ToVirtual(ulong physical) => (byte*)(physical + Offset);

    /// <summary>A device register's address for the MMIO intrinsics.</summary>
    public static nuint Device(ulong physical) => (nuint)(physical + Offset);
}

/// <summary>Byte-wise memory helpers the kernel uses (no libc here).</summary>
static unsafe class Memory
{
    public static void Zero(byte* p, ulong length)
    {
        ulong* q = (ulong*)p;
        for (ulong i = 0; i < length / 8; i++)
            q[i] = 0;
        for (ulong i = length & ~7UL; i < length; i++)
            p[i] = 0;
    }

    /// <summary>A copy of whole words (<paramref name="length"/> a multiple of 8, both 8-byte aligned): trap frames.</summary>
    public static void CopyWords(byte* destination, byte* source, ulong length)
    {
        ulong* d = (ulong*)destination, s = (ulong*)source;
        ulong n = length / 8, i = 0;
        // Eight words a step: IPC's direct switch copies two frames, and this is most of its cost (bench/ipc.sh).
        for (; i + 8 <= n; i += 8)
        {
            ulong a = s[i], b = s[i + 1], c = s[i + 2], e = s[i + 3], f = s[i + 4], g = s[i + 5], h = s[i + 6], k = s[i + 7];
            d[i] = a;
            d[i + 1] = b;
            d[i + 2] = c;
            d[i + 3] = e;
            d[i + 4] = f;
            d[i + 5] = g;
            d[i + 6] = h;
            d[i + 7] = k;
        }
        for (; i < n; i++)
            d[i] = s[i];
    }

    public static void Copy(byte* destination, byte* source, ulong length)
    {
        for (ulong i = 0; i < length; i++)
            destination[i] = source[i];
    }
}
