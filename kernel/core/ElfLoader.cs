namespace Veridian.Kernel;

/// <summary>The PT_TLS segment: the initialised data's offset in the file and size, the block's size and alignment (MemSize 0: none).</summary>
struct TlsImage
{
    public ulong Offset, FileSize, MemSize, Align;
}

/// <summary>
/// A static ELF64 loader (System V gABI): the header must be ELF64, little-endian, ET_EXEC for this machine; each
/// PT_LOAD is mapped page by page into fresh zeroed frames with its permissions (a segment both writable and
/// executable is refused: W^X for user space too), inside user space and clear of the kernel image. Errors are
/// -errno (ENOEXEC for a bad image, ENOMEM when frames run out), and the caller frees what was mapped.
/// </summary>
static unsafe class ElfLoader
{
    private const uint PtLoad = 1, PtTls = 7, PfX = 1, PfW = 2;

    /// <summary>Loads <paramref name="image"/> into <paramref name="root"/>; <paramref name="highest"/> is the end of the highest segment (where the program break starts), <paramref name="tls"/> the PT_TLS segment (the caller builds the block).</summary>
    public static long Load(ulong root, byte* image, ulong size, out ulong entry, out ulong highest, out TlsImage tls)
    {
        entry = 0;
        highest = 0;
        tls = default;
        if (size < 64 || image[0] != 0x7F || image[1] != 'E' || image[2] != 'L' || image[3] != 'F' || image[4] != 2 || image[5] != 1)
            return -Errno.ENOEXEC;
        if (*(ushort*)(image + 16) != 2 || *(ushort*)(image + 18) != Machine.ElfMachine)
            return -Errno.ENOEXEC;
        entry = *(ulong*)(image + 24);
        ulong phoff = *(ulong*)(image + 32);
        ushort phentsize = *(ushort*)(image + 54), phnum = *(ushort*)(image + 56);
        if (phentsize != 56 || phoff > size || (ulong)phnum * 56 > size - phoff)
            return -Errno.ENOEXEC;
        bool entryMapped = false;
        for (int i = 0; i < phnum; i++)
        {
            byte* ph = image + phoff + (ulong)i * 56;
            if (*(uint*)ph == PtTls)
            {
                tls.Offset = *(ulong*)(ph + 8);
                tls.FileSize = *(ulong*)(ph + 32);
                tls.MemSize = *(ulong*)(ph + 40);
                tls.Align = *(ulong*)(ph + 48);
                if (tls.FileSize > tls.MemSize || tls.Offset > size || tls.FileSize > size - tls.Offset)
                    return -Errno.ENOEXEC;
                continue;
            }
            if (*(uint*)ph != PtLoad)
                continue;
            uint flags = *(uint*)(ph + 4);
            ulong offset = *(ulong*)(ph + 8), vaddr = *(ulong*)(ph + 16), filesz = *(ulong*)(ph + 32), memsz = *(ulong*)(ph + 40);
            if ((flags & (PfW | PfX)) == (PfW | PfX) || filesz > memsz || offset > size || filesz > size - offset)
                return -Errno.ENOEXEC;
            if (vaddr >= Process.UserEnd || memsz > Process.UserEnd - vaddr || Overlaps(vaddr, memsz, Machine.ImageStart(), Machine.ImageEnd()))
                return -Errno.ENOEXEC;
            var pageFlags = PageFlags.User | ((flags & PfW) != 0 ? PageFlags.Write : 0) | ((flags & PfX) != 0 ? PageFlags.Execute : 0);
            ulong first = vaddr & ~(PageTables.PageSize - 1);
            for (ulong page = first; page < vaddr + memsz; page += PageTables.PageSize)
            {
                ulong frame = Frames.AllocateZeroed();
                if (frame == 0)
                    return -Errno.ENOMEM;
                if (!PageTables.Map(root, page, frame, pageFlags))
                {
                    Frames.Release(frame);
                    return -Errno.ENOEXEC; // two segments on one page
                }
                byte* to = Physical.ToVirtual(frame);
                // The file bytes that land on this page.
                for (ulong b = 0; b < PageTables.PageSize; b++)
                {
                    ulong va = page + b;
                    if (va >= vaddr && va < vaddr + filesz)
                        to[b] = image[offset + (va - vaddr)];
                }
            }
            if (vaddr + memsz > highest)
                highest = vaddr + memsz;
            if (entry >= vaddr && entry < vaddr + memsz && (flags & PfX) != 0)
                entryMapped = true;
        }
        return entryMapped ? 0 : -Errno.ENOEXEC;
    }

    private static bool Overlaps(ulong start, ulong size, ulong otherStart, ulong otherEnd) => start < otherEnd && otherStart < start + size;
}
