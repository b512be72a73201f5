using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Header.Stdlib;
using Relibc.Header.String;
using Relibc.Platform;

namespace Relibc.Header.Stdio;

/// <summary>The rest of stdio.h: perror, getline/getdelim, setbuf, the *o and *pos positioning functions, tmpfile, ctermid.</summary>
public static unsafe class More
{
    /// <summary>perror — https://pubs.opengroup.org/onlinepubs/9699919799/functions/perror.html ("prefix: message\n" on stderr; no prefix when null or empty).</summary>
    [UnmanagedCallersOnly(EntryPoint = "perror")]
    public static void PError(byte* prefix)
    {
        var message = StrMore.Message(Errno.Errno.Value);
        var err = Streams.Stderr;
        Streams.Acquire(err);
        if (prefix != null && *prefix != 0)
        {
            Streams.PutUnlocked(err, prefix, Str.Length(prefix));
            fixed (byte* colon = ": "u8)
                Streams.PutUnlocked(err, colon, 2);
        }
        Streams.PutUnlocked(err, message, Str.Length(message));
        byte newline = (byte)'\n';
        Streams.PutUnlocked(err, &newline, 1);
        Streams.Release(err);
    }

    /// <summary>getdelim — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getdelim.html (the buffer grows with realloc's rules; EINVAL for null pointers; -1 at end of file).</summary>
    [UnmanagedCallersOnly(EntryPoint = "getdelim")]
    public static nint GetDelim(byte** line, nuint* size, int delimiter, File* f) => Read(line, size, delimiter, f);

    /// <summary>getline — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getline.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "getline")]
    public static nint GetLine(byte** line, nuint* size, File* f) => Read(line, size, '\n', f);

    private static nint Read(byte** line, nuint* size, int delimiter, File* f)
    {
        if (line == null || size == null)
        {
            Errno.Errno.Set(E.INVAL);
            return -1;
        }
        if (*line == null)
            *size = 0;
        nuint n = 0;
        Streams.Acquire(f);
        while (true)
        {
            var c = FileIo.NextUnlocked(f);
            if (c < 0)
                break;
            if (n + 2 > *size)
            {
                var grown = *size < 120 ? 120 : *size * 2;
                var fresh = (byte*)Malloc.Allocate(grown, 16);
                if (fresh == null)
                {
                    Streams.Release(f);
                    Errno.Errno.Set(E.NOMEM);
                    f->Flags |= File.ErrorFlag;
                    return -1;
                }
                if (*line != null)
                {
                    Str.Copy(fresh, *line, n);
                    Malloc.Free(*line);
                }
                *line = fresh;
                *size = grown;
            }
            (*line)[n++] = (byte)c;
            if (c == (byte)delimiter)
                break;
        }
        Streams.Release(f);
        if (n == 0)
            return -1;
        (*line)[n] = 0;
        return (nint)n;
    }

    /// <summary>setbuf — C17 7.21.5.5: a null buffer makes the stream unbuffered; otherwise it stays buffered (relibc-cs keeps its own buffer).</summary>
    [UnmanagedCallersOnly(EntryPoint = "setbuf")]
    public static void SetBuf(File* f, byte* buffer)
    {
        if (buffer == null)
        {
            Streams.Acquire(f);
            Streams.Flush(f); // output already buffered goes first (glibc does the same)
            f->Mode = File.Unbuffered;
            Streams.Release(f);
        }
    }

    /// <summary>fseeko — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fseeko.html (off_t is 64 bits: the same as fseek).</summary>
    [UnmanagedCallersOnly(EntryPoint = "fseeko")]
    public static int FSeekO(File* f, long offset, int whence) => FileIo.Seek(f, offset, whence);

    /// <summary>ftello — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ftello.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "ftello")]
    public static long FTellO(File* f) => FileIo.Tell(f);

    /// <summary>fgetpos — C17 7.21.9.1 (fpos_t holds the offset).</summary>
    [UnmanagedCallersOnly(EntryPoint = "fgetpos")]
    public static int FGetPos(File* f, long* position)
    {
        var p = FileIo.Tell(f);
        if (p < 0)
            return -1;
        *position = p;
        return 0;
    }

    /// <summary>fsetpos — C17 7.21.9.3</summary>
    [UnmanagedCallersOnly(EntryPoint = "fsetpos")]
    public static int FSetPos(File* f, long* position) => FileIo.Seek(f, *position, 0);

    /// <summary>tmpfile — C17 7.21.4.3: a new file in /tmp (mode 0600, O_EXCL), unlinked at once so it goes away when closed; "w+" stream.</summary>
    [UnmanagedCallersOnly(EntryPoint = "tmpfile")]
    public static File* TmpFile()
    {
        var name = stackalloc byte[32];
        var random = stackalloc byte[8];
        fixed (byte* prefix = "/tmp/tmpf"u8, letters = "abcdefghijklmnopqrstuvwxyz0123456789"u8)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                Str.Copy(name, prefix, 9);
                if (Pal.RandomBytes(random, 8) < 8)
                {
                    Errno.Errno.Set(E.IO);
                    return null;
                }
                for (var i = 0; i < 8; i++)
                    name[9 + i] = letters[random[i] % 36];
                name[17] = 0;
                var fd = Pal.OpenAt(-100, name, 2 | 0x40 | 0x80 | 0x80000, 0x180); // O_RDWR|O_CREAT|O_EXCL|O_CLOEXEC, 0600
                if (fd == -E.EXIST)
                    continue;
                if (fd < 0)
                {
                    Errno.Errno.Set((int)-fd);
                    return null;
                }
                Pal.UnlinkAt(-100, name, 0);
                var f = FileIo.Wrap((int)fd, File.CanRead | File.CanWrite);
                if (f == null)
                    Pal.Close((int)fd);
                return f;
            }
        }
        Errno.Errno.Set(E.EXIST);
        return null;
    }

    private static CtermBuffer s_terminal;

    private struct CtermBuffer
    {
        public fixed byte Text[16];
    }

    /// <summary>ctermid — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ctermid.html ("/dev/tty").</summary>
    [UnmanagedCallersOnly(EntryPoint = "ctermid")]
    public static byte* CTermId(byte* buffer)
    {
        fixed (byte* tty = "/dev/tty\0"u8)
        fixed (byte* own = s_terminal.Text)
        {
            var target = buffer != null ? buffer : own;
            Str.Copy(target, tty, 9);
            return target;
        }
    }
}
