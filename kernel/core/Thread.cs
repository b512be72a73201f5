using System.Runtime.CompilerServices;

namespace Veridian.Kernel;

/// <summary>A thread's state: runnable, or blocked on one thing.</summary>
enum ThreadState : byte
{
    Free,
    Ready,
    Running,
    /// <summary>wait(): until a child process exits (<see cref="ThreadSlot.WaitFor"/>: the pid, 0 any).</summary>
    WaitChild,
    /// <summary>nanosleep(): until <see cref="ThreadSlot.WakeAt"/>.</summary>
    Sleeping,
    /// <summary>futex_wait(): until a futex_wake on <see cref="ThreadSlot.WaitAddress"/> or the timeout at WakeAt (0: none).</summary>
    Futex,
    /// <summary>thread_join(): until the thread whose handle is <see cref="ThreadSlot.WaitFor"/> exits.</summary>
    Joining,
    /// <summary>read() of the console: until a character arrives.</summary>
    Reading,
    /// <summary>Exited; its status waits for a thread_join.</summary>
    Zombie,
    /// <summary>send() / call(): queued on the endpoint <see cref="ThreadSlot.WaitFor"/>, the message in its saved registers, the badge in WaitAddress.</summary>
    IpcSend,
    IpcCall,
    /// <summary>receive(): queued on the endpoint WaitFor.</summary>
    IpcReceive,
    /// <summary>After a call was received: until the thread whose index is WaitFor replies.</summary>
    IpcReply,
    /// <summary>wait(): queued on the notification WaitFor.</summary>
    NotifyWait,
}

/// <summary>One thread: its process, scheduling state and priority, its TLS register and (when not running) its saved user registers.</summary>
unsafe struct ThreadSlot
{
    public ThreadState State;
    public byte Priority;
    /// <summary>Its handle: the index in its process's thread table.</summary>
    public byte Handle;
    /// <summary>The next thread (index + 1) in the IPC queue this one is in; the caller (index + 1) this one may reply to (its reply capability).</summary>
    public byte QueueNext, ReplyTo;
    public int Status;
    public int Process;
    /// <summary>What it waits for (see <see cref="ThreadState"/>): a pid, a handle, a length; an address; a monotonic time in ns.</summary>
    public ulong WaitFor, WaitAddress, WakeAt;
    /// <summary>The TLS register (x86_64 FS base, aarch64 TPIDR_EL0, riscv64 tp): saved and restored on each switch.</summary>
    public ulong Tls;
    /// <summary>The thread's IPC buffer page (ipc_buffer; 0: none): where long messages go and come from.</summary>
    public ulong IpcBuffer;
    public fixed byte Frame[Veridian.Kernel.Process.MaxFrame];
    /// <summary>The user FP/SIMD registers (Machine.SaveFpu), saved and restored with the frame: user threads share the CPU's.</summary>
    public fixed byte Fpu[Veridian.Kernel.Process.MaxFpu];
}

unsafe struct ThreadTableStorage
{
    public fixed byte Bytes[Threads.MaxThreads * Threads.SlotBytes];
}

/// <summary>
/// Threads: a table of up to <see cref="MaxThreads"/>, each belonging to one process and sharing its address space.
/// User space names a thread by its handle — the index in its process's own table (<see cref="ProcessSlot.Threads"/>),
/// never a global id. thread_create(entry, stack, arg, tls) 40, thread_exit(status) 41, thread_join(handle, &amp;status)
/// 42, gettid() 43 (the caller's handle), thread_setpriority(handle, priority) 44 (docs/abi.md).
/// </summary>
static unsafe class Threads
{
    public const int MaxThreads = 32;
    public const int SlotBytes = 1152;
    /// <summary>Priorities 0 (lowest) … 7; a new process's first thread gets 4, a new thread its creator's.</summary>
    public const byte DefaultPriority = 4, MaxPriority = 7;

    private static ThreadTableStorage s_table;

    /// <summary>The running thread (null: none).</summary>
    public static ThreadSlot* Current;

    public static ThreadSlot* Slot(int i) => (ThreadSlot*)Unsafe.AsPointer(ref s_table.Bytes[0]) + i;

    public static bool Available() => FreeSlot() != null;

