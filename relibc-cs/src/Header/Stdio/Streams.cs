using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Header.String;
using Relibc.Platform;
using Veridian.Interop;

namespace Relibc.Header.Stdio;

/// <summary>
/// A stdio stream (C's opaque <c>FILE</c>): a descriptor and one buffer, holding either pending output
/// (<see cref="Length"/> bytes) or read-ahead input (<see cref="ReadPos"/> … <see cref="ReadEnd"/>), never both.
/// </summary>
public unsafe struct File
{
    public const int BufferSize = 4096;
    public const int Unbuffered = 0, LineBuffered = 1, FullyBuffered = 2;
    public const int ErrorFlag = 1, EofFlag = 2;
    public const int CanRead = 1, CanWrite = 2, Allocated = 4;

    public int Fd;
    public int Mode;
    public int Length;
    public int Flags;
    public int Access;
    public int ReadPos;
    public int ReadEnd;
    public int Pushed; // ungetc's byte, or -1
    public File* Next; // the open streams, for exit's flush
    public int LockWord; // the stream's lock (flockfile; every stdio function takes it): a futex word,
    public int Owner;    // the tid holding it,
    public int Depth;    // and how many times (it is recursive)
    public fixed byte Buffer[BufferSize];
}

/// <summary>
/// The standard streams and stream output (C17 7.21; https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/stdio.h.html).
/// stdout is line-buffered on a terminal and fully buffered otherwise, stderr unbuffered (C17 7.21.3p7); exit flushes.
/// </summary>
public static unsafe class Streams
{
    private static File s_stdin, s_stdout, s_stderr;

    /// <summary>stdin, stdout, stderr — the <c>FILE *</c> variables stdio.h declares.</summary>
    [CSymbol("stdin")] public static File* Stdin;
    [CSymbol("stdout")] public static File* Stdout;
    [CSymbol("stderr")] public static File* Stderr;

    /// <summary>Streams opened by fopen/fdopen, most recent first.</summary>
    public static File* Opened;

    static Streams()
    {
        fixed (File* p = &s_stdin)
            Stdin = Init(p, 0, File.FullyBuffered, File.CanRead);
        fixed (File* p = &s_stdout)
            Stdout = Init(p, 1, IsTerminal(1) ? File.LineBuffered : File.FullyBuffered, File.CanWrite);
        fixed (File* p = &s_stderr)
            Stderr = Init(p, 2, File.Unbuffered, File.CanWrite);
    }

    public static File* Init(File* f, int fd, int mode, int access)
    {
        f->Fd = fd;
        f->Mode = mode;
        f->Access = access;
        f->Pushed = -1;
        return f;
    }

    /// <summary>Before output: read-ahead is given back to the file (the offset moves back to what the program read).</summary>
    public static bool ToWriting(File* f)
    {
        if (f->ReadEnd > f->ReadPos || f->Pushed >= 0)
        {
            var back = f->ReadEnd - f->ReadPos + (f->Pushed >= 0 ? 1 : 0);
            Pal.Seek(f->Fd, -back, 1);
        }
        f->ReadPos = f->ReadEnd = 0;
        f->Pushed = -1;
        return true;
    }

    public static bool IsTerminal(int fd)
    {
        var termios = stackalloc byte[64];
        return Pal.TerminalAttributes(fd, termios) == 0;
    }

    /// <summary>Takes the stream's lock (recursive: flockfile, then stdio calls, nest).</summary>
    public static void Acquire(File* f)
    {
        var self = Pthread.ThreadArea.Current()->Tid;
        if (f->Owner == self)
        {
            f->Depth++;
            return;
        }
        Pthread.Lock.Acquire(&f->LockWord);
        f->Owner = self;
        f->Depth = 1;
    }

    /// <summary>Takes the lock unless another thread holds it.</summary>
    public static bool TryAcquire(File* f)
    {
        var self = Pthread.ThreadArea.Current()->Tid;
        if (f->Owner == self)
        {
            f->Depth++;
            return true;
        }
        if (!Pthread.Lock.TryAcquire(&f->LockWord))
            return false;
        f->Owner = self;
        f->Depth = 1;
        return true;
    }

    public static void Release(File* f)
    {
        if (--f->Depth > 0)
            return;
        f->Owner = 0;
        Pthread.Lock.Release(&f->LockWord);
    }

    /// <summary>Writes <paramref name="count"/> bytes through the stream's buffer, under its lock; false on a write error (the error flag is set).</summary>
    public static bool Put(File* f, byte* data, nuint count)
    {
        Acquire(f);
        var ok = PutUnlocked(f, data, count);
        Release(f);
        return ok;
    }

