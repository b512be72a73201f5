namespace Veridian.Kernel;

/// <summary>The VeridianOS errno values (VERIDIAN-ABI.md) a system call returns negated.</summary>
static class Errno
{
    public const long ENOSYS = 1, EINVAL = 2, EPERM = 3, ENOENT = 4, ENOMEM = 5, EAGAIN = 6, EFAULT = 9, ESRCH = 19, EBADF = 21,
        E2BIG = 24, ENOEXEC = 25, ECHILD = 26, EACCES = 18, EMFILE = 30, ESPIPE = 36, EROFS = 37, EDEADLK = 42, ENAMETOOLONG = 43, ENOTSUP = 53, ETIMEDOUT = 57;
}

/// <summary>
/// System calls, v1 (numbers from the ABI; docs/abi.md): processes yield 10, exit 11, fork 12, exec 13, wait 14,
/// getpid 15, getppid 16; memory mmap 20 / munmap 21 / mprotect 22 / brk 23; threads create 40, exit 41, join 42,
/// gettid 43, setpriority 44; files open 50, close 51, read 52, write 53, seek 54, stat 55; clock_gettime 160,
/// nanosleep 162; futex_wait 201, futex_wake 202; arch_prctl 203; uname 204; capabilities and IPC
/// (docs/capabilities.md): send 0, receive 1, call 2, reply 3, endpoint_create 4, share_memory 6, map_memory 7, reply_recv 8, ipc_buffer 9, cap_copy 30, cap_revoke 31,
/// cap_mint 32, cap_move 33, cap_delete 34, cap_identify 35, notification_create 36, signal 37, wait 38, poll 39; devices irq_bind 70, irq_ack 71,
/// port_in 72, port_out 73, device_map 74. Every user pointer is checked against
/// the process's own tables before it is used; an unknown number is -ENOSYS.
/// </summary>
static unsafe class Syscalls
{
    public const ulong Yield = 10, Exit = 11, Fork = 12, Exec = 13, Wait = 14, GetPid = 15, GetPpid = 16, Mmap = 20, Munmap = 21,
        Mprotect = 22, Brk = 23, ThreadCreate = 40, ThreadExit = 41, ThreadJoin = 42, GetTid = 43, SetPriority = 44,
        Open = 50, Close = 51, Read = 52, Write = 53, Seek = 54, Stat = 55, ClockGetTime = 160, NanoSleep = 162,
        FutexWait = 201, FutexWake = 202, ArchPrctl = 203, Uname = 204,
        ShareMemory = 6, MapMemory = 7, CapCopy = 30, CapRevoke = 31, CapMint = 32, CapMove = 33, CapDelete = 34, CapIdentify = 35;

    /// <summary>arch_prctl's ARCH_SET_FS (x86_64 only).</summary>
    public const ulong ArchSetFs = 0x1002;

    /// <summary>Carries out a call from the trap frame's thread; the result goes into the frame (the one that is resumed may be another thread's).</summary>
    public static void Dispatch(byte* frame, ulong number, ulong a0, ulong a1, ulong a2, ulong a3, ulong a4, ulong a5)
    {
        // IPC's fast-path calls first, before the table's search.
        if (number == Ipc.Call)
        {
            Ipc.SendOrCall(frame, true, a0, a1, a2, a3, a4, a5);
            return;
        }
        if (number == Ipc.ReplyRecv)
        {
            Ipc.DoReplyRecv(frame, a0, a1, a2, a3, a4, a5);
            return;
        }
        switch (number)
        {
            case Exit:
                Process.Exit(frame, (int)a0);
                return;
            case ThreadExit:
                Threads.Exit(frame, (int)a0);
                return;
            case Yield:
                Machine.SetSyscallResult(frame, 0);
                Scheduler.Preempt(frame);
                return;
            case Wait:
                Process.Wait(frame, a0, a1);
                return;
            case ThreadJoin:
                Threads.Join(frame, a0, a1);
                return;
            case NanoSleep:
                Clock.Sleep(frame, a0, a1);
                return;
            case FutexWait:
                Futex.Wait(frame, a0, a1, a2);
                return;
            case Read:
                Files.Read(frame, a0, a1, a2);
                return;
            case Exec:
            {
                long r = Process.Exec(frame, a0, a1, a2);
                if (r != 0)
                    Machine.SetSyscallResult(frame, r);
                return;
            }
            case Ipc.Send:
                Ipc.SendOrCall(frame, false, a0, a1, a2, a3, a4, a5);
                return;
            case Ipc.Receive:
                Ipc.Recv(frame, a0);
                return;
            case Ipc.Wait:
            case Ipc.Poll:
                Ipc.DoWait(frame, a0, number == Ipc.Wait);
                return;
            case Fork:
                Machine.SetSyscallResult(frame, Process.Fork(frame));
                return;
            case ArchPrctl:
                Machine.SetSyscallResult(frame, Machine.ArchPrctl(frame, a0, a1));
                return;
            default:
                Machine.SetSyscallResult(frame, Call(frame, number, a0, a1, a2, a3, a4));
                return;
        }
    }

