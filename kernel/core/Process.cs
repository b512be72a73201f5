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

/// <summary>Reaching user memory from the kernel: every access is translated in the process's tables first (a user mapping or nothing) and made through the direct map.</summary>
static unsafe class UserMemory
{
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
