using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Veridian.Kernel;

/// <summary>A process's state in the table.</summary>
enum ProcessState : byte
{
    Free,
    Ready,
    Running,
    /// <summary>Blocked in wait() until a child exits.</summary>
    Waiting,
    /// <summary>Exited; its status waits for its parent's wait().</summary>
    Zombie,
}

/// <summary>One process: its address space, memory layout, and (when not running) its saved user registers.</summary>
unsafe struct ProcessSlot
{
    public ProcessState State;
    public int Status;
    public ulong Pid, Parent, Root;
    /// <summary>wait(): the pid waited for (0: any child) and where the status goes.</summary>
    public ulong WaitFor, WaitStatus;
    public ulong NextMap, BreakStart, Break;
    public fixed byte Frame[Process.MaxFrame];
}

unsafe struct ProcessTableStorage
{
    public fixed byte Bytes[Process.MaxProcesses * 640];
}

/// <summary>
/// User processes: a table of up to <see cref="MaxProcesses"/>, each a static ELF64 from the boot module in its own
/// address space (the upper half and the kernel image's tables shared), on the ABI's stack (argc, argv, NULL, envp,
/// NULL below 0x7FFF_FFFF_0000). The kernel is not preemptible (system calls run with interrupts off); a process is
/// preempted by the timer in user mode, and a context switch swaps whole trap frames (<see cref="Scheduler"/>). The
/// first process is entered with <see cref="UserMode.Enter"/>, and when none is left <see cref="UserMode.Leave"/>
/// returns the first one's status. A fault in user mode ends that process with a report, never the kernel.
/// </summary>
static unsafe class Process
{
    public const int MaxProcesses = 16;
    /// <summary>The largest architecture's trap frame (riscv64: 68 words).</summary>
    public const int MaxFrame = 544;
    public const ulong StackTop = 0x7FFF_FFFF_0000;
    public const ulong StackSize = 64 * 1024;
    /// <summary>User addresses end where the upper half (the kernel's) begins.</summary>
    public const ulong UserEnd = 0x0000_8000_0000_0000;
    /// <summary>The status of a process a fault ended (128 + SIGSEGV, as a shell reports it).</summary>
    public const int FaultStatus = 139;

    private static ProcessTableStorage s_table;
    private static ulong s_nextPid = 1;
    private static int s_firstStatus;

    /// <summary>The running process (null: none).</summary>
    public static ProcessSlot* Current;

    /// <summary>The current process's address space (0: none).</summary>
    public static ulong Root => Current == null ? 0 : Current->Root;

    public static ulong Pid => Current == null ? 0 : Current->Pid;

    public static ProcessSlot* Slot(int i) => (ProcessSlot*)Unsafe.AsPointer(ref s_table.Bytes[0]) + i;

    /// <summary>Runs the boot module's file at <paramref name="path"/> and every process it starts; its exit status, or a negative errno when it cannot start.</summary>
    public static long Run(ReadOnlySpan<byte> path)
    {
        if (sizeof(ProcessSlot) > 640 || Machine.FrameSize > MaxFrame)
            return -Errno.ENOMEM;
        ProcessSlot* p = Slot(0);
        Memory.Zero((byte*)p, (ulong)sizeof(ProcessSlot));
        long loaded = Load(p, path, out ulong entry, out ulong sp);
        if (loaded != 0)
            return loaded;
        p->Pid = s_nextPid++;
        p->State = ProcessState.Running;
        Current = p;
        Machine.ActivateUserSpace(p->Root);
        long status = UserMode.Enter(entry, sp);
        Machine.ActivateUserSpace(KernelSpace.Root);
        Machine.EnableInterrupts();
        Current = null;
        return status;
    }

    /// <summary>A new address space for <paramref name="p"/> with <paramref name="path"/> loaded and its stack built; 0 or -errno (nothing left allocated).</summary>
    private static long Load(ProcessSlot* p, ReadOnlySpan<byte> path, out ulong entry, out ulong sp)
    {
        entry = 0;
        sp = 0;
        ref BootInfo boot = ref Kernel.Boot;
        if (!CpioReader.Find(Physical.ToVirtual(boot.ModuleBase), boot.ModuleSize, path, out byte* image, out ulong size))
            return -Errno.ENOENT;
        ulong root = NewSpace();
        if (root == 0)
            return -Errno.ENOMEM;
        long loaded = ElfLoader.Load(root, image, size, out entry, out ulong highest);
        if (loaded == 0)
        {
            sp = BuildStack(root, path);
            if (sp == 0)
                loaded = -Errno.ENOMEM;
        }
        if (loaded != 0)
        {
            PageTables.DestroyUser(root, KernelSpace.Root);
            return loaded;
        }
        p->Root = root;
        p->NextMap = UserMemory.MapBase;
        p->BreakStart = p->Break = (highest + PageTables.PageSize - 1) & ~(PageTables.PageSize - 1);
        return 0;
    }

