using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Header.Stdlib;
using Relibc.Header.String;
using Relibc.Platform;

namespace Relibc.Header.Stdio;

/// <summary>Opening, reading, positioning and closing streams (C17 7.21.5, 7.21.7, 7.21.8, 7.21.9).</summary>
public static unsafe class FileIo
{
    private const int ORdOnly = 0, OWrOnly = 1, ORdWr = 2, OCreat = 0x40, OExcl = 0x80, OTrunc = 0x200, OAppend = 0x400, OCloExec = 0x80000;

    /// <summary>fopen — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fopen.html (modes r w a, +, b, x, e).</summary>
    [UnmanagedCallersOnly(EntryPoint = "fopen")]
    public static File* FOpen(byte* path, byte* mode)
    {
        if (!ParseMode(mode, out var flags, out var access))
        {
            Errno.Errno.Set(E.INVAL);
            return null;
        }
        var fd = (int)Errno.Errno.Result(Pal.Open(path, flags, 0x1B6)); // 0666, less the umask
        if (fd < 0)
            return null;
        var f = Wrap(fd, access);
        if (f == null)
            Pal.Close(fd);
        return f;
    }

    /// <summary>fdopen — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fdopen.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fdopen")]
    public static File* FdOpen(int fd, byte* mode)
    {
        if (!ParseMode(mode, out _, out var access))
        {
            Errno.Errno.Set(E.INVAL);
            return null;
        }
        return Wrap(fd, access);
    }

    /// <summary>fclose — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fclose.html (flushes, closes, frees, even on error).</summary>
    [UnmanagedCallersOnly(EntryPoint = "fclose")]
    public static int FClose(File* f)
    {
        var ok = Streams.Flush(f);
        var closed = Errno.Errno.Result(Pal.Close(f->Fd)) == 0;
        if ((f->Access & File.Allocated) != 0)
        {
            File* previous = null;
            for (var o = Streams.Opened; o != null; previous = o, o = o->Next)
            {
                if (o == f)
                {
                    if (previous == null)
                        Streams.Opened = f->Next;
                    else
                        previous->Next = f->Next;
                    break;
                }
            }
            Malloc.Free(f);
        }
        return ok && closed ? 0 : -1;
    }

    /// <summary>fread — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fread.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fread")]
    public static nuint FRead(void* data, nuint size, nuint count, File* f)
    {
        if (size == 0 || count == 0)
            return 0;
        var total = size * count;
        var d = (byte*)data;
        nuint done = 0;
        Streams.Acquire(f);
        while (done < total)
        {
            var c = NextUnlocked(f);
            if (c < 0)
                break;
            d[done++] = (byte)c;
            // Copy what the buffer already has in one go.
            var available = (nuint)(f->ReadEnd - f->ReadPos);
            var want = total - done;
            var n = available < want ? available : want;
            Str.Copy(d + done, f->Buffer + f->ReadPos, n);
            f->ReadPos += (int)n;
            done += n;
        }
        Streams.Release(f);
        return done / size;
    }

    /// <summary>fgetc — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fgetc.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fgetc")]
    public static int FGetC(File* f) => Next(f);

    /// <summary>getc — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getc.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "getc")]
    public static int GetC(File* f) => Next(f);

    /// <summary>getc_unlocked — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getc_unlocked.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "getc_unlocked")]
    public static int GetCUnlocked(File* f) => NextUnlocked(f);

    /// <summary>getchar_unlocked — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getchar_unlocked.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "getchar_unlocked")]
    public static int GetCharUnlocked() => NextUnlocked(Streams.Stdin);

    /// <summary>getchar — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getchar.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "getchar")]
    public static int GetChar() => Next(Streams.Stdin);

    /// <summary>fgets — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fgets.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fgets")]
    public static byte* FGetS(byte* s, int n, File* f)
    {
        if (n <= 0)
            return null;
        var i = 0;
        Streams.Acquire(f);
        while (i < n - 1)
        {
            var c = NextUnlocked(f);
            if (c < 0)
                break;
            s[i++] = (byte)c;
            if (c == '\n')
                break;
        }
        Streams.Release(f);
        if (i == 0 && n > 1)
            return null;
        s[i] = 0;
        return s;
    }

    /// <summary>ungetc — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ungetc.html (one byte; clears EOF).</summary>
    [UnmanagedCallersOnly(EntryPoint = "ungetc")]
    public static int UngetC(int c, File* f) => PushBack(c, f);

    /// <summary>ungetc's work, for relibc-cs's own callers (scanf gives back its one byte of look-ahead).</summary>
    public static int PushBack(int c, File* f)
    {
        if (c < 0 || f->Pushed >= 0)
            return -1;
        f->Pushed = (byte)c;
        f->Flags &= ~File.EofFlag;
        return (byte)c;
    }

    /// <summary>feof — https://pubs.opengroup.org/onlinepubs/9699919799/functions/feof.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "feof")]
    public static int FEof(File* f) => (f->Flags & File.EofFlag) != 0 ? 1 : 0;

    /// <summary>clearerr — https://pubs.opengroup.org/onlinepubs/9699919799/functions/clearerr.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "clearerr")]
    public static void ClearErr(File* f) => f->Flags = 0;

    /// <summary>fileno — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fileno.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fileno")]
    public static int FileNo(File* f) => f->Fd;

    /// <summary>fseek — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fseek.html (flushes output, drops read-ahead and ungetc, clears EOF).</summary>
    [UnmanagedCallersOnly(EntryPoint = "fseek")]
    public static int FSeek(File* f, long offset, int whence) => Seek(f, offset, whence);

    /// <summary>ftell — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ftell.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "ftell")]
    public static long FTell(File* f) => Tell(f);

