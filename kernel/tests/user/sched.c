/* Scheduling as /init: a sleeping thread does not hold the CPU (the main thread counts while it sleeps, and the
 * kernel idles when both wait), and fixed priorities: a low-priority thread gets no CPU while a higher one is
 * runnable, and runs once it has ended. */
#include "syscall.h"

static int failures;

static void check(const char *what, long got, long expected)
{
    say(what); say(" "); say_number(got); say(got == expected ? " ok" : " WRONG"); end_line();
    if (got != expected) failures++;
}

static char stacks[3][16384] __attribute__((aligned(16)));
static volatile int woke, stop;
static volatile long low_count, low_seen_by_high = -1;

static void sleeper(long ms)
{
    struct timespec t = { 0, ms * 1000000 };
    sys3(SYS_NANOSLEEP, (long)&t, 0, 0);
    woke = 1;
    sys1(SYS_THREAD_EXIT, 0);
}

static void low(long unused)
{
    while (!stop) low_count++;
    sys1(SYS_THREAD_EXIT, 0);
}

static void high(long ms)
{
    long before = low_count, end = now_ns() + ms * 1000000;
    while (now_ns() < end) { }
    low_seen_by_high = low_count - before;
    sys1(SYS_THREAD_EXIT, 0);
}

ENTRY void _start(void)
{
    /* While a thread sleeps 200 ms the main thread, at the same priority, keeps the CPU and counts. */
    long t0 = now_ns();
    long s = sys4(SYS_THREAD_CREATE, (long)sleeper, (long)(stacks[0] + sizeof stacks[0]), 200, 0);
    long spins = 0;
    while (!woke) spins++;
    long elapsed = now_ns() - t0;
    check("the main thread ran while the other slept", spins > 1000, 1);
    check("the sleeper woke after 200 ms or more", elapsed >= 200000000 && elapsed < 2000000000, 1);
    check("join the sleeper", sys3(SYS_THREAD_JOIN, s, 0, 0), 0);
    /* Both threads wait: nothing is runnable, the kernel idles (hlt/wfi) until the tick that wakes the sleeper. */
    woke = 0;
    s = sys4(SYS_THREAD_CREATE, (long)sleeper, (long)(stacks[0] + sizeof stacks[0]), 100, 0);
    check("join a sleeper while nothing else runs", sys3(SYS_THREAD_JOIN, s, 0, 0), 0);
    check("it had woken", woke, 1);

    /* Priorities: main 7, low 1, high 6. Main blocks in join(high): high runs, low must not. */
    long self = sys1(SYS_GETTID, 0);
    check("main to priority 7", sys3(SYS_SETPRIORITY, self, 7, 0), 0);
    long l = sys4(SYS_THREAD_CREATE, (long)low, (long)(stacks[1] + sizeof stacks[1]), 0, 0);
    check("low to priority 1", sys3(SYS_SETPRIORITY, l, 1, 0), 0);
    long h = sys4(SYS_THREAD_CREATE, (long)high, (long)(stacks[2] + sizeof stacks[2]), 300, 0);
    check("high to priority 6", sys3(SYS_SETPRIORITY, h, 6, 0), 0);
    check("join high", sys3(SYS_THREAD_JOIN, h, 0, 0), 0);
    check("the low thread's progress while the high one ran", low_seen_by_high, 0);
    long before = low_count;
    struct timespec t = { 0, 100000000 };
    sys3(SYS_NANOSLEEP, (long)&t, 0, 0);
    check("the low thread runs while main sleeps", low_count > before, 1);
    stop = 1;
    check("join low", sys3(SYS_THREAD_JOIN, l, 0, 0), 0);

    /* fork in a process with two threads: the child has one, a copy of the caller, with handle 0. */
    stop = 0;
    l = sys4(SYS_THREAD_CREATE, (long)low, (long)(stacks[1] + sizeof stacks[1]), 0, 0);
    long child = sys1(SYS_FORK, 0);
    if (child == 0) {
        long alone = sys3(SYS_THREAD_JOIN, l, 0, 0) == -ESRCH;
        sys1(SYS_EXIT, 30 + alone + 2 * sys1(SYS_GETTID, 0));
    }
    int status = -1;
    check("fork with two threads: the child has only the caller's, handle 0", sys3(SYS_WAIT, child, (long)&status, 0) == child ? status : -1, 31);
    stop = 1;
    check("join low again", sys3(SYS_THREAD_JOIN, l, 0, 0), 0);

    say("sched: "); say_number(failures); say(" failure(s)"); end_line();
    sys3(SYS_EXIT, failures ? 1 : 0, 0, 0);
    for (;;) { }
}
