/* System calls and their errors as /init: uname, the clocks, nanosleep, the file calls, futexes, threads and
 * priorities given bad arguments. Each line says what was asked, the answer, and ok or WRONG. */
#include "syscall.h"

static int failures;

static void check(const char *what, long got, long expected)
{
    say(what); say(" "); say_number(got); say(got == expected ? " ok" : " WRONG"); end_line();
    if (got != expected) failures++;
}

static int same(const char *a, const char *b) { while (*a && *a == *b) { a++; b++; } return *a == *b; }

static int futex_word;

ENTRY void _start(void)
{
    struct utsname u;
    check("uname", sys1(SYS_UNAME, (long)&u), 0);
    say("uname: "); say(u.sysname); say(" "); say(u.release); say(" "); say(u.machine); end_line();
    check("uname sysname is VeridianOS", same(u.sysname, "VeridianOS"), 1);
    check("uname to a kernel address", sys1(SYS_UNAME, -4096), -EFAULT);

    struct timespec a, b, r;
    check("clock_gettime monotonic", sys3(SYS_CLOCK_GETTIME, CLOCK_MONOTONIC, (long)&a, 0), 0);
    check("clock_gettime realtime", sys3(SYS_CLOCK_GETTIME, CLOCK_REALTIME, (long)&r, 0), 0);
    check("realtime is after 2020", r.tv_sec > 1577836800l, 1);
    check("clock_gettime of clock 9", sys3(SYS_CLOCK_GETTIME, 9, (long)&a, 0), -EINVAL);
    check("clock_gettime to an unmapped address", sys3(SYS_CLOCK_GETTIME, CLOCK_MONOTONIC, 0x1000, 0), -EFAULT);
    long t0 = now_ns();
    struct timespec nap = { 0, 100000000 };
    check("nanosleep 100 ms", sys3(SYS_NANOSLEEP, (long)&nap, (long)&b, 0), 0);
    long slept = now_ns() - t0;
    check("slept at least 100 ms and under 1 s", slept >= 100000000 && slept < 1000000000, 1);
    struct timespec wrong = { 0, 1000000000 };
    check("nanosleep with 10^9 ns", sys3(SYS_NANOSLEEP, (long)&wrong, 0, 0), -EINVAL);
    check("nanosleep from an unmapped address", sys3(SYS_NANOSLEEP, 0x1000, 0, 0), -EFAULT);

    check("open of a missing file", sys3(SYS_OPEN, (long)"/no/such/file", O_RDONLY, 0), -ENOENT);
    check("open for writing", sys3(SYS_OPEN, (long)"/etc/motd", O_WRONLY, 0), -EROFS);
    check("open from an unmapped path", sys3(SYS_OPEN, 0x1000, O_RDONLY, 0), -EFAULT);
    check("read of a closed descriptor", sys3(SYS_READ, 9, (long)&a, 8), -EBADF);
    check("read of descriptor -1", sys3(SYS_READ, -1, (long)&a, 8), -EBADF);
    check("close of a closed descriptor", sys3(SYS_CLOSE, 9, 0, 0), -EBADF);
    check("stat of a closed descriptor", sys3(SYS_STAT, 12, (long)&a, 0), -EBADF);
    long fd = sys3(SYS_OPEN, "/etc/motd"[0] ? (long)"etc/motd" : 0, O_RDONLY, 0);
    check("open without the leading slash", fd, 3);
    struct stat st;
    check("stat", sys3(SYS_STAT, fd, (long)&st, 0), 0);
    check("stat: a regular file of 42 bytes", (st.st_mode & 0170000) == 0100000 && st.st_size == 42, 1);
    check("stat to an unmapped address", sys3(SYS_STAT, fd, 0x1000, 0), -EFAULT);
    char c[8];
    check("read into an unmapped buffer", sys3(SYS_READ, fd, 0x1000, 8), -EFAULT);
    check("read into read-only memory", sys3(SYS_READ, fd, (long)"constant", 4), -EFAULT);
    check("seek to 38", sys3(SYS_SEEK, fd, 38, SEEK_SET), 38);
    check("read past the end gets the rest", sys3(SYS_READ, fd, (long)c, 8), 4);
    check("read at the end", sys3(SYS_READ, fd, (long)c, 8), 0);
    check("seek from the end", sys3(SYS_SEEK, fd, -6, SEEK_END), 36);
    check("seek before the start", sys3(SYS_SEEK, fd, -100, SEEK_CUR), -EINVAL);
    check("seek on the console", sys3(SYS_SEEK, 1, 0, SEEK_SET), -ESPIPE);
    check("read of the console into an unmapped buffer", sys3(SYS_READ, 0, 0x1000, 8), -EFAULT);
    check("close", sys3(SYS_CLOSE, fd, 0, 0), 0);
    check("read after close", sys3(SYS_READ, fd, (long)c, 8), -EBADF);
    long opened = 0;
    while (sys3(SYS_OPEN, (long)"/etc/motd", O_RDONLY, 0) >= 0) opened++;
    check("descriptors 3-15 then EMFILE", opened, 13);

    check("futex_wait on a changed value", sys3(SYS_FUTEX_WAIT, (long)&futex_word, 1, 0), -EAGAIN);
    check("futex_wait unaligned", sys3(SYS_FUTEX_WAIT, (long)&futex_word + 1, 0, 0), -EINVAL);
    check("futex_wait on an unmapped address", sys3(SYS_FUTEX_WAIT, 0x1000, 0, 0), -EFAULT);
    struct timespec short_wait = { 0, 50000000 };
    t0 = now_ns();
    check("futex_wait times out", sys3(SYS_FUTEX_WAIT, (long)&futex_word, 0, (long)&short_wait), -ETIMEDOUT);
    check("after 50 ms or more", now_ns() - t0 >= 50000000, 1);
    check("futex_wake without waiters", sys3(SYS_FUTEX_WAKE, (long)&futex_word, 1, 0), 0);
    check("futex_wake on a kernel address", sys3(SYS_FUTEX_WAKE, -4096, 1, 0), -EFAULT);

    check("gettid of the first thread", sys1(SYS_GETTID, 0), 0);
    check("join of handle 5 (none)", sys3(SYS_THREAD_JOIN, 5, 0, 0), -ESRCH);
    check("join of handle -1", sys3(SYS_THREAD_JOIN, -1, 0, 0), -ESRCH);
    check("join of oneself", sys3(SYS_THREAD_JOIN, 0, 0, 0), -EDEADLK);
    check("thread_create at a kernel address", sys4(SYS_THREAD_CREATE, -4096, 0x1000, 0, 0), -EINVAL);
    check("thread_create with a kernel TLS address", sys4(SYS_THREAD_CREATE, 0x1000, 0x2000, 0, -4096), -EINVAL);
    check("priority 8", sys3(SYS_SETPRIORITY, 0, 8, 0), -EINVAL);
    check("priority of handle 6 (none)", sys3(SYS_SETPRIORITY, 6, 1, 0), -ESRCH);
    check("priority 4 for oneself", sys3(SYS_SETPRIORITY, 0, 4, 0), 0);
#if defined(__x86_64__)
    check("arch_prctl of an unknown code", sys3(SYS_ARCH_PRCTL, 0x9999, 0, 0), -EINVAL);
    check("arch_prctl ARCH_SET_FS to a kernel address", sys3(SYS_ARCH_PRCTL, 0x1002, -4096, 0), -EFAULT);
    static u64 tcb[2];
    tcb[0] = (u64)tcb;
    check("arch_prctl ARCH_SET_FS", sys3(SYS_ARCH_PRCTL, 0x1002, (long)tcb, 0), 0);
    check("FS points at it", tls_register() == (u64)tcb, 1);
#else
    check("arch_prctl is x86_64's", sys3(SYS_ARCH_PRCTL, 0x1002, 0, 0), -ENOSYS);
#endif
    say("calls: "); say_number(failures); say(" failure(s)"); end_line();
    sys3(SYS_EXIT, failures ? 1 : 0, 0, 0);
    for (;;) { }
}