    private static long Call(byte* frame, ulong number, ulong a0, ulong a1, ulong a2, ulong a3, ulong a4)
    {
        switch (number)
        {
            case GetPpid:
                return (long)Process.Current->Parent;
            case GetPid:
                return (long)Process.Pid;
            case GetTid:
                return Threads.Current->Handle;
            case Write:
                return DoWrite(a0, a1, a2);
            case Mmap:
                return UserMemory.Map(a0, a1, a2, a3, (long)a4);
            case Munmap:
                return UserMemory.Unmap(a0, a1);
            case Mprotect:
                return UserMemory.Protect(a0, a1, a2);
            case Brk:
                return (long)UserMemory.Break(a0);
            case ThreadCreate:
                return Threads.Create(a0, a1, a2, a3);
            case SetPriority:
                return Threads.SetPriority(frame, a0, a1);
            case Open:
                return Files.Open(a0, a1);
            case Close:
                return Files.Close(a0);
            case Seek:
                return Files.Seek(a0, (long)a1, a2);
            case Stat:
                return Files.Stat(a0, a1);
            case ClockGetTime:
                return Clock.GetTime(a0, a1);
            case FutexWake:
                return Futex.Wake(a0, a1);
            case Uname:
                return DoUname(a0);
            case Ipc.Reply:
                return Ipc.DoReply(a0, a1, a2, a3, a4);
            case Devices.IrqBind:
                return Devices.Bind(a0, a1);
            case Devices.IrqAck:
                return Devices.Ack(a0);
            case Devices.PortIn:
            case Devices.PortOut:
                return Devices.Port(a0, a1, a2, number == Devices.PortOut);
            case Devices.DeviceMap:
                return Devices.Map(a0);
            case Ipc.SetBuffer:
                return Ipc.DoSetBuffer(a0);
            case ShareMemory:
                return SharedMemory.Create(a0);
            case MapMemory:
                return SharedMemory.Map(a0, a1);
            case Ipc.EndpointCreate:
                return Objects.Create(CapType.Endpoint);
            case Ipc.NotificationCreate:
                return Objects.Create(CapType.Notification);
            case Ipc.Signal:
                return Ipc.DoSignal(a0);
            case CapCopy:
                return Caps.Copy(a0, a1);
            case CapRevoke:
                return Caps.Revoke(a0);
            case CapMint:
                return Caps.Mint(a0, a1, a2, a3);
            case CapMove:
                return Caps.Move(a0, a1);
            case CapDelete:
                return Caps.Delete(a0);
            case CapIdentify:
                return Caps.Identify(a0, a1);
            default:
                return -Errno.ENOSYS;
        }
    }

    private static long DoWrite(ulong fd, ulong buffer, ulong length)
    {
        if (fd != 1 && fd != 2)
            return -Errno.EBADF;
        if (length > 1 << 20)
            length = 1 << 20;
        byte* chunk = stackalloc byte[256];
        if (!UserMemory.Check(Process.Root, buffer, length, write: false))
            return -Errno.EFAULT;
        for (ulong done = 0; done < length; done += 256)
        {
            ulong n = length - done < 256 ? length - done : 256;
            UserMemory.CopyIn(chunk, buffer + done, n);
            for (ulong i = 0; i < n; i++)
                Log.Char(chunk[i]);
        }
        return (long)length;
    }

    /// <summary>uname(&amp;utsname): six NUL-terminated fields of 65 bytes (docs/abi.md).</summary>
    private static long DoUname(ulong pointer)
    {
        const int Field = 65;
        byte* u = stackalloc byte[6 * Field];
        Memory.Zero(u, 6 * Field);
        Put(u, "VeridianOS"u8);
        Put(u + Field, "veridian"u8);
        Put(u + 2 * Field, "0.1.0"u8);
        Put(u + 3 * Field, "v1 (the SDK's kernel)"u8);
        Put(u + 4 * Field, Machine.Name);
        Put(u + 5 * Field, "(none)"u8);
        return UserMemory.CopyOut(Process.Root, pointer, u, 6 * Field) ? 0 : -Errno.EFAULT;
    }

    private static void Put(byte* to, System.ReadOnlySpan<byte> text)
    {
        for (int i = 0; i < text.Length; i++)
            to[i] = text[i];
    }
}
