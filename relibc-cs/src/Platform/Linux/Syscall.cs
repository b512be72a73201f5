namespace Relibc.Platform;

/// <summary>
/// Raw Linux system calls: the number and six arguments in the registers of each architecture's syscall ABI
/// (man 2 syscall, "Architecture calling conventions"); the result is the return value or a negated errno in
/// [-4095, -1]. Only the Linux backend (<see cref="Pal"/>) calls these.
/// </summary>
internal static unsafe class Syscall
{
    public static nint Call(nint n, nint a = 0, nint b = 0, nint c = 0, nint d = 0, nint e = 0, nint f = 0) =>
        Relibc.Arch.Trap.Call(n, a, b, c, d, e, f);
}

/// <summary>Linux system call numbers: x86_64's own table, and the asm-generic table aarch64 and riscv64 share.</summary>
internal static class Nr
{
#if VERIDIAN_X86_64
    public const int Read = 0, Write = 1, Close = 3, Lseek = 8, Mmap = 9, Munmap = 11, Ioctl = 16, Getpid = 39,
        Kill = 62, Openat = 257, ExitGroup = 231, Gettid = 186, Tgkill = 234, Unlinkat = 263, ClockGettime = 228,
        Mprotect = 10, Futex = 202, SchedYield = 24, Exit = 60, ArchPrctl = 158, SetTidAddress = 218,
        Dup = 32, Dup3 = 292, Pipe2 = 293, Fcntl = 72, Pread = 17, Pwrite = 18, Fsync = 74, Fdatasync = 75,
        Ftruncate = 77, Truncate = 76, Getcwd = 79, Chdir = 80, Fchdir = 81, Mkdirat = 258, Linkat = 265,
        Symlinkat = 266, Readlinkat = 267, Fchmodat = 268, Fchmod = 91, Faccessat = 269, Umask = 95, Newfstatat = 262,
        Fstat = 5, Getdents64 = 217, Execve = 59, Wait4 = 61, Getppid = 110, Getuid = 102, Geteuid = 107,
        Getgid = 104, Getegid = 108, Getpgid = 121, Setpgid = 109, Getsid = 124, Setsid = 112, Uname = 63,
        Nanosleep = 35, ClockGetres = 229, ClockNanosleep = 230, Msync = 26, Madvise = 28, Mknodat = 259, Renameat2 = 316,
        Clone = 56, SchedGetaffinity = 204, RtSigaction = 13, RtSigprocmask = 14, RtSigpending = 127, RtSigsuspend = 130,
        RtSigtimedwait = 128, Setitimer = 38, Getrandom = 318, Readv = 19, Writev = 20, Gettimeofday = 96,
        Getrlimit = 97, Setrlimit = 160, Getrusage = 98, Getpriority = 140, Setpriority = 141, Poll = 7, Getitimer = 36,
        Pselect6 = 270, SchedSetparam = 142, SchedGetparam = 143, SchedSetscheduler = 144, SchedGetscheduler = 145,
        SchedGetPriorityMax = 146, SchedGetPriorityMin = 147, SchedRrGetInterval = 148, Setresuid = 117, Setresgid = 119;
#else
    public const int Read = 63, Write = 64, Close = 57, Lseek = 62, Mmap = 222, Munmap = 215, Ioctl = 29, Getpid = 172,
        Kill = 129, Openat = 56, ExitGroup = 94, Gettid = 178, Tgkill = 131, Unlinkat = 35, ClockGettime = 113,
        Mprotect = 226, Futex = 98, SchedYield = 124, Exit = 93, SetTidAddress = 96,
        Dup = 23, Dup3 = 24, Pipe2 = 59, Fcntl = 25, Pread = 67, Pwrite = 68, Fsync = 82, Fdatasync = 83,
        Ftruncate = 46, Truncate = 45, Getcwd = 17, Chdir = 49, Fchdir = 50, Mkdirat = 34, Linkat = 37,
        Symlinkat = 36, Readlinkat = 78, Fchmodat = 53, Fchmod = 52, Faccessat = 48, Umask = 166, Newfstatat = 79,
        Fstat = 80, Getdents64 = 61, Execve = 221, Wait4 = 260, Getppid = 173, Getuid = 174, Geteuid = 175,
        Getgid = 176, Getegid = 177, Getpgid = 155, Setpgid = 154, Getsid = 156, Setsid = 157, Uname = 160,
        Nanosleep = 101, ClockGetres = 114, ClockNanosleep = 115, Msync = 227, Madvise = 233, Mknodat = 33, Renameat2 = 276,
        Clone = 220, SchedGetaffinity = 123, RtSigaction = 134, RtSigprocmask = 135, RtSigpending = 136, RtSigsuspend = 133,
        RtSigtimedwait = 137, Setitimer = 103, Getrandom = 278, Readv = 65, Writev = 66, Gettimeofday = 169,
        Getrlimit = 163, Setrlimit = 164, Getrusage = 165, Getpriority = 141, Setpriority = 140, Ppoll = 73, Getitimer = 102,
        Pselect6 = 72, SchedSetparam = 118, SchedSetscheduler = 119, SchedGetscheduler = 120, SchedGetparam = 121,
        SchedGetPriorityMax = 125, SchedGetPriorityMin = 126, SchedRrGetInterval = 127, Setresuid = 147, Setresgid = 149;
#endif
}