    /// <summary>A new thread of <paramref name="p"/> (its registers zero, state Free until the caller readies it) with the lowest free handle; null when a table is full.</summary>
    public static ThreadSlot* New(ProcessSlot* p, byte priority)
    {
        ThreadSlot* t = FreeSlot();
        if (t == null)
            return null;
        for (int h = 0; h < Process.MaxThreadsPerProcess; h++)
        {
            if (p->Threads[h] != 0)
                continue;
            Memory.Zero((byte*)t, (ulong)sizeof(ThreadSlot));
            t->Process = Process.Index(p);
            t->Handle = (byte)h;
            t->Priority = priority;
            t->State = ThreadState.Ready;
            // A new thread starts with its creator's FP/SIMD state (the live registers: the kernel never changes them),
            // as Linux's clone and fork copy it; the first process's first thread gets the boot state, as before.
            Machine.SaveFpu(t->Fpu);
            p->Threads[h] = (byte)(t - Slot(0) + 1);
            return t;
        }
        return null;
    }

    /// <summary>The thread of <paramref name="p"/> with <paramref name="handle"/>, or null.</summary>
    public static ThreadSlot* ByHandle(ProcessSlot* p, ulong handle)
    {
        if (handle >= Process.MaxThreadsPerProcess || p->Threads[(int)handle] == 0)
            return null;
        return Slot(p->Threads[(int)handle] - 1);
    }

    /// <summary>thread_create(entry, stack, arg, tls): a thread of the current process at <paramref name="entry"/> with <paramref name="stack"/>, <paramref name="arg"/> in the first argument register and the TLS register <paramref name="tls"/>; its handle.</summary>
    public static long Create(ulong entry, ulong stack, ulong arg, ulong tls)
    {
        // The TLS register must hold a user address too: x86_64's FS base MSR refuses a non-canonical one (#GP).
        if (entry >= Process.UserEnd || stack >= Process.UserEnd || stack < 16 || tls >= Process.UserEnd)
            return -Errno.EINVAL;
        ThreadSlot* t = New(Process.Current, Current->Priority);
        if (t == null)
            return -Errno.EAGAIN;
        Machine.InitThreadFrame(t->Frame, entry, stack & ~15UL, arg);
        t->Tls = tls; // into the register when it is switched in
        return t->Handle;
    }

    /// <summary>thread_exit(status): the thread ends; a joiner is woken; the last thread's exit ends the process with its status.</summary>
    public static void Exit(byte* frame, int status)
    {
        ThreadSlot* t = Current;
        ProcessSlot* p = Process.Current;
        bool last = true;
        for (int h = 0; h < Process.MaxThreadsPerProcess; h++)
        {
            ThreadSlot* other = ByHandle(p, (ulong)h);
            if (other != null && other != t && other->State != ThreadState.Zombie)
                last = false;
        }
        if (last)
        {
            Process.Exit(frame, status);
            return;
        }
        t->Status = status;
        Ipc.ThreadGone(t);
        t->State = ThreadState.Zombie;
        ThreadSlot* joiner = Waiting(p, ThreadState.Joining, t->Handle);
        if (joiner != null)
        {
            Machine.SetSyscallResult(joiner->Frame, Reap(p, t, joiner->WaitAddress));
            joiner->State = ThreadState.Ready;
        }
        Current = null;
        Scheduler.Switch(frame);
    }

    /// <summary>thread_join(handle, status): waits for the thread to exit, stores its status, frees its handle; 0 or -errno.</summary>
    public static void Join(byte* frame, ulong handle, ulong statusPointer)
    {
        ThreadSlot* t = ByHandle(Process.Current, handle);
        long error = t == null ? -Errno.ESRCH : t == Current ? -Errno.EDEADLK
            : statusPointer != 0 && !UserMemory.Check(Process.Root, statusPointer, 4, write: true) ? -Errno.EFAULT
            : Waiting(Process.Current, ThreadState.Joining, handle) != null ? -Errno.EINVAL : 0;
        if (error != 0)
        {
            Machine.SetSyscallResult(frame, error);
            return;
        }
        if (t->State == ThreadState.Zombie)
        {
            Machine.SetSyscallResult(frame, Reap(Process.Current, t, statusPointer));
            return;
        }
        Current->WaitFor = handle;
        Current->WaitAddress = statusPointer;
        Scheduler.Block(frame, ThreadState.Joining);
    }

    /// <summary>thread_setpriority(handle, priority): 0 … <see cref="MaxPriority"/>; takes effect at the next scheduling decision.</summary>
    public static long SetPriority(byte* frame, ulong handle, ulong priority)
    {
        ThreadSlot* t = ByHandle(Process.Current, handle);
        if (t == null || t->State == ThreadState.Zombie)
            return -Errno.ESRCH;
        if (priority > MaxPriority)
            return -Errno.EINVAL;
        t->Priority = (byte)priority;
        return 0;
    }

