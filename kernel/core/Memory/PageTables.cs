using System;

namespace Veridian.Kernel;

/// <summary>What a mapping allows; the architecture's <c>Pte</c> encodes it (read is implied).</summary>
[Flags]
enum PageFlags : uint
{
    None = 0,
    Write = 1,
    Execute = 2,
    /// <summary>Reachable from user mode.</summary>
    User = 4,
    /// <summary>Device memory (MMIO): uncached, no speculation where the architecture distinguishes.</summary>
    Device = 8,
}

/// <summary>
/// Four-level page tables with 4 KiB pages and 512 entries per table — the shape all three architectures share
/// (x86_64 4-level paging, aarch64 with the 4 KiB granule and 48-bit addresses, riscv64 Sv48) — walked here and
/// encoded by the architecture's <c>Pte</c> (valid, table, page, address, leaf, flags). Tables are frames from
/// <see cref="Frames"/>, reached through <see cref="Physical.ToVirtual"/>. Only 4 KiB leaves are made.
/// </summary>
static unsafe class PageTables
{
    public const ulong PageSize = 4096;
    private const int Levels = 4;

    /// <summary>A new, empty top-level table; 0 when no frame is left.</summary>
    public static ulong NewRoot() => Frames.AllocateZeroed();

    /// <summary>Maps one page; false (nothing mapped) when the page is already mapped, an address is unaligned or no frame is left for a table.</summary>
    public static bool Map(ulong root, ulong va, ulong pa, PageFlags flags)
    {
        if (((va | pa) & (PageSize - 1)) != 0)
            return false;
        ulong* leaf = Walk(root, va, create: true);
        if (leaf == null || Pte.Valid(*leaf))
            return false;
        *leaf = Pte.Page(pa, flags);
        return true;
    }

    /// <summary>Maps [va, va + size) to [pa, pa + size), page by page; false at the first page that cannot be mapped.</summary>
    public static bool MapRange(ulong root, ulong va, ulong pa, ulong size, PageFlags flags)
    {
        for (ulong offset = 0; offset < size; offset += PageSize)
        {
            if (!Map(root, va + offset, pa + offset, flags))
                return false;
        }
        return true;
    }

    /// <summary>The physical address <paramref name="va"/> maps to (and the mapping's flags), or <see cref="ulong.MaxValue"/>.</summary>
    public static ulong Translate(ulong root, ulong va, out PageFlags flags)
    {
        flags = PageFlags.None;
        ulong* leaf = Walk(root, va & ~(PageSize - 1), create: false);
        if (leaf == null || !Pte.Valid(*leaf))
            return ulong.MaxValue;
        flags = Pte.Flags(*leaf);
        return Pte.Address(*leaf) | (va & (PageSize - 1));
    }

    /// <summary>Removes one page's mapping; the physical page it mapped, or <see cref="ulong.MaxValue"/> when none. The caller flushes the TLB.</summary>
    public static ulong Unmap(ulong root, ulong va)
    {
        ulong* leaf = Walk(root, va, create: false);
        if (leaf == null || !Pte.Valid(*leaf))
            return ulong.MaxValue;
        ulong pa = Pte.Address(*leaf);
        *leaf = 0;
        return pa;
    }

    /// <summary>Frees every table of a space (not the pages its leaves map: their owner frees those).</summary>
    public static void Destroy(ulong root) => FreeTable(root, Levels - 1);

    /// <summary>
    /// Points <paramref name="root"/>'s level-1 entry for <paramref name="va"/> at the leaf table <paramref name="from"/>
    /// uses there (making the tables above it), so both spaces see the same 2 MiB of mappings — how a process shares
    /// the kernel image's pages. False when <paramref name="from"/> has no leaf table there or no frame is left.
    /// </summary>
    public static bool ShareLeafTable(ulong root, ulong from, ulong va)
    {
        ulong* source = EntryAt(from, va, 1, create: false);
        ulong* target = EntryAt(root, va, 1, create: true);
        if (source == null || target == null || !Pte.Valid(*source) || Pte.IsLeaf(*source, 1))
            return false;
        *target = *source;
        return true;
    }