    /// <summary>ftell's work, for relibc-cs's own callers (ftello, fgetpos).</summary>
    public static long Tell(File* f)
    {
        var position = Errno.Errno.Result(Pal.Seek(f->Fd, 0, 1));
        if (position < 0)
            return -1;
        return position + f->Length - (f->ReadEnd - f->ReadPos) - (f->Pushed >= 0 ? 1 : 0);
    }

    /// <summary>rewind — https://pubs.opengroup.org/onlinepubs/9699919799/functions/rewind.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "rewind")]
    public static void Rewind(File* f)
    {
        Seek(f, 0, 0);
        f->Flags = 0;
    }

    /// <summary>setvbuf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/setvbuf.html (the mode is honoured; the stream keeps its own buffer).</summary>
    [UnmanagedCallersOnly(EntryPoint = "setvbuf")]
    public static int SetVBuf(File* f, byte* buffer, int mode, nuint size)
    {
        if (mode is not (File.Unbuffered or File.LineBuffered or File.FullyBuffered))
        {
            Errno.Errno.Set(E.INVAL);
            return -1;
        }
        // glibc's _IOFBF 0, _IOLBF 1, _IONBF 2: the header's values map onto ours. Output already buffered goes first.
        Streams.Flush(f);
        f->Mode = mode == 2 ? File.Unbuffered : mode == 1 ? File.LineBuffered : File.FullyBuffered;
        return 0;
    }

    /// <summary>remove — https://pubs.opengroup.org/onlinepubs/9699919799/functions/remove.html (files; directories when unlinking says EISDIR).</summary>
    [UnmanagedCallersOnly(EntryPoint = "remove")]
    public static int Remove(byte* path)
    {
        var r = Pal.Unlink(path, false);
        if (r == -E.ISDIR)
            r = Pal.Unlink(path, true);
        return (int)Errno.Errno.Result(r);
    }

    public static int Seek(File* f, long offset, int whence)
    {
        if (!Streams.Flush(f))
            return -1;
        if (whence == 1)
            offset -= f->ReadEnd - f->ReadPos + (f->Pushed >= 0 ? 1 : 0);
        f->ReadPos = f->ReadEnd = 0;
        f->Pushed = -1;
        if (Errno.Errno.Result(Pal.Seek(f->Fd, offset, whence)) < 0)
            return -1;
        f->Flags &= ~File.EofFlag;
        return 0;
    }

    /// <summary>The next byte of the stream under its lock, or -1 at end of file or on an error (the stream's flags say which).</summary>
    public static int Next(File* f)
    {
        Streams.Acquire(f);
        var c = NextUnlocked(f);
        Streams.Release(f);
        return c;
    }

    /// <summary><see cref="Next"/> for a caller that holds the lock.</summary>
    public static int NextUnlocked(File* f)
    {
        if (f->Pushed >= 0)
        {
            var c = f->Pushed;
            f->Pushed = -1;
            return c;
        }
        if (f->ReadPos < f->ReadEnd)
            return f->Buffer[f->ReadPos++];
        if ((f->Access & File.CanRead) == 0)
        {
            f->Flags |= File.ErrorFlag;
            Errno.Errno.Set(E.BADF);
            return -1;
        }
        // Input after output: the output goes first (C17 7.21.5.3p7 asks the program for a flush; doing it is kind).
        Streams.Flush(f);
        if (f == Streams.Stdin && Streams.Stdout->Mode == File.LineBuffered)
            Streams.Flush(Streams.Stdout);
        nint n;
        do
            n = Errno.Errno.Result(Pal.Read(f->Fd, f->Buffer, f->Mode == File.Unbuffered ? 1u : File.BufferSize));
        while (n < 0 && Errno.Errno.Value == E.INTR);
        if (n <= 0)
        {
            f->Flags |= n == 0 ? File.EofFlag : File.ErrorFlag;
            f->ReadPos = f->ReadEnd = 0;
            return -1;
        }
        f->ReadPos = 1;
        f->ReadEnd = (int)n;
        return f->Buffer[0];
    }

    /// <summary>A new stream on <paramref name="fd"/>, on the list exit flushes (null: ENOMEM).</summary>
    internal static File* Wrap(int fd, int access)
    {
        var f = (File*)Malloc.Allocate((nuint)sizeof(File), 16);
        if (f == null)
            return null;
        Str.Fill((byte*)f, 0, (nuint)sizeof(File));
        Streams.Init(f, fd, Streams.IsTerminal(fd) ? File.LineBuffered : File.FullyBuffered, access | File.Allocated);
        f->Next = Streams.Opened;
        Streams.Opened = f;
        return f;
    }

    private static bool ParseMode(byte* mode, out int flags, out int access)
    {
        flags = 0;
        access = 0;
        switch (*mode)
        {
            case (byte)'r':
                flags = ORdOnly;
                access = File.CanRead;
                break;
            case (byte)'w':
                flags = OWrOnly | OCreat | OTrunc;
                access = File.CanWrite;
                break;
            case (byte)'a':
                flags = OWrOnly | OCreat | OAppend;
                access = File.CanWrite;
                break;
            default:
                return false;
        }
        for (var m = mode + 1; *m != 0; m++)
        {
            switch (*m)
            {
                case (byte)'+':
                    flags = (flags & ~(OWrOnly | ORdWr)) | ORdWr;
                    access = File.CanRead | File.CanWrite;
                    break;
                case (byte)'x':
                    flags |= OExcl;
                    break;
                case (byte)'e':
                    flags |= OCloExec;
                    break;
                case (byte)'b':
                    break;
                default:
                    return true; // C17 7.21.5.3p3: the rest of the mode is implementation-defined; glibc ignores it
            }
        }
        return true;
    }
}
