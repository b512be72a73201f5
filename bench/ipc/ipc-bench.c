/* bench/ipc.sh's /init (docs/capabilities.md): one-way IPC between two processes in different address spaces —
 * the client calls with 4 data words, the server (forked) answers with reply_recv — and a null system call (getpid),
 * timed with CLOCK_MONOTONIC in batches. Under QEMU -icount shift=0 the guest's clock advances 1 ns per executed
 * instruction, so the figures are instructions; without it they are nanoseconds of emulated time.
 * Prints: "<what> mean <x.xx> min <x.xx> stddev <x.xx> (<n> batches of <b>)" per one-way IPC / per call. */
#include "../../kernel/tests/user/ipc.h"

enum { BATCHES = 100, BATCH = 100, WARMUP = 1000 };

static long empty[BATCHES], sample[BATCHES];

static u64 isqrt(u64 v) { u64 r = 0, b = 1ul << 62; while (b > v) b >>= 2; while (b) { if (v >= r + b) { v -= r + b; r = (r >> 1) + b; } else r >>= 1; b >>= 2; } return r; }

static void say_fixed(long hundredths)
{
    say_number(hundredths / 100); say(".");
    long f = hundredths % 100; if (f < 10) say("0"); say_number(f);
}

/* Statistics of (sample - mean empty) / per, in hundredths. */
static void report(const char *what, long per)
{
    long base = 0;
    for (int i = 0; i < BATCHES; i++) base += empty[i];
    base /= BATCHES;
    long sum = 0, min = -1;
    for (int i = 0; i < BATCHES; i++)
    {
        long v = (sample[i] - base) * 100 / per;
        sample[i] = v;
        sum += v;
        if (min < 0 || v < min) min = v;
    }
    long mean = sum / BATCHES;
    u64 var = 0;
    for (int i = 0; i < BATCHES; i++) var += (u64)((sample[i] - mean) * (sample[i] - mean));
    say(what); say(" mean "); say_fixed(mean); say(" min "); say_fixed(min); say(" stddev "); say_fixed((long)isqrt(var / BATCHES));
    say(" ("); say_number(BATCHES); say(" batches of "); say_number(per); say(")"); end_line();
}

static void empty_batches(void)
{
    for (int b = 0; b < BATCHES; b++)
    {
        long t0 = now_ns();
        for (int i = 0; i < BATCH; i++) __asm__ volatile("" ::: "memory");
        empty[b] = now_ns() - t0;
    }
}

ENTRY void _start(void)
{
    long ep = sys1(SYS_ENDPOINT_CREATE, 0);
    long pid = sys1(SYS_FORK, 0);
    if (pid == 0)
    {
        struct msg m = ipc(SYS_RECEIVE, (u64)ep, 0, 0, 0, 0, 0);
        while (m.status == 0)
            m = ipc(SYS_REPLY_RECV, (u64)ep, m.op, m.d[0] + 1, m.d[1], m.d[2], m.d[3]);
        sys1(SYS_EXIT, 0);
    }
    long wrong = 0;
    for (u64 i = 0; i < WARMUP; i++)
        wrong += ipc(SYS_CALL, (u64)ep, 1, i, 2, 3, 4).d[0] != i + 1;
    empty_batches();
    for (int b = 0; b < BATCHES; b++)
    {
        long t0 = now_ns();
        for (u64 i = 0; i < BATCH; i++)
            wrong += ipc(SYS_CALL, (u64)ep, 1, i, 2, 3, 4).d[0] != i + 1;
        sample[b] = now_ns() - t0;
    }
    report("ipc one-way (call + reply_recv, 4 words)", 2 * BATCH);
    for (int b = 0; b < BATCHES; b++)
    {
        long t0 = now_ns();
        for (int i = 0; i < BATCH; i++)
            sys1(SYS_GETPID, 0);
        sample[b] = now_ns() - t0;
    }
    report("null syscall (getpid)", BATCH);
    say("wrong replies "); say_number(wrong); end_line();
    cap_revoke((u64)ep);          /* the server's copy goes, then the endpoint: its receive ends with ECAPREVOKED */
    cap_delete((u64)ep);
    int status = 0;
    sys3(SYS_WAIT, pid, (long)&status, 0);
    sys1(SYS_EXIT, wrong != 0 || status != 0);
}
