using System.Runtime.InteropServices;

namespace Relibc.Header.Errno;

/// <summary>
/// errno (C17 7.5; https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/errno.h.html). The one place that sets it
/// is <see cref="Result"/>, at the C boundary: platform calls return a negated errno, exported functions pass that
/// through here. Each thread has its own (a [ThreadStatic] field: an ELF TLS variable).
/// </summary>
public static unsafe class Errno
{
    [System.ThreadStatic] private static int t_errno;

    /// <summary><c>int *__errno_location(void)</c>: what the <c>errno</c> macro of errno.h dereferences.</summary>
    [UnmanagedCallersOnly(EntryPoint = "__errno_location")]
    public static int* Location()
    {
        fixed (int* p = &t_errno)
            return p;
    }

    /// <summary>A platform result at the C boundary: a negated errno becomes errno and -1; anything else is returned.</summary>
    public static nint Result(nint platformResult)
    {
        if (platformResult < 0 && platformResult > -4096)
        {
            t_errno = (int)-platformResult;
            return -1;
        }
        return platformResult;
    }

    /// <summary>Sets errno to <paramref name="code"/> (a C errno.h value) for functions that fail without a platform call.</summary>
    public static void Set(int code) => t_errno = code;

    public static int Value => t_errno;
}

/// <summary>The errno.h values (Linux's numbering, which the VeridianOS backend converts to).</summary>
public static class E
{
    public const int PERM = 1, NOENT = 2, SRCH = 3, INTR = 4, IO = 5, NXIO = 6, TOOBIG = 7, NOEXEC = 8, BADF = 9,
        CHILD = 10, AGAIN = 11, NOMEM = 12, ACCES = 13, FAULT = 14, BUSY = 16, EXIST = 17, XDEV = 18, NODEV = 19,
        NOTDIR = 20, ISDIR = 21, INVAL = 22, NFILE = 23, MFILE = 24, NOTTY = 25, FBIG = 27, NOSPC = 28, SPIPE = 29,
        ROFS = 30, MLINK = 31, PIPE = 32, DOM = 33, RANGE = 34, DEADLK = 35, NAMETOOLONG = 36, NOSYS = 38, NOTEMPTY = 39,
        OVERFLOW = 75, ILSEQ = 84, OPNOTSUPP = 95, TIMEDOUT = 110, LOOP = 40;
}
