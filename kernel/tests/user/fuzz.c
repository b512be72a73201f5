/* A system call fuzzer as /init: 20,000 calls with random numbers (half of them implemented ones, the others 0-255
 * and a few huge ones) and random arguments
 * (small values, user and kernel addresses, all-ones), skipping only exit (11), fork and exec (12, 13: one fuzzer
 * should stay one, and keep its image), the calls that would take its own memory away (munmap 21, mprotect 22,
 * brk 23), thread_create and thread_exit (40, 41: a thread at a random address dies of a fault, and the process with
 * it), and the calls that may block for good or for a random time (nanosleep 162, futex_wait 201, a read of the
 * console). The kernel must answer each and stay alive. */
#include "syscall.h"

static u64 state = 0x9E3779B97F4A7C15ul;
static u64 next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }

static long argument(void)
{
    switch (next() % 6) {
    case 0: return (long)(next() % 64);
    case 1: return (long)next();
    case 2: return (long)(0xFFFF800000000000ul + (next() % (1ul << 30)));   /* the kernel's direct map */
    case 3: return (long)(0x100000 + next() % 0x100000);                    /* around the kernel image */
    case 4: return -1;
    default: return (long)(0x400000 + next() % 0x10000);                    /* the fuzzer's own image */
    }
}

void _start(void)
{
    long calls = 0, enosys = 0;
    for (int i = 0; i < 20000; i++) {
        static const long known[] = { SYS_GETPID, SYS_MMAP, SYS_WRITE, 1000 };
        long n = (i % 97 == 0) ? (long)next() : (next() & 1) ? known[next() % 4] : (long)(next() % 256);
        if (n == SYS_EXIT || n == SYS_FORK || n == SYS_EXEC || n == SYS_MUNMAP || n == SYS_MPROTECT || n == SYS_BRK
            || n == SYS_THREAD_CREATE || n == SYS_THREAD_EXIT || n == SYS_NANOSLEEP || n == SYS_FUTEX_WAIT)
            continue;
        if (n == SYS_WRITE && (next() & 1))
            n = 1000; /* keep the console readable: half the writes become an unknown number */
        long a[6];
        for (int k = 0; k < 6; k++) a[k] = argument();
        if (n == SYS_READ && a[0] == 0)
            continue;
        long r = sys6(n, a[0], a[1], a[2], a[3], a[4], a[5]);
        calls++;
        enosys += r == -ENOSYS;
    }
    say("\nfuzzer: "); say_number(calls); say(" calls, "); say_number(enosys); say(" ENOSYS, kernel alive"); end_line();
    sys3(SYS_EXIT, 0, 0, 0);
    for (;;) { }
}