    /// <summary>A thread of <paramref name="p"/> blocked in <paramref name="state"/> whose WaitFor is <paramref name="what"/> (or 0: any), or null.</summary>
    public static ThreadSlot* Waiting(ProcessSlot* p, ThreadState state, ulong what)
    {
        for (int h = 0; h < Process.MaxThreadsPerProcess; h++)
        {
            ThreadSlot* t = ByHandle(p, (ulong)h);
            if (t != null && t->State == state && (t->WaitFor == what || (state == ThreadState.WaitChild && t->WaitFor == 0)))
                return t;
        }
        return null;
    }

    /// <summary>Ends every thread of <paramref name="p"/> except <paramref name="keep"/> (exit, exec).</summary>
    public static void EndAllBut(ProcessSlot* p, ThreadSlot* keep)
    {
        for (int h = 0; h < Process.MaxThreadsPerProcess; h++)
        {
            ThreadSlot* t = ByHandle(p, (ulong)h);
            if (t == null || t == keep)
                continue;
            Ipc.ThreadGone(t);
            t->State = ThreadState.Free;
            p->Threads[h] = 0;
        }
    }

    private static long Reap(ProcessSlot* p, ThreadSlot* t, ulong statusPointer)
    {
        if (statusPointer != 0)
        {
            int status = t->Status;
            UserMemory.CopyOut(p->Root, statusPointer, (byte*)&status, 4);
        }
        p->Threads[t->Handle] = 0;
        t->State = ThreadState.Free;
        return 0;
    }

    private static ThreadSlot* FreeSlot()
    {
        for (int i = 0; i < MaxThreads; i++)
        {
            if (Slot(i)->State == ThreadState.Free)
                return Slot(i);
        }
        return null;
    }
}

/// <summary>
/// Fixed priorities with round-robin within a level: the highest-priority ready thread runs; <see cref="Preempt"/>
/// (the timer, in user mode, every tick) and yield put the current thread back and choose again, so threads of one
/// level take turns and a lower level runs only while every higher one is blocked. A switch hands over the trap
/// frame: the current thread's registers (and TLS register) are saved from it into its slot, and the next one's
/// copied in, with its address space made current — the trap then returns into it. With nothing ready the CPU idles
/// (<see cref="Machine.Idle"/>: interrupts on, hlt/wfi) until a tick wakes a sleeper or a reader.
/// </summary>
static unsafe class Scheduler
{
    private static int s_last;

    public static void Preempt(byte* frame)
    {
        if (Threads.Current == null)
            return;
        Threads.Current->State = ThreadState.Ready;
        Switch(frame);
    }

    /// <summary>Blocks the current thread in <paramref name="state"/> (its wait fields already set) and runs another.</summary>
    public static void Block(byte* frame, ThreadState state)
    {
        Threads.Current->State = state;
        Switch(frame);
    }

    /// <summary>
    /// IPC's direct switch: the current thread (its state already set) is saved and <paramref name="next"/> resumes
    /// through <paramref name="frame"/> at once, without a pass over the ready threads.
    /// </summary>
    public static void SwitchTo(byte* frame, ThreadSlot* next)
    {
        ThreadSlot* current = Threads.Current;
        Memory.CopyWords(current->Frame, frame, (ulong)Machine.FrameSize);
        current->Tls = Machine.GetTls(frame);
        Machine.SaveFpu(current->Fpu);
        s_last = (int)(next - Threads.Slot(0));
        next->State = ThreadState.Running;
        Threads.Current = next;
        ProcessSlot* p = Process.Slot(next->Process);
        Memory.CopyWords(frame, next->Frame, (ulong)Machine.FrameSize);
        Machine.SetTls(frame, next->Tls);
        Machine.RestoreFpu(next->Fpu);
        if (p != Process.Current)
            Machine.ActivateUserSpace(p->Root);
        Process.Current = p;
    }

    /// <summary>Saves the current thread (if it is still alive) and resumes the best ready one — possibly the same, after idling if need be; with no thread left, <see cref="Process.AllDone"/>.</summary>
    public static void Switch(byte* frame)
    {
        ThreadSlot* current = Threads.Current;
        if (current != null)
        {
            Memory.CopyWords(current->Frame, frame, (ulong)Machine.FrameSize);
            current->Tls = Machine.GetTls(frame);
            Machine.SaveFpu(current->Fpu);
        }
        Threads.Current = null;
        Process.Current = null;
        while (true)
        {
            ThreadSlot* next = Best();
            if (next != null)
            {
                s_last = (int)(next - Threads.Slot(0));
                next->State = ThreadState.Running;
                Threads.Current = next;
                Process.Current = Process.Slot(next->Process);
                Memory.CopyWords(frame, next->Frame, (ulong)Machine.FrameSize);
                Machine.SetTls(frame, next->Tls);
                Machine.RestoreFpu(next->Fpu);
                Machine.ActivateUserSpace(Process.Current->Root);
                return;
            }
            if (!AnyCanWake())
            {
                // Every thread has ended — or every one left waits for something only another thread could give.
                bool any = false;
                for (int i = 0; i < Threads.MaxThreads; i++)
                    any |= Threads.Slot(i)->State != ThreadState.Free;
                if (any)
                    Log.Line("[KERNEL] deadlock: every thread is blocked for good"u8);
                Process.AllDone();
            }
            Machine.Idle();
        }
    }

