using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Veridian.Kernel;

/// <summary>A process's state in the table.</summary>
enum ProcessState : byte
{
    Free,
    Alive,
    /// <summary>Exited; its status waits for its parent's wait().</summary>
    Zombie,
}

/// <summary>
/// One process: its address space, memory layout, and its two per-process handle tables — threads (a handle is an
/// index in <see cref="Threads"/>, which holds a thread-table index + 1) and open files (a descriptor is an index in
/// the file arrays; 0–2 are the console). Its threads hold the registers (<see cref="ThreadSlot"/>).
/// </summary>
unsafe struct ProcessSlot
{
    public ProcessState State;
    public int Status;
    public ulong Pid, Parent, Root;
    public ulong NextMap, BreakStart, Break;
    public fixed byte Threads[Process.MaxThreadsPerProcess];
    /// <summary>Open files: the data's offset in the boot module + 1 (0: the descriptor is free), size, offset.</summary>
    public fixed ulong FileData[Files.MaxFiles];
    public fixed ulong FileSize[Files.MaxFiles];
    public fixed ulong FileOffset[Files.MaxFiles];
}

unsafe struct ProcessTableStorage
{
    public fixed byte Bytes[Process.MaxProcesses * Process.SlotBytes];
}

/// <summary>
/// User processes: a table of up to <see cref="MaxProcesses"/>, each a static ELF64 from the boot module in its own
/// address space (the upper half and the kernel image's tables shared), on the ABI's stack (argc, argv, NULL, envp,
/// NULL below 0x7FFF_FFFF_0000), with one or more threads (<see cref="Threads"/>). The kernel is not preemptible
/// (system calls run with interrupts off); a thread is preempted by the timer in user mode, and a context switch
/// swaps whole trap frames (<see cref="Scheduler"/>). The first process is entered with <see cref="UserMode.Enter"/>,
/// and when no thread is left <see cref="UserMode.Leave"/> returns the first one's status. A fault in user mode ends
/// that process with a report, never the kernel.
/// </summary>
static unsafe class Process
{
    public const int MaxProcesses = 16;
    public const int MaxThreadsPerProcess = 16;
    public const int SlotBytes = 512;
    /// <summary>The largest architecture's trap frame (riscv64: 68 words).</summary>
    public const int MaxFrame = 544;

    /// <summary>The largest user FP/SIMD state a thread keeps beside its frame (Machine.SaveFpu: x86_64 fxsave 512 bytes, aarch64 q0–q31 + FPCR/FPSR 528), with room to align it to 16.</summary>
    public const int MaxFpu = 544;
    public const ulong StackTop = 0x7FFF_FFFF_0000;
    public const ulong StackSize = 64 * 1024;
    /// <summary>Where the initial thread's TLS block goes (PT_TLS; docs/abi.md), below the stack; at most 1 MiB.</summary>
    public const ulong TlsBase = 0x7FFF_FF00_0000, TlsLimit = 1 << 20;
    /// <summary>User addresses end where the upper half (the kernel's) begins.</summary>
    public const ulong UserEnd = 0x0000_8000_0000_0000;
    /// <summary>The status of a process a fault ended (128 + SIGSEGV, as a shell reports it).</summary>
    public const int FaultStatus = 139;

    private static ProcessTableStorage s_table;
    private static ulong s_nextPid = 1;
    private static int s_firstStatus;

    /// <summary>The running thread's process (null: none).</summary>
    public static ProcessSlot* Current;

    /// <summary>The current process's address space (0: none).</summary>
    public static ulong Root => Current == null ? 0 : Current->Root;

    public static ulong Pid => Current == null ? 0 : Current->Pid;

    public static ProcessSlot* Slot(int i) => (ProcessSlot*)Unsafe.AsPointer(ref s_table.Bytes[0]) + i;

    public static int Index(ProcessSlot* p) => (int)(p - Slot(0));

    /// <summary>Runs the boot module's file at <paramref name="path"/> and every process it starts; its exit status, or a negative errno when it cannot start.</summary>
    public static long Run(ReadOnlySpan<byte> path)
    {
        if (sizeof(ProcessSlot) > SlotBytes || Machine.FrameSize > MaxFrame || sizeof(ThreadSlot) > Threads.SlotBytes)
            return -Errno.ENOMEM;
        ProcessSlot* p = Slot(0);
        Memory.Zero((byte*)p, (ulong)sizeof(ProcessSlot));
        ulong entry = 0, sp = 0, tls = 0;
        ArgumentBlock args;
        if (!Arguments.Begin(&args))
            return -Errno.ENOMEM;
        long loaded = Arguments.FromBootModule(&args, path);
        if (loaded == 0)
            loaded = Load(p, path, &args, out entry, out sp, out tls);
        Arguments.End(&args);
        if (loaded != 0)
            return loaded;
        p->Pid = s_nextPid++;
        p->State = ProcessState.Alive;
        Caps.InitSpace(p);
        Devices.GrantBootCapabilities(p);
        ThreadSlot* t = Threads.New(p, Threads.DefaultPriority);
        t->State = ThreadState.Running;
        t->Tls = tls;
        Threads.Current = t;
        Current = p;
        Machine.ActivateUserSpace(p->Root);
        // The frame enter_user builds has every register zero: the initial TLS register is set here (riscv64's tp
        // is set by the first trap's frame; the kernel sets it before the first instruction on the others).
        Machine.SetTls(null, tls);
        long status = UserMode.Enter(entry, sp, tls);
        Machine.ActivateUserSpace(KernelSpace.Root);
        Machine.SetTls(null, 0);
        Machine.EnableInterrupts();
        Current = null;
        Threads.Current = null;
        return status;
    }