    /// <summary>fork(): a copy of the current process (every user page copied now), which resumes with 0; the parent gets its pid.</summary>
    public static long Fork(byte* frame)
    {
        ProcessSlot* child = FreeSlot();
        if (child == null)
            return -Errno.EAGAIN;
        ulong root = NewSpace();
        if (root == 0)
            return -Errno.ENOMEM;
        if (!PageTables.CopyUser(Current->Root, root, KernelSpace.Root))
        {
            PageTables.DestroyUser(root, KernelSpace.Root);
            return -Errno.ENOMEM;
        }
        Memory.Copy((byte*)child, (byte*)Current, (ulong)sizeof(ProcessSlot));
        child->Root = root;
        child->Pid = s_nextPid++;
        child->Parent = Current->Pid;
        child->State = ProcessState.Ready;
        Memory.Copy(child->Frame, frame, (ulong)Machine.FrameSize);
        Machine.SetSyscallResult(child->Frame, 0);
        return (long)child->Pid;
    }

    /// <summary>exec(path): the current process becomes the boot module's program at <paramref name="pathPointer"/>; on failure it keeps its image and gets -errno.</summary>
    public static long Exec(byte* frame, ulong pathPointer)
    {
        byte* path = stackalloc byte[256];
        int length = 0;
        for (; length < 256; length++)
        {
            byte* c = UserMemory.Kernel(Current->Root, pathPointer + (ulong)length);
            if (c == null)
                return -Errno.EFAULT;
            path[length] = *c;
            if (*c == 0)
                break;
        }
        if (length == 256)
            return -Errno.ENAMETOOLONG;
        ulong oldRoot = Current->Root;
        var loading = *Current;
        long loaded = Load(&loading, new ReadOnlySpan<byte>(path, length), out ulong entry, out ulong sp);
        if (loaded != 0)
            return loaded;
        Current->Root = loading.Root;
        Current->NextMap = loading.NextMap;
        Current->BreakStart = loading.BreakStart;
        Current->Break = loading.Break;
        Machine.ActivateUserSpace(Current->Root);
        PageTables.DestroyUser(oldRoot, KernelSpace.Root);
        Machine.InitUserFrame(frame, entry, sp);
        return 0;
    }

    /// <summary>wait(pid, status): reaps an exited child (pid 0 or -1: any), blocking until one exits; -ECHILD when there is none to wait for.</summary>
    public static void Wait(byte* frame, ulong pid, ulong statusPointer)
    {
        if (pid == ulong.MaxValue)
            pid = 0;
        if (statusPointer != 0 && !UserMemory.Check(Current->Root, statusPointer, 4, write: true))
        {
            Machine.SetSyscallResult(frame, -Errno.EFAULT);
            return;
        }
        bool any = false;
        for (int i = 0; i < MaxProcesses; i++)
        {
            ProcessSlot* c = Slot(i);
            if (c->State == ProcessState.Free || c->Parent != Current->Pid || (pid != 0 && c->Pid != pid))
                continue;
            any = true;
            if (c->State == ProcessState.Zombie)
            {
                Machine.SetSyscallResult(frame, Reap(Current, c, statusPointer));
                return;
            }
        }
        if (!any)
        {
            Machine.SetSyscallResult(frame, -Errno.ECHILD);
            return;
        }
        Current->State = ProcessState.Waiting;
        Current->WaitFor = pid;
        Current->WaitStatus = statusPointer;
        Scheduler.Switch(frame);
    }

    /// <summary>exit(status) or a fault: the process's memory goes back, its parent is told, another process runs.</summary>
    public static void Exit(byte* frame, int status)
    {
        ProcessSlot* p = Current;
        Machine.ActivateUserSpace(KernelSpace.Root);
        PageTables.DestroyUser(p->Root, KernelSpace.Root);
        p->Root = 0;
        p->Status = status;
        if (p == Slot(0))
            s_firstStatus = status;
        ProcessSlot* parent = Find(p->Parent);
        // Children of an exiting process have no one to wait for them: they are reaped when they exit.
        for (int i = 0; i < MaxProcesses; i++)
        {
            if (Slot(i)->State != ProcessState.Free && Slot(i)->Parent == p->Pid)
            {
                Slot(i)->Parent = 0;
                if (Slot(i)->State == ProcessState.Zombie)
                    Slot(i)->State = ProcessState.Free;
            }
        }
        if (parent == null)
            p->State = ProcessState.Free;
        else
        {
            p->State = ProcessState.Zombie;
            if (parent->State == ProcessState.Waiting && (parent->WaitFor == 0 || parent->WaitFor == p->Pid))
            {
                Machine.SetSyscallResult(parent->Frame, Reap(parent, p, parent->WaitStatus));
                parent->State = ProcessState.Ready;
            }
        }
        Current = null;
        Scheduler.Switch(frame);
    }