    /// <summary>
    /// Frees a process's space: every user page of its lower half (the frames too), its own tables there, and the
    /// root — not the upper half nor the leaf tables it shares with <paramref name="kernel"/> (<see cref="ShareLeafTable"/>).
    /// </summary>
    public static void DestroyUser(ulong root, ulong kernel)
    {
        ulong* entries = (ulong*)Physical.ToVirtual(root);
        for (int i = 0; i < 256; i++)
        {
            if (Pte.Valid(entries[i]))
                FreeUserTable(Pte.Address(entries[i]), Levels - 2, (ulong)i << 39, kernel);
        }
        Frames.Release(root);
    }

    /// <summary>
    /// Copies every user page of <paramref name="from"/>'s lower half into fresh frames mapped alike in <paramref name="to"/>
    /// (fork, eagerly); tables shared with <paramref name="kernel"/> are skipped. False when frames run out (the caller destroys <paramref name="to"/>).
    /// </summary>
    public static bool CopyUser(ulong from, ulong to, ulong kernel)
    {
        ulong* entries = (ulong*)Physical.ToVirtual(from);
        for (int i = 0; i < 256; i++)
        {
            if (Pte.Valid(entries[i]) && !CopyUserTable(Pte.Address(entries[i]), Levels - 2, (ulong)i << 39, to, kernel))
                return false;
        }
        return true;
    }

    private static bool CopyUserTable(ulong table, int level, ulong baseVa, ulong to, ulong kernel)
    {
        ulong* entries = (ulong*)Physical.ToVirtual(table);
        for (int i = 0; i < 512; i++)
        {
            ulong e = entries[i];
            if (!Pte.Valid(e))
                continue;
            ulong va = baseVa + ((ulong)i << (12 + 9 * level));
            if (level == 0)
            {
                var flags = Pte.Flags(e);
                if ((flags & PageFlags.User) == 0)
                    continue;
                ulong frame = Frames.Allocate();
                if (frame == 0)
                    return false;
                Memory.Copy(Physical.ToVirtual(frame), Physical.ToVirtual(Pte.Address(e)), PageSize);
                if (!Map(to, va, frame, flags))
                {
                    Frames.Release(frame);
                    return false;
                }
            }
            else if (!Pte.IsLeaf(e, level))
            {
                if (!SharedWithKernel(e, level, va, kernel) && !CopyUserTable(Pte.Address(e), level - 1, va, to, kernel))
                    return false;
            }
        }
        return true;
    }

    private static void FreeUserTable(ulong table, int level, ulong baseVa, ulong kernel)
    {
        ulong* entries = (ulong*)Physical.ToVirtual(table);
        for (int i = 0; i < 512; i++)
        {
            ulong e = entries[i];
            if (!Pte.Valid(e))
                continue;
            ulong va = baseVa + ((ulong)i << (12 + 9 * level));
            if (level == 0)
            {
                if ((Pte.Flags(e) & PageFlags.User) != 0)
                    SharedMemory.Release(Pte.Address(e));
            }
            else if (!Pte.IsLeaf(e, level))
            {
                if (!SharedWithKernel(e, level, va, kernel))
                    FreeUserTable(Pte.Address(e), level - 1, va, kernel);
            }
        }
        Frames.Release(table);
    }

    /// <summary>
    /// Whether a level-1 entry of a process points at the leaf table the kernel's space has there (<see cref="ShareLeafTable"/>).
    /// By address: the CPU sets accessed bits in each copy of an entry on its own (x86_64).
    /// </summary>
    private static bool SharedWithKernel(ulong e, int level, ulong va, ulong kernel)
    {
        ulong* shared = level == 1 ? EntryAt(kernel, va, 1, create: false) : null;
        return shared != null && Pte.Valid(*shared) && Pte.Address(*shared) == Pte.Address(e);
    }

    /// <summary>The entry at <paramref name="level"/> (0 = the leaf) on the way to <paramref name="va"/>, making tables above it if asked.</summary>
    private static ulong* EntryAt(ulong root, ulong va, int level, bool create)
    {
        ulong table = root;
        for (int l = Levels - 1; l > level; l--)
        {
            ulong* entry = (ulong*)Physical.ToVirtual(table) + ((va >> (12 + 9 * l)) & 511);
            if (!Pte.Valid(*entry))
            {
                if (!create)
                    return null;
                ulong next = Frames.AllocateZeroed();
                if (next == 0)
                    return null;
                *entry = Pte.Table(next);
            }
            else if (Pte.IsLeaf(*entry, l))
            {
                return null;
            }
            table = Pte.Address(*entry);
        }
        return (ulong*)Physical.ToVirtual(table) + ((va >> (12 + 9 * level)) & 511);
    }