    /// <summary>A new address space for <paramref name="p"/> with <paramref name="path"/> loaded, its stack built with <paramref name="args"/> and its TLS block made; 0 or -errno (nothing left allocated).</summary>
    private static long Load(ProcessSlot* p, ReadOnlySpan<byte> path, ArgumentBlock* args, out ulong entry, out ulong sp, out ulong tls)
    {
        entry = 0;
        sp = 0;
        tls = 0;
        ref BootInfo boot = ref Kernel.Boot;
        if (!CpioReader.Find(Physical.ToVirtual(boot.ModuleBase), boot.ModuleSize, path, out byte* image, out ulong size))
            return -Errno.ENOENT;
        ulong root = NewSpace();
        if (root == 0)
            return -Errno.ENOMEM;
        long loaded = ElfLoader.Load(root, image, size, out entry, out ulong highest, out TlsImage tlsImage);
        if (loaded == 0)
        {
            long built = BuildStack(root, args);
            if (built < 0)
                loaded = built;
            else
                sp = (ulong)built;
        }
        if (loaded == 0 && tlsImage.MemSize != 0)
            loaded = BuildTls(root, image, ref tlsImage, out tls);
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

    /// <summary>
    /// The initial thread's TLS block from PT_TLS (docs/abi.md): at <see cref="TlsBase"/>, the initialised data then
    /// zeros; variant II (x86_64): the block ends at the thread pointer, which points at itself (the TCB's first
    /// word); variant I: the thread pointer is the block's base, the data <see cref="Machine.TlsTcbSize"/> above it
    /// (aligned). The thread pointer, or -errno.
    /// </summary>
    private static long BuildTls(ulong root, byte* image, ref TlsImage t, out ulong tp)
    {
        tp = 0;
        // The offsets the linker resolved (lld's getTlsTpOffset): variant II block = memsz rounded to p_align, variant I data at the TCB size rounded to it.
        ulong align = t.Align == 0 ? 1 : t.Align;
        if (align > PageTables.PageSize || (align & (align - 1)) != 0 || t.MemSize > TlsLimit)
            return -Errno.ENOEXEC;
        ulong block = (t.MemSize + align - 1) & ~(align - 1);
        ulong data, total;
        if (Machine.TlsVariantTwo)
        {
            data = TlsBase;
            tp = TlsBase + block;
            total = block + 16;
        }
        else
        {
            tp = TlsBase;
            data = TlsBase + ((Machine.TlsTcbSize + align - 1) & ~(align - 1));
            total = data - TlsBase + block;
        }
        for (ulong va = TlsBase; va < TlsBase + total; va += PageTables.PageSize)
        {
            ulong frame = Frames.AllocateZeroed();
            if (frame == 0 || !PageTables.Map(root, va, frame, PageFlags.User | PageFlags.Write))
            {
                if (frame != 0)
                    Frames.Release(frame);
                return -Errno.ENOMEM;
            }
        }
        for (ulong i = 0; i < t.FileSize; i++)
            *UserMemory.Kernel(root, data + i) = image[t.Offset + i];
        if (Machine.TlsVariantTwo)
            *(ulong*)UserMemory.Kernel(root, tp) = tp;
        return 0;
    }

    /// <summary>fork(): a copy of the current process (every user page copied now) with one thread, a copy of the caller, which resumes with 0; the parent gets its pid.</summary>
    public static long Fork(byte* frame)
    {
        ProcessSlot* child = FreeSlot();
        if (child == null || !Threads.Available())
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
        for (int i = 0; i < MaxThreadsPerProcess; i++)
            child->Threads[i] = 0;
        child->Root = root;
        child->Pid = s_nextPid++;
        child->Parent = Current->Pid;
        child->State = ProcessState.Alive;
        Caps.ForkSpace(Current, child);
        ThreadSlot* t = Threads.New(child, Threads.Current->Priority);
        t->Tls = Machine.GetTls(frame);
        t->IpcBuffer = Threads.Current->IpcBuffer; // the same page of the copied memory
        Memory.Copy(t->Frame, frame, (ulong)Machine.FrameSize);
        Machine.SetSyscallResult(t->Frame, 0);
        t->State = ThreadState.Ready;
        return (long)child->Pid;
    }

    /// <summary>
    /// exec(path, argv, envp): the current process becomes the boot module's program at <paramref name="pathPointer"/>
    /// with the calling thread its only one, started with the NULL-terminated vectors' strings (argv 0: {path}; envp 0:
    /// none); on failure it keeps its image and gets -errno.
    /// </summary>
    public static long Exec(byte* frame, ulong pathPointer, ulong argv, ulong envp)
    {
        byte* path = stackalloc byte[256];
        long length = UserMemory.CopyInString(path, pathPointer, 256);
        if (length < 0)
            return length;
        ArgumentBlock args;
        if (!Arguments.Begin(&args))
            return -Errno.ENOMEM;
        long loaded = argv == 0 ? Arguments.Add(&args, path, (ulong)length, environment: false) : Arguments.AddUserVector(&args, argv, environment: false);
        if (loaded == 0 && envp != 0)
            loaded = Arguments.AddUserVector(&args, envp, environment: true);
        ulong oldRoot = Current->Root;
        var loading = *Current;
        ulong entry = 0, sp = 0, tls = 0;
        if (loaded == 0)
            loaded = Load(&loading, new ReadOnlySpan<byte>(path, (int)length), &args, out entry, out sp, out tls);
        Arguments.End(&args);
        if (loaded != 0)
            return loaded;
        Threads.EndAllBut(Current, Threads.Current);
        Current->Root = loading.Root;
        Current->NextMap = loading.NextMap;
        Current->BreakStart = loading.BreakStart;
        Current->Break = loading.Break;
        Machine.ActivateUserSpace(Current->Root);
        PageTables.DestroyUser(oldRoot, KernelSpace.Root);
        Machine.InitUserFrame(frame, entry, sp);
        Machine.SetTls(frame, tls);
        return 0;
    }

    /// <summary>wait(pid, status): reaps an exited child (pid 0 or -1: any), blocking the thread until one exits; -ECHILD when there is none to wait for.</summary>
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
        ThreadSlot* t = Threads.Current;
        t->WaitFor = pid;
        t->WaitAddress = statusPointer;
        Scheduler.Block(frame, ThreadState.WaitChild);
    }

