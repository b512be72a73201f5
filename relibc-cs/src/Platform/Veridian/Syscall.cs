namespace Relibc.Platform;

/// <summary>
/// VeridianOS system calls (docs/abi.md, "System calls"): the number and six arguments in the registers of each
/// architecture's convention — the same instructions and registers as Linux's, other numbers — and the result, or a
/// negated VeridianOS errno. <see cref="Call"/> converts that errno to relibc-cs's C value: the one place where
/// VeridianOS's numbering meets C's. Only the VeridianOS backend (<see cref="Pal"/>) calls these.
/// </summary>
internal static unsafe class Syscall
{
    /// <summary>A system call whose error, if any, comes back as a negated C errno (relibc-cs's <c>E</c> values).</summary>
    public static nint Call(nint n, nint a = 0, nint b = 0, nint c = 0, nint d = 0, nint e = 0, nint f = 0)
    {
        var r = Raw(n, a, b, c, d, e, f);
        return r < 0 && r >= -4095 ? -ToC((int)-r) : r;
    }

    /// <summary>The kernel's own result: a negated VeridianOS errno on failure (only for the assembly-like paths that ignore it).</summary>
    public static nint Raw(nint n, nint a = 0, nint b = 0, nint c = 0, nint d = 0, nint e = 0, nint f = 0) =>
        Relibc.Arch.Trap.Call(n, a, b, c, d, e, f);

    /// <summary>
    /// A VeridianOS errno value (VERIDIAN-ABI.md, "errno") as relibc-cs's C errno value (Linux's numbering, errno.h).
    /// The capability errors have no C name: a bad, revoked or missing capability is EBADF (it stands where a
    /// descriptor would), missing rights EACCES, the others EPERM/EEXIST/EINVAL. An unknown value is EIO.
    /// </summary>
    public static int ToC(int veridian) => veridian switch
    {
        1 => 38,    // ENOSYS
        2 => 22,    // EINVAL
        3 => 1,     // EPERM
        4 => 2,     // ENOENT
        5 => 12,    // ENOMEM
        6 => 11,    // EAGAIN
        7 => 4,     // EINTR
        8 => 84,    // EILSEQ
        9 => 14,    // EFAULT
        10 => 9,    // ECAPINVAL → EBADF
        11 => 9,    // ECAPREVOKED → EBADF
        12 => 13,   // ECAPRIGHTS → EACCES
        13 => 9,    // ECAPNOTFOUND → EBADF
        14 => 17,   // ECAPEXISTS → EEXIST
        15 => 22,   // ECAPOBJECT → EINVAL
        16 => 1,    // ECAPDELEG → EPERM
        17 => 14,   // ENOMAPPING → EFAULT
        18 => 13,   // EACCES
        19 => 3,    // ESRCH
        20 => 17,   // EEXIST
        21 => 9,    // EBADF
        22 => 5,    // EIO
        23 => 6,    // ENXIO
        24 => 7,    // E2BIG
        25 => 8,    // ENOEXEC
        26 => 10,   // ECHILD
        27 => 16,   // EBUSY
        28 => 20,   // ENOTDIR
        29 => 21,   // EISDIR
        30 => 24,   // EMFILE
        31 => 23,   // ENFILE
        32 => 25,   // ENOTTY
        33 => 26,   // ETXTBSY
        34 => 27,   // EFBIG
        35 => 28,   // ENOSPC
        36 => 29,   // ESPIPE
        37 => 30,   // EROFS
        38 => 31,   // EMLINK
        39 => 32,   // EPIPE
        40 => 33,   // EDOM
        41 => 34,   // ERANGE
        42 => 35,   // EDEADLK
        43 => 36,   // ENAMETOOLONG
        44 => 37,   // ENOLCK
        45 => 39,   // ENOTEMPTY
        46 => 40,   // ELOOP
        47 => 42,   // ENOMSG
        48 => 18,   // EXDEV
        49 => 111,  // ECONNREFUSED
        50 => 104,  // ECONNRESET
        51 => 105,  // ENOBUFS
        52 => 93,   // EPROTONOSUPPORT
        53 => 95,   // ENOTSUP (= EOPNOTSUPP)
        54 => 98,   // EADDRINUSE
        55 => 99,   // EADDRNOTAVAIL
        56 => 101,  // ENETUNREACH
        57 => 110,  // ETIMEDOUT
        _ => 5,     // EIO
    };
}

/// <summary>
/// VeridianOS system call numbers (VERIDIAN-ABI.md; the ones our kernel implements are docs/abi.md's table, the same
/// constants as kernel/core/Syscalls.cs — keep the two in step until they share one source file).
/// </summary>
internal static class Nr
{
    public const int Yield = 10, Exit = 11, Fork = 12, Exec = 13, Wait = 14, GetPid = 15, GetPpid = 16, Mmap = 20, Munmap = 21,
        Mprotect = 22, Brk = 23, ThreadCreate = 40, ThreadExit = 41, ThreadJoin = 42, GetTid = 43, SetPriority = 44,
        Open = 50, Close = 51, Read = 52, Write = 53, Seek = 54, Stat = 55, ClockGetTime = 160, NanoSleep = 162,
        FutexWait = 201, FutexWake = 202, ArchPrctl = 203, Uname = 204;
}
