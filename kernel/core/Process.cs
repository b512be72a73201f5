using System;

namespace Veridian.Kernel;

/// <summary>
/// User processes, v1: one at a time. The kernel loads a static ELF64 from the boot module into a new address space
/// (the upper half and the kernel image shared with the kernel), builds the ABI's stack (argc, argv, NULL, envp, NULL
/// below 0x7FFF_FFFF_0000), and runs it until it exits or faults; then its memory is given back. A fault in user mode
/// ends the process with a report, never the kernel.
/// </summary>
static unsafe class Process
{
    public const ulong StackTop = 0x7FFF_FFFF_0000;
    public const ulong StackSize = 64 * 1024;
    /// <summary>User addresses end where the upper half (the kernel's) begins.</summary>
    public const ulong UserEnd = 0x0000_8000_0000_0000;
    /// <summary>The status of a process a fault ended (128 + SIGSEGV, as a shell reports it).</summary>
    public const int FaultStatus = 139;

    /// <summary>The current process's address space (0: none).</summary>
    public static ulong Root;
    public static ulong Pid;
    private static ulong s_nextPid = 1;

    /// <summary>Runs the boot module's file at <paramref name="path"/>; its exit status, or a negative errno when it cannot start.</summary>
    public static long Run(ReadOnlySpan<byte> path)
    {
        ref BootInfo boot = ref Kernel.Boot;
        if (!CpioReader.Find(Physical.ToVirtual(boot.ModuleBase), boot.ModuleSize, path, out byte* image, out ulong size))
            return -Errno.ENOENT;
        ulong root = NewSpace();
        if (root == 0)
            return -Errno.ENOMEM;
        long loaded = ElfLoader.Load(root, image, size, out ulong entry);
        ulong sp = loaded == 0 ? BuildStack(root, path) : 0;
        long status;
        if (loaded != 0)
            status = loaded;
        else if (sp == 0)
            status = -Errno.ENOMEM;
        else
        {
            Root = root;
            Pid = s_nextPid++;
            UserMemory.Start(ElfLoader.HighestAddress);
            Machine.ActivateUserSpace(root);
            status = Machine.EnterUser(entry, sp);
            Machine.ActivateUserSpace(KernelSpace.Root);
            Machine.EnableInterrupts();
            Root = 0;
        }
        FreeSpace(root);
        return status;
    }

    /// <summary>The exit system call: back to <see cref="Run"/>, which returns <paramref name="status"/>.</summary>
    public static void Exit(int status) => Machine.LeaveUser(status);

    /// <summary>A fault in user mode: the report, then the process ends with <see cref="FaultStatus"/>.</summary>
    public static void Fault(ReadOnlySpan<byte> cause, ulong pc, ulong address)
    {
        Log.Write("[KERNEL] process "u8);
        Log.Decimal(Pid);
        Log.Write(" killed: "u8);
        Log.Write(cause);
        Log.Write(" at pc "u8);
        Log.Hex(pc);
        Log.Write(", address "u8);
        Log.Hex(address);
        Log.Char((byte)'\n');
        Machine.LeaveUser(FaultStatus);
    }

    /// <summary>An address space with the kernel's upper half and its image's page tables shared; 0 when no frame is left.</summary>
    private static ulong NewSpace()
    {
        ulong root = PageTables.NewRoot();
        if (root == 0)
            return 0;
        ulong* user = (ulong*)Physical.ToVirtual(root);
        ulong* kernel = (ulong*)Physical.ToVirtual(KernelSpace.Root);
        for (int i = 256; i < 512; i++)
            user[i] = kernel[i];
        for (ulong va = Machine.ImageStart() & ~0x1FFFFFUL; va < Machine.ImageEnd(); va += 0x200000)
        {
            if (!PageTables.ShareLeafTable(root, KernelSpace.Root, va))
            {
                FreeSpace(root);
                return 0;
            }
        }
        return root;
    }

    /// <summary>Frees the user pages and the tables of the lower half that are the process's own.</summary>
    private static void FreeSpace(ulong root) => PageTables.DestroyUser(root, KernelSpace.Root);

