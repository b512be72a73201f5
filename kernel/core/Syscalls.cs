namespace Veridian.Kernel;

/// <summary>The VeridianOS errno values (VERIDIAN-ABI.md) a system call returns negated.</summary>
static class Errno
{
    public const long ENOSYS = 1, EINVAL = 2, EPERM = 3, ENOENT = 4, ENOMEM = 5, EAGAIN = 6, EFAULT = 9, EBADF = 21, ENOEXEC = 25,
        ECHILD = 26, ENAMETOOLONG = 43;
}

/// <summary>
/// System calls, v1 (numbers from the ABI): yield 10, exit 11, fork 12, exec 13, wait 14, getpid 15, getppid 16,
/// write 53 to the console (fd 1 and 2), mmap 20 / munmap 21 / mprotect 22 (anonymous memory) and brk 23. Every user pointer is checked against the process's own
/// tables before it is used; an unknown number is -ENOSYS.
/// </summary>
static unsafe class Syscalls
{
    public const ulong Yield = 10, Exit = 11, Fork = 12, Exec = 13, Wait = 14, GetPid = 15, GetPpid = 16, Mmap = 20, Munmap = 21,
        Mprotect = 22, Brk = 23, Write = 53;

    /// <summary>Carries out a call from the trap frame's process; the result goes into the frame (the one that is resumed may be another process's).</summary>
    public static void Dispatch(byte* frame, ulong number, ulong a0, ulong a1, ulong a2, ulong a3, ulong a4, ulong a5)
    {
        switch (number)
        {
            case Exit:
                Process.Exit(frame, (int)a0);
                return;
            case Yield:
                Machine.SetSyscallResult(frame, 0);
                Scheduler.Preempt(frame);
                return;
            case Wait:
                Process.Wait(frame, a0, a1);
                return;
            case Exec:
            {
                long r = Process.Exec(frame, a0);
                if (r != 0)
                    Machine.SetSyscallResult(frame, r);
                return;
            }
            case Fork:
                Machine.SetSyscallResult(frame, Process.Fork(frame));
                return;
            default:
                Machine.SetSyscallResult(frame, Call(number, a0, a1, a2, a3, a4));
                return;
        }
    }

    private static long Call(ulong number, ulong a0, ulong a1, ulong a2, ulong a3, ulong a4)
    {
        switch (number)
        {
            case GetPpid:
                return (long)Process.Current->Parent;
            case GetPid:
                return (long)Process.Pid;
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
        if (!UserMemory.Check(Process.Root, buffer, length, write: false))
            return -Errno.EFAULT;
        for (ulong i = 0; i < length; i++)
            Log.Char(*UserMemory.Kernel(Process.Root, buffer + i));
        return (long)length;
    }
}