    /// <summary>exit(status), a fault, or the last thread's exit: every thread ends, the memory goes back, the parent is told, another thread runs.</summary>
    public static void Exit(byte* frame, int status)
    {
        ProcessSlot* p = Current;
        Threads.EndAllBut(p, null);
        Caps.ClearSpace(p);
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
            ThreadSlot* waiter = Threads.Waiting(parent, ThreadState.WaitChild, p->Pid);
            if (waiter != null)
            {
                Machine.SetSyscallResult(waiter->Frame, Reap(parent, p, waiter->WaitAddress));
                waiter->State = ThreadState.Ready;
            }
        }
        Current = null;
        Threads.Current = null;
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

    /// <summary>Called when no thread is left: back to <see cref="Run"/> with the first process's status.</summary>
    public static void AllDone() => UserMode.Leave(s_firstStatus);

    private static long Reap(ProcessSlot* parent, ProcessSlot* child, ulong statusPointer)
    {
        if (statusPointer != 0)
        {
            int status = child->Status;
            // Checked when wait() was called; the parent's memory is reached through its own tables.
            UserMemory.CopyOut(parent->Root, statusPointer, (byte*)&status, 4);
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

    /// <summary>Maps the stack and writes the block's argc, argv, envp and strings at its top; the initial sp, -ENOMEM or -E2BIG.</summary>
    private static long BuildStack(ulong root, ArgumentBlock* args)
    {
        for (ulong va = StackTop - StackSize; va < StackTop; va += PageTables.PageSize)
        {
            ulong frame = Frames.AllocateZeroed();
            if (frame == 0 || !PageTables.Map(root, va, frame, PageFlags.User | PageFlags.Write))
            {
                if (frame != 0)
                    Frames.Release(frame);
                return -Errno.ENOMEM;
            }
        }
        ulong sp = Arguments.WriteStack(root, args, StackTop, StackSize);
        return sp == 0 ? -Errno.E2BIG : (long)sp;
    }
}

/// <summary>
/// The way into user mode and back, in each architecture's user.S: <c>enter_user(entry, sp, tls)</c> saves the
/// kernel's callee-saved registers and stack pointer and drops to user mode (interrupts on, every register zeroed but
/// riscv64's tp, which is <c>tls</c>); <c>leave_user(status)</c> returns from it, from wherever the kernel is (the last thread ended).
/// </summary>
static class UserMode
{
    [DllImport("kernel", EntryPoint = "enter_user")]
    private static extern long EnterStub(nuint entry, nuint sp, nuint tls);

    [DllImport("kernel", EntryPoint = "leave_user")]
    private static extern void LeaveStub(int status);

    /// <summary>Runs user code at <paramref name="entry"/> with <paramref name="sp"/> until <see cref="Leave"/>; its status.</summary>
    public static long Enter(ulong entry, ulong sp, ulong tls) => EnterStub((nuint)entry, (nuint)sp, (nuint)tls);

    public static void Leave(int status) => LeaveStub(status);
}
