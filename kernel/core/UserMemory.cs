using System;

namespace Veridian.Kernel;

/// <summary>
/// The process's memory from the kernel's side: reaching it (every access is translated in the process's tables first —
/// a user mapping or nothing — and made through the direct map), and changing it (anonymous <c>mmap</c>/<c>munmap</c>/
/// <c>mprotect</c>, the program break).
/// </summary>
static unsafe class UserMemory
{
    /// <summary>Where anonymous mappings are placed (upwards, never reused in v1: 16 TiB of room).</summary>
    public const ulong MapBase = 0x0000_1000_0000_0000;
    public const ulong MapLimit = 0x0000_2000_0000_0000;
    /// <summary>The largest single mapping or break increase (frames are given eagerly).</summary>
    public const ulong MaxLength = 1UL << 30;
    public const ulong ProtRead = 1, ProtWrite = 2, ProtExec = 4, MapPrivate = 2, MapFixed = 0x10, MapAnonymous = 0x20;


    /// <summary>mmap(addr, length, prot, flags, fd, offset): anonymous private memory only, zeroed; W^X (write and exec together is -EINVAL).</summary>
    public static long Map(ulong hint, ulong length, ulong prot, ulong flags, long fd)
    {
        if (length == 0 || length > MaxLength || (prot & ~(ProtRead | ProtWrite | ProtExec)) != 0 || (prot & (ProtWrite | ProtExec)) == (ProtWrite | ProtExec))
            return -Errno.EINVAL;
        if ((flags & MapAnonymous) == 0 || (flags & MapFixed) != 0 || fd != -1)
            return -Errno.EINVAL; // files and fixed placement come with the file system calls
        ulong size = (length + PageTables.PageSize - 1) & ~(PageTables.PageSize - 1);
        if (Process.Current->NextMap + size > MapLimit || size / PageTables.PageSize > Frames.Free)
            return -Errno.ENOMEM;
        ulong va = Process.Current->NextMap;
        var pageFlags = Flags(prot);
        for (ulong page = va; page < va + size; page += PageTables.PageSize)
        {
            ulong frame = Frames.AllocateZeroed();
            if (frame == 0 || !PageTables.Map(Process.Root, page, frame, pageFlags))
            {
                if (frame != 0)
                    Frames.Release(frame);
                Release(va, page - va);
                return -Errno.ENOMEM;
            }
        }
        Process.Current->NextMap = va + size;
        return (long)va;
    }

    /// <summary>munmap(addr, length): the pages of [addr, addr + length) that are mapped go, with their frames.</summary>
    public static long Unmap(ulong va, ulong length)
    {
        if ((va & (PageTables.PageSize - 1)) != 0 || length == 0 || va >= Process.UserEnd || length > Process.UserEnd - va)
            return -Errno.EINVAL;
        Release(va, (length + PageTables.PageSize - 1) & ~(PageTables.PageSize - 1));
        return 0;
    }

    /// <summary>mprotect(addr, length, prot) on mapped user pages; W^X holds; an unmapped page is -ENOMEM (as POSIX says).</summary>
    public static long Protect(ulong va, ulong length, ulong prot)
    {
        if ((va & (PageTables.PageSize - 1)) != 0 || length == 0 || va >= Process.UserEnd || length > Process.UserEnd - va
            || (prot & ~(ProtRead | ProtWrite | ProtExec)) != 0 || (prot & (ProtWrite | ProtExec)) == (ProtWrite | ProtExec))
            return -Errno.EINVAL;
        ulong end = va + ((length + PageTables.PageSize - 1) & ~(PageTables.PageSize - 1));
        for (ulong page = va; page < end; page += PageTables.PageSize)
        {
            if (Kernel(Process.Root, page) == null)
                return -Errno.ENOMEM;
            // Shared memory keeps the rights its capability gave (docs/capabilities.md).
            if (SharedMemory.Owns(PageTables.Translate(Process.Root, page, out _)))
                return -Errno.EACCES;
        }
        for (ulong page = va; page < end; page += PageTables.PageSize)
        {
            ulong frame = PageTables.Unmap(Process.Root, page);
            PageTables.Map(Process.Root, page, frame, Flags(prot));
            Machine.FlushTlb(page);
        }
        return 0;
    }

    /// <summary>brk(addr): moves the break (mapping or freeing whole pages) and returns it; 0 or an impossible address returns the current one.</summary>
    public static ulong Break(ulong wanted)
    {
        if (wanted < Process.Current->BreakStart || wanted - Process.Current->BreakStart > MaxLength || wanted >= MapBase)
            return Process.Current->Break;
        ulong oldEnd = (Process.Current->Break + PageTables.PageSize - 1) & ~(PageTables.PageSize - 1);
        ulong newEnd = (wanted + PageTables.PageSize - 1) & ~(PageTables.PageSize - 1);
        for (ulong page = oldEnd; page < newEnd; page += PageTables.PageSize)
        {
            ulong frame = Frames.AllocateZeroed();
            if (frame == 0 || !PageTables.Map(Process.Root, page, frame, PageFlags.User | PageFlags.Write))
            {
                if (frame != 0)
                    Frames.Release(frame);
                Release(oldEnd, page - oldEnd);
                return Process.Current->Break;
            }
        }
        if (newEnd < oldEnd)
            Release(newEnd, oldEnd - newEnd);
        Process.Current->Break = wanted;
        return Process.Current->Break;
    }