    /// <summary>Counts the leaves of a space, and those both writable and executable (W^X says: none).</summary>
    public static void Census(ulong root, out ulong pages, out ulong writableAndExecutable)
    {
        pages = 0;
        writableAndExecutable = 0;
        CensusTable(root, Levels - 1, ref pages, ref writableAndExecutable);
    }

    /// <summary>The leaf entry for <paramref name="va"/>, making the tables on the way if asked; null if absent (or a larger leaf is in the way).</summary>
    private static ulong* Walk(ulong root, ulong va, bool create) => EntryAt(root, va, 0, create);

    private static void FreeTable(ulong table, int level)
    {
        ulong* entries = (ulong*)Physical.ToVirtual(table);
        if (level > 0)
        {
            for (int i = 0; i < 512; i++)
            {
                if (Pte.Valid(entries[i]) && !Pte.IsLeaf(entries[i], level))
                    FreeTable(Pte.Address(entries[i]), level - 1);
            }
        }
        Frames.Release(table);
    }

    private static void CensusTable(ulong table, int level, ref ulong pages, ref ulong writableAndExecutable)
    {
        ulong* entries = (ulong*)Physical.ToVirtual(table);
        for (int i = 0; i < 512; i++)
        {
            ulong e = entries[i];
            if (!Pte.Valid(e))
                continue;
            if (level > 0 && !Pte.IsLeaf(e, level))
            {
                CensusTable(Pte.Address(e), level - 1, ref pages, ref writableAndExecutable);
                continue;
            }
            pages++;
            var flags = Pte.Flags(e);
            if ((flags & PageFlags.Write) != 0 && (flags & PageFlags.Execute) != 0)
                writableAndExecutable++;
        }
    }
}

/// <summary>
/// The kernel's address space: the kernel image at its own (physical) addresses with the permissions of its parts
/// (code read-execute, read-only data read-only, data read-write — W^X); RAM other than the image in the direct map
/// (<see cref="Physical.DirectMapBase"/> + physical) read-write and never executable; the architecture's devices there
/// too (<see cref="Machine.MapDevices"/>); all supervisor-only. Built once at boot and made current.
/// </summary>
static unsafe class KernelSpace
{
    public static ulong Root;

    public static bool Build(ref BootInfo boot)
    {
        ulong root = PageTables.NewRoot();
        if (root == 0)
            return false;
        ulong imageStart = Machine.ImageStart(), textEnd = Machine.TextEnd(), dataStart = Machine.DataStart(), imageEnd = Machine.ImageEnd();
        bool ok = PageTables.MapRange(root, imageStart, imageStart, textEnd - imageStart, PageFlags.Execute)
            && PageTables.MapRange(root, textEnd, textEnd, dataStart - textEnd, PageFlags.None)
            && PageTables.MapRange(root, dataStart, dataStart, imageEnd - dataStart, PageFlags.Write);
        for (int i = 0; ok && i < boot.RamCount; i++)
        {
            ulong start = boot.Ram[i * 2] & ~(PageTables.PageSize - 1);
            ulong end = (boot.Ram[i * 2] + boot.Ram[i * 2 + 1] + PageTables.PageSize - 1) & ~(PageTables.PageSize - 1);
            for (ulong page = start; ok && page < end; page += PageTables.PageSize)
            {
                // The image has its own mappings (an alias of its code that is writable would undo W^X).
                if (page >= imageStart && page < imageEnd)
                    continue;
                ok = PageTables.Map(root, Physical.DirectMapBase + page, page, PageFlags.Write);
            }
        }
        ok = ok && Machine.MapDevices(root);
        if (!ok)
            return false;
        Root = root;
        if (!Machine.ActivatePageTables(root))
            return false;
        Physical.Offset = Physical.DirectMapBase;
        return true;
    }
}
