namespace Veridian.Kernel;

/// <summary>
/// The boot module's files, read-only, through the process's descriptor table (<see cref="ProcessSlot.FileData"/>):
/// open(path, flags) 50, close(fd) 51, read(fd, buffer, length) 52, seek(fd, offset, whence) 54, stat(fd, &amp;stat) 55
/// (docs/abi.md). Descriptors 0–2 are the console: read(0) takes what the UART has received, blocking until at least
/// one byte is there; write goes to the console.
/// </summary>
static unsafe class Files
{
    public const int MaxFiles = 16, FirstFile = 3;
    public const ulong ReadOnly = 0, AccessMode = 3, SeekSet = 0, SeekCurrent = 1, SeekEnd = 2;
    public const ulong StatSize = 112;

    public static long Open(ulong pathPointer, ulong flags)
    {
        byte* path = stackalloc byte[256];
        long length = UserMemory.CopyInString(path, pathPointer, 256);
        if (length < 0)
            return length;
        if ((flags & AccessMode) != ReadOnly)
            return -Errno.EROFS;
        ref BootInfo boot = ref Kernel.Boot;
        if (boot.ModuleSize == 0 || !CpioReader.Find(Physical.ToVirtual(boot.ModuleBase), boot.ModuleSize, new System.ReadOnlySpan<byte>(path, (int)length), out byte* data, out ulong size))
            return -Errno.ENOENT;
        ProcessSlot* p = Process.Current;
        for (int fd = FirstFile; fd < MaxFiles; fd++)
        {
            if (p->FileData[fd] != 0)
                continue;
            p->FileData[fd] = (ulong)(data - Physical.ToVirtual(boot.ModuleBase)) + 1; // its offset in the module + 1 (0: free)
            p->FileSize[fd] = size;
            p->FileOffset[fd] = 0;
            return fd;
        }
        return -Errno.EMFILE;
    }

    private static bool IsOpen(ulong fd) => fd >= FirstFile && fd < MaxFiles && Process.Current->FileData[(int)fd] != 0;

    public static long Close(ulong fd)
    {
        if (!IsOpen(fd))
            return -Errno.EBADF;
        Process.Current->FileData[(int)fd] = 0;
        return 0;
    }

    /// <summary>read(fd, buffer, length): from a file, at most what is left of it; from descriptor 0, the console (may block).</summary>
    public static void Read(byte* frame, ulong fd, ulong buffer, ulong length)
    {
        if (length > 1 << 20)
            length = 1 << 20;
        long result;
        if (!UserMemory.Check(Process.Root, buffer, length, write: true))
            result = -Errno.EFAULT;
        else if (fd == 0)
        {
            ThreadSlot* t = Threads.Current;
            t->WaitAddress = buffer;
            t->WaitFor = length;
            if (length != 0 && !ConsoleReady(t))
            {
                Scheduler.Block(frame, ThreadState.Reading);
                return;
            }
            result = length == 0 ? 0 : (long)t->Status;
        }
        else if (!IsOpen(fd))
            result = -Errno.EBADF;
        else
        {
            ProcessSlot* p = Process.Current;
            ulong offset = p->FileOffset[(int)fd], size = p->FileSize[(int)fd];
            ulong n = offset >= size ? 0 : size - offset < length ? size - offset : length;
            UserMemory.CopyOut(p->Root, buffer, Physical.ToVirtual(Kernel.Boot.ModuleBase) + (p->FileData[(int)fd] - 1) + offset, n);
            p->FileOffset[(int)fd] = offset + n;
            result = (long)n;
        }
        Machine.SetSyscallResult(frame, result);
    }

    /// <summary>For a thread reading the console: copies what the UART has (up to the length asked) into its buffer; true, with the count as its result, if there was anything.</summary>
    public static bool ConsoleReady(ThreadSlot* t)
    {
        ulong n = 0;
        ProcessSlot* p = Process.Slot(t->Process);
        while (n < t->WaitFor)
        {
            int c = Machine.GetChar();
            if (c < 0)
                break;
            byte b = (byte)c;
            UserMemory.CopyOut(p->Root, t->WaitAddress + n, &b, 1);
            n++;
        }
        if (n == 0)
            return false;
        t->Status = (int)n;
        Machine.SetSyscallResult(t->Frame, (long)n);
        if (t->State == ThreadState.Reading)
            t->State = ThreadState.Ready;
        return true;
    }

    public static long Seek(ulong fd, long offset, ulong whence)
    {
        if (fd < FirstFile)
            return -Errno.ESPIPE;
        if (!IsOpen(fd))
            return -Errno.EBADF;
        ProcessSlot* p = Process.Current;
        long from = whence == SeekSet ? 0 : whence == SeekCurrent ? (long)p->FileOffset[(int)fd] : whence == SeekEnd ? (long)p->FileSize[(int)fd] : -1;
        if (from < 0 || offset > (1L << 40) || offset < -(1L << 40) || from + offset < 0)
            return -Errno.EINVAL;
        p->FileOffset[(int)fd] = (ulong)(from + offset);
        return from + offset;
    }

    /// <summary>stat(fd, &amp;stat): the layout of docs/abi.md (112 bytes); the console is a character device.</summary>
    public static long Stat(ulong fd, ulong pointer)
    {
        bool console = fd < FirstFile;
        if (!console && !IsOpen(fd))
            return -Errno.EBADF;
        ulong* st = stackalloc ulong[(int)(StatSize / 8)];
        Memory.Zero((byte*)st, StatSize);
        st[0] = 1;                                                         // st_dev: the boot module (0 … the console)
        st[1] = console ? 0 : Process.Current->FileData[(int)fd]; // st_ino
        ((uint*)st)[4] = console ? 0x2190u : 0x8124u;                      // st_mode: S_IFCHR | 0620, S_IFREG | 0444
        ((uint*)st)[5] = 1;                                                // st_nlink
        st[5] = console ? 0 : Process.Current->FileSize[(int)fd];          // st_size
        st[6] = 4096;                                                      // st_blksize
        st[7] = (st[5] + 511) / 512;                                       // st_blocks
        return UserMemory.CopyOut(Process.Root, pointer, (byte*)st, StatSize) ? 0 : -Errno.EFAULT;
    }
}