    private static PageFlags Flags(ulong prot) =>
        PageFlags.User | ((prot & ProtWrite) != 0 ? PageFlags.Write : 0) | ((prot & ProtExec) != 0 ? PageFlags.Execute : 0);

    /// <summary>Unmaps the user pages of a page-aligned range and frees their frames.</summary>
    private static void Release(ulong va, ulong size)
    {
        for (ulong page = va; page < va + size; page += PageTables.PageSize)
        {
            if (Kernel(Process.Root, page) == null)
                continue;
            ulong frame = PageTables.Unmap(Process.Root, page);
            Machine.FlushTlb(page);
            SharedMemory.Release(frame);
        }
    }

    /// <summary>
    /// Copy-in: <paramref name="length"/> bytes of the current process's memory at <paramref name="va"/> into the
    /// kernel's <paramref name="to"/>; false (nothing trusted) if any byte is not readable user memory. With
    /// <see cref="CopyOut"/> and <see cref="CopyInString"/> the only way system calls touch user memory: through the
    /// direct map after a walk of the process's own tables, never at the user address (so SMAP, PAN and SUM stay on).
    /// </summary>
    public static bool CopyIn(byte* to, ulong va, ulong length) => Copy(Process.Root, va, to, length, toUser: false);

    /// <summary>Copy-in from the space <paramref name="root"/> (IPC's long messages, from a blocked sender's buffer).</summary>
    public static bool CopyIn(ulong root, byte* to, ulong va, ulong length) => Copy(root, va, to, length, toUser: false);

    /// <summary>Copy-out: <paramref name="length"/> bytes from the kernel's <paramref name="from"/> to user memory at <paramref name="va"/> of the space <paramref name="root"/>; false (nothing written) unless all of it is writable user memory.</summary>
    public static bool CopyOut(ulong root, ulong va, byte* from, ulong length) => Copy(root, va, from, length, toUser: true);

    /// <summary>Checks the whole range first (nothing is copied unless all of it may be), then copies page by page.</summary>
    private static bool Copy(ulong root, ulong va, byte* kernel, ulong length, bool toUser)
    {
        if (!Check(root, va, length, toUser))
            return false;
        while (length > 0)
        {
            ulong n = PageTables.PageSize - (va & (PageTables.PageSize - 1));
            if (n > length)
                n = length;
            byte* user = Kernel(root, va, toUser);
            if (toUser)
                Memory.Copy(user, kernel, n);
            else
                Memory.Copy(kernel, user, n);
            va += n;
            kernel += n;
            length -= n;
        }
        return true;
    }

    /// <summary>A NUL-terminated string of at most <paramref name="max"/> - 1 bytes into <paramref name="to"/>; its length, -EFAULT or -ENAMETOOLONG.</summary>
    public static long CopyInString(byte* to, ulong va, int max)
    {
        for (int i = 0; i < max; i++)
        {
            byte* c = Kernel(Process.Root, va + (ulong)i);
            if (c == null)
                return -Errno.EFAULT;
            to[i] = *c;
            if (*c == 0)
                return i;
        }
        return -Errno.ENAMETOOLONG;
    }

    /// <summary>The kernel address of a user page's byte, or null when <paramref name="va"/> is not mapped for the user (writable if asked).</summary>
    public static byte* Kernel(ulong root, ulong va, bool write = false)
    {
        if (va >= Process.UserEnd)
            return null;
        ulong pa = PageTables.Translate(root, va, out PageFlags flags);
        if (pa == ulong.MaxValue || (flags & PageFlags.User) == 0 || (write && (flags & PageFlags.Write) == 0))
            return null;
        // A device page (device_map) is not RAM: the kernel never reads or writes it for a system call.
        if (pa < Frames.Base || pa - Frames.Base >= Frames.Span * Frames.Size)
            return null;
        return Physical.ToVirtual(pa);
    }

    /// <summary>Whether [va, va + length) is user memory the process may read (or write).</summary>
    public static bool Check(ulong root, ulong va, ulong length, bool write)
    {
        if (length == 0)
            return true;
        if (va >= Process.UserEnd || length > Process.UserEnd - va)
            return false;
        for (ulong page = va & ~(PageTables.PageSize - 1); page < va + length; page += PageTables.PageSize)
        {
            if (Kernel(root, page, write) == null)
                return false;
        }
        return true;
    }
}