    /// <summary>A fault in user mode: the report, then the process ends with <see cref="FaultStatus"/>.</summary>
    public static void Fault(byte* frame, ReadOnlySpan<byte> cause, ulong pc, ulong address)
    {
        Log.Write("[KERNEL] process "u8);
        Log.Decimal(Pid);
        Log.Write(" killed: "u8);
        Log.Fault(cause, pc, address);
        Exit(frame, FaultStatus);
    }

    /// <summary>Called when no process is left: back to <see cref="Run"/> with the first process's status.</summary>
    public static void AllDone() => UserMode.Leave(s_firstStatus);

    private static long Reap(ProcessSlot* parent, ProcessSlot* child, ulong statusPointer)
    {
        if (statusPointer != 0)
        {
            // Checked when wait() was called; the parent's memory is reached through its own tables.
            byte* to = UserMemory.Kernel(parent->Root, statusPointer, write: true);
            if (to != null)
                *(int*)to = child->Status;
        }
        long pid = (long)child->Pid;
        child->State = ProcessState.Free;
        return pid;
    }

    private static ProcessSlot* FreeSlot()
    {
        for (int i = 0; i < MaxProcesses; i++)
        {
            if (Slot(i)->State == ProcessState.Free)
                return Slot(i);
        }
        return null;
    }

    private static ProcessSlot* Find(ulong pid)
    {
        for (int i = 0; pid != 0 && i < MaxProcesses; i++)
        {
            if (Slot(i)->State != ProcessState.Free && Slot(i)->Pid == pid)
                return Slot(i);
        }
        return null;
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
                PageTables.DestroyUser(root, KernelSpace.Root);
                return 0;
            }
        }
        return root;
    }

    /// <summary>Maps the stack and writes argc = 1, argv = { path, NULL }, envp = { NULL }; the initial sp, or 0.</summary>
    private static ulong BuildStack(ulong root, ReadOnlySpan<byte> path)
    {
        for (ulong va = StackTop - StackSize; va < StackTop; va += PageTables.PageSize)
        {
            ulong frame = Frames.AllocateZeroed();
            if (frame == 0 || !PageTables.Map(root, va, frame, PageFlags.User | PageFlags.Write))
            {
                if (frame != 0)
                    Frames.Release(frame);
                return 0;
            }
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
/// The way into user mode and back, in each architecture's user.S: <c>enter_user(entry, sp)</c> saves the kernel's
/// callee-saved registers and stack pointer and drops to user mode (interrupts on, every register zeroed);
/// <c>leave_user(status)</c> returns from it, from wherever the kernel is (the last process ended).
/// </summary>
static class UserMode
{
    [DllImport("kernel", EntryPoint = "enter_user")]
    private static extern long EnterStub(nuint entry, nuint sp);

    [DllImport("kernel", EntryPoint = "leave_user")]
    private static extern void LeaveStub(int status);

    /// <summary>Runs user code at <paramref name="entry"/> with <paramref name="sp"/> until <see cref="Leave"/>; its status.</summary>
    public static long Enter(ulong entry, ulong sp) => EnterStub((nuint)entry, (nuint)sp);

    public static void Leave(int status) => LeaveStub(status);
}

/// <summary>
/// Round-robin over the ready processes. <see cref="Preempt"/> (the timer, in user mode) and the blocking calls hand
/// over the trap frame: the current process's registers are saved from it into its slot, and the next one's copied
/// in, with its address space made current — the trap then returns into the next process.
/// </summary>
static unsafe class Scheduler
{
    private static int s_last;

    public static void Preempt(byte* frame)
    {
        if (Process.Current == null)
            return;
        Process.Current->State = ProcessState.Ready;
        Switch(frame);
    }

    /// <summary>Saves the current process (if it is still alive) and resumes the next ready one — possibly the same; with none left, <see cref="Process.AllDone"/>.</summary>
    public static void Switch(byte* frame)
    {
        ProcessSlot* current = Process.Current;
        if (current != null)
            Memory.Copy(current->Frame, frame, (ulong)Machine.FrameSize);
        for (int n = 1; n <= Process.MaxProcesses; n++)
        {
            int i = (s_last + n) % Process.MaxProcesses;
            ProcessSlot* next = Process.Slot(i);
            if (next->State != ProcessState.Ready)
                continue;
            s_last = i;
            next->State = ProcessState.Running;
            Process.Current = next;
            if (next != current)
            {
                Memory.Copy(frame, next->Frame, (ulong)Machine.FrameSize);
                Machine.ActivateUserSpace(next->Root);
            }
            return;
        }
        // Nothing is ready. A waiting process always has a live child, so this means every process has ended.
        Process.Current = null;
        Process.AllDone();
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