    /// <summary>Maps the stack and writes argc = 1, argv = { path, NULL }, envp = { NULL }; the initial sp, or 0.</summary>
    private static ulong BuildStack(ulong root, ReadOnlySpan<byte> path)
    {
        for (ulong va = StackTop - StackSize; va < StackTop; va += PageTables.PageSize)
        {
            ulong frame = Frames.AllocateZeroed();
            if (frame == 0 || !PageTables.Map(root, va, frame, PageFlags.User | PageFlags.Write))
                return 0;
        }
        // The top page: the path's bytes at its end, the vectors below, sp 16-byte aligned at argc.
        byte* top = UserMemory.Kernel(root, StackTop - PageTables.PageSize) + PageTables.PageSize;
        ulong nameAt = StackTop - 64;
        byte* name = top - 64;
        for (int i = 0; i < path.Length && i < 63; i++)
            name[i] = path[i];
        ulong sp = StackTop - 128;
        ulong* words = (ulong*)(top - 128);
        words[0] = 1;        // argc
        words[1] = nameAt;   // argv[0]
        words[2] = 0;        // argv[1]
        words[3] = 0;        // envp[0]
        return sp;
    }
}

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

    private static ulong s_nextMap;
    private static ulong s_breakStart;
    private static ulong s_break;

    /// <summary>A new process: its break starts on the page after its highest loaded byte.</summary>
    public static void Start(ulong highestLoaded)
    {
        s_nextMap = MapBase;
        s_breakStart = s_break = (highestLoaded + PageTables.PageSize - 1) & ~(PageTables.PageSize - 1);
    }

    /// <summary>mmap(addr, length, prot, flags, fd, offset): anonymous private memory only, zeroed; W^X (write and exec together is -EINVAL).</summary>
    public static long Map(ulong hint, ulong length, ulong prot, ulong flags, long fd)
    {
        if (length == 0 || length > MaxLength || (prot & ~(ProtRead | ProtWrite | ProtExec)) != 0 || (prot & (ProtWrite | ProtExec)) == (ProtWrite | ProtExec))
            return -Errno.EINVAL;
        if ((flags & MapAnonymous) == 0 || (flags & MapFixed) != 0 || fd != -1)
            return -Errno.EINVAL; // files and fixed placement come with the file system calls
        ulong size = (length + PageTables.PageSize - 1) & ~(PageTables.PageSize - 1);
        if (s_nextMap + size > MapLimit || size / PageTables.PageSize > Frames.Free)
            return -Errno.ENOMEM;
        ulong va = s_nextMap;
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
        s_nextMap = va + size;
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
        if (wanted < s_breakStart || wanted - s_breakStart > MaxLength || wanted >= MapBase)
            return s_break;
        ulong oldEnd = (s_break + PageTables.PageSize - 1) & ~(PageTables.PageSize - 1);
        ulong newEnd = (wanted + PageTables.PageSize - 1) & ~(PageTables.PageSize - 1);
        for (ulong page = oldEnd; page < newEnd; page += PageTables.PageSize)
        {
            ulong frame = Frames.AllocateZeroed();
            if (frame == 0 || !PageTables.Map(Process.Root, page, frame, PageFlags.User | PageFlags.Write))
            {
                if (frame != 0)
                    Frames.Release(frame);
                Release(oldEnd, page - oldEnd);
                return s_break;
            }
        }
        if (newEnd < oldEnd)
            Release(newEnd, oldEnd - newEnd);
        s_break = wanted;
        return s_break;
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
            Frames.Release(frame);
        }
    }

    /// <summary>The kernel address of a user page's byte, or null when <paramref name="va"/> is not mapped for the user (writable if asked).</summary>
    public static byte* Kernel(ulong root, ulong va, bool write = false)
    {
        if (va >= Process.UserEnd)
            return null;
        ulong pa = PageTables.Translate(root, va, out PageFlags flags);
        if (pa == ulong.MaxValue || (flags & PageFlags.User) == 0 || (write && (flags & PageFlags.Write) == 0))
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