    /// <summary>The highest-priority ready thread, round-robin after the last one chosen within the level; null if none.</summary>
    private static ThreadSlot* Best()
    {
        ThreadSlot* best = null;
        for (int n = 1; n <= Threads.MaxThreads; n++)
        {
            ThreadSlot* t = Threads.Slot((s_last + n) % Threads.MaxThreads);
            if (t->State == ThreadState.Ready && (best == null || t->Priority > best->Priority))
                best = t;
        }
        return best;
    }

    private static bool AnyCanWake()
    {
        for (int i = 0; i < Threads.MaxThreads; i++)
        {
            ThreadSlot* t = Threads.Slot(i);
            if (t->State == ThreadState.Sleeping || t->State == ThreadState.Reading || (t->State == ThreadState.Futex && t->WakeAt != 0))
                return true;
            // A wait on the notification an interrupt line is bound to ends when the device interrupts.
            if (t->State == ThreadState.NotifyWait && Devices.Signals((uint)t->WaitFor))
                return true;
        }
        return false;
    }

    /// <summary>On every timer tick (interrupts masked): sleepers and timed-out futex waiters whose time has come, and console readers with input, become ready.</summary>
    public static void Tick()
    {
        ulong now = Clock.Monotonic();
        for (int i = 0; i < Threads.MaxThreads; i++)
        {
            ThreadSlot* t = Threads.Slot(i);
            if ((t->State == ThreadState.Sleeping || (t->State == ThreadState.Futex && t->WakeAt != 0)) && now >= t->WakeAt)
            {
                Machine.SetSyscallResult(t->Frame, t->State == ThreadState.Sleeping ? 0 : -Errno.ETIMEDOUT);
                t->State = ThreadState.Ready;
            }
            else if (t->State == ThreadState.Reading)
                Files.ConsoleReady(t);
        }
    }
}

/// <summary>
/// futex_wait(address, expected, timeout) 201 and futex_wake(address, n) 202 on a 32-bit word of the caller's memory
/// (docs/abi.md); waiters are keyed by process and address.
/// </summary>
static unsafe class Futex
{
    public static void Wait(byte* frame, ulong address, ulong expected, ulong timeoutPointer)
    {
        uint value = 0;
        long error = (address & 3) != 0 ? -Errno.EINVAL : UserMemory.CopyIn((byte*)&value, address, 4) ? 0 : -Errno.EFAULT;
        ulong wakeAt = 0;
        if (error == 0 && timeoutPointer != 0)
            error = Clock.ReadDuration(timeoutPointer, out wakeAt);
        if (error == 0 && value != (uint)expected)
            error = -Errno.EAGAIN;
        if (error != 0)
        {
            Machine.SetSyscallResult(frame, error);
            return;
        }
        ThreadSlot* t = Threads.Current;
        t->WaitAddress = address;
        t->WakeAt = timeoutPointer == 0 ? 0 : Clock.Monotonic() + wakeAt;
        if (t->WakeAt == 0 && timeoutPointer != 0)
            t->WakeAt = 1;
        Machine.SetSyscallResult(frame, 0);
        Scheduler.Block(frame, ThreadState.Futex);
    }

    public static long Wake(ulong address, ulong count)
    {
        if ((address & 3) != 0 || !UserMemory.Check(Process.Root, address, 4, write: false))
            return (address & 3) != 0 ? -Errno.EINVAL : -Errno.EFAULT;
        long woken = 0;
        for (int h = 0; h < Process.MaxThreadsPerProcess && (ulong)woken < count; h++)
        {
            ThreadSlot* t = Threads.ByHandle(Process.Current, (ulong)h);
            if (t != null && t->State == ThreadState.Futex && t->WaitAddress == address)
            {
                Machine.SetSyscallResult(t->Frame, 0);
                t->State = ThreadState.Ready;
                woken++;
            }
        }
        return woken;
    }
}