    /// <summary><see cref="Put"/> for a caller that holds the lock (printf, the *_unlocked functions).</summary>
    public static bool PutUnlocked(File* f, byte* data, nuint count)
    {
        if ((f->Access & File.CanWrite) == 0)
        {
            f->Flags |= File.ErrorFlag;
            Errno.Errno.Set(E.BADF);
            return false;
        }
        if (f->ReadEnd != 0 || f->Pushed >= 0)
            ToWriting(f);
        if (f->Mode == File.Unbuffered)
            return WriteAll(f, data, count);
        if ((nuint)(File.BufferSize - f->Length) < count && !Flush(f))
            return false;
        if (count >= File.BufferSize)
            return WriteAll(f, data, count);
        Str.Copy(f->Buffer + f->Length, data, count);
        f->Length += (int)count;
        if (f->Mode == File.LineBuffered && Str.Find(data, (byte)'\n', count) != null)
            return Flush(f);
        return true;
    }

    public static bool Flush(File* f)
    {
        if (f->Length == 0)
            return true;
        var ok = WriteAll(f, f->Buffer, (nuint)f->Length);
        f->Length = 0;
        return ok;
    }

    public static void FlushAll()
    {
        Flush(Stdout);
        Flush(Stderr);
        for (var f = Opened; f != null; f = f->Next)
            Flush(f);
    }

    private static bool WriteAll(File* f, byte* data, nuint count)
    {
        while (count > 0)
        {
            var n = Errno.Errno.Result(Pal.Write(f->Fd, data, count));
            if (n < 0)
            {
                if (Errno.Errno.Value == E.INTR)
                    continue;
                f->Flags |= File.ErrorFlag;
                return false;
            }
            data += n;
            count -= (nuint)n;
        }
        return true;
    }

    /// <summary>fputc — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fputc.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fputc")]
    public static int FPutC(int c, File* f) => PutChar(c, f);

    /// <summary>putc — https://pubs.opengroup.org/onlinepubs/9699919799/functions/putc.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "putc")]
    public static int PutC(int c, File* f) => PutChar(c, f);

    /// <summary>putchar — https://pubs.opengroup.org/onlinepubs/9699919799/functions/putchar.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "putchar")]
    public static int PutCharExport(int c) => PutChar(c, Stdout);

    /// <summary>fputs — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fputs.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fputs")]
    public static int FPutS(byte* s, File* f) => Put(f, s, Str.Length(s)) ? 0 : -1;

    /// <summary>puts — https://pubs.opengroup.org/onlinepubs/9699919799/functions/puts.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "puts")]
    public static int PutS(byte* s)
    {
        byte newline = (byte)'\n';
        return Put(Stdout, s, Str.Length(s)) && Put(Stdout, &newline, 1) ? 0 : -1;
    }

    /// <summary>fwrite — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fwrite.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fwrite")]
    public static nuint FWrite(void* data, nuint size, nuint count, File* f)
    {
        if (size == 0 || count == 0)
            return 0;
        return Put(f, (byte*)data, size * count) ? count : 0;
    }

    /// <summary>fflush — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fflush.html (NULL flushes every stream).</summary>
    [UnmanagedCallersOnly(EntryPoint = "fflush")]
    public static int FFlush(File* f)
    {
        if (f == null)
        {
            var ok = Flush(Stdout) & Flush(Stderr);
            for (var o = Opened; o != null; o = o->Next)
                ok &= Flush(o);
            return ok ? 0 : -1;
        }
        Acquire(f);
        bool done;
        if (f->ReadEnd != 0 || f->Pushed >= 0)
            done = ToWriting(f); // an input stream: give the read-ahead back (POSIX fflush on a seekable input)
        else
            done = Flush(f);
        Release(f);
        return done ? 0 : -1;
    }

    /// <summary>ferror — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ferror.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "ferror")]
    public static int FError(File* f) => f->Flags & File.ErrorFlag;

    private static int PutChar(int c, File* f)
    {
        var b = (byte)c;
        return Put(f, &b, 1) ? b : -1;
    }

    /// <summary>putc_unlocked — https://pubs.opengroup.org/onlinepubs/9699919799/functions/putc_unlocked.html (the caller holds the lock, or has one thread).</summary>
    [UnmanagedCallersOnly(EntryPoint = "putc_unlocked")]
    public static int PutCUnlocked(int c, File* f)
    {
        var b = (byte)c;
        return PutUnlocked(f, &b, 1) ? b : -1;
    }

    /// <summary>putchar_unlocked — https://pubs.opengroup.org/onlinepubs/9699919799/functions/putchar_unlocked.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "putchar_unlocked")]
    public static int PutCharUnlocked(int c)
    {
        var b = (byte)c;
        return PutUnlocked(Stdout, &b, 1) ? b : -1;
    }

    /// <summary>flockfile — https://pubs.opengroup.org/onlinepubs/9699919799/functions/flockfile.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "flockfile")]
    public static void FLockFile(File* f) => Acquire(f);

    /// <summary>ftrylockfile — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ftrylockfile.html (0 when it got the lock).</summary>
    [UnmanagedCallersOnly(EntryPoint = "ftrylockfile")]
    public static int FTryLockFile(File* f) => TryAcquire(f) ? 0 : 1;

    /// <summary>funlockfile — https://pubs.opengroup.org/onlinepubs/9699919799/functions/funlockfile.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "funlockfile")]
    public static void FUnlockFile(File* f) => Release(f);
}
