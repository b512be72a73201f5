/* The user program as /init: prints, maps and frees 64 MiB, starts four threads that sum into a
 * futex-protected counter and joins them, checks TLS (the kernel-built block of PT_TLS and each thread's own TLS
 * register across switches), reads /etc/motd from the boot module and compares it, and exits with 7. */
#include "syscall.h"

static int failures;

static void check(const char *what, long got, long expected)
{
    say(what); say(" "); say_number(got); say(got == expected ? " ok" : " WRONG"); end_line();
    if (got != expected) failures++;
}

/* A futex mutex (Drepper, "Futexes are tricky", mutex 2): 0 free, 1 locked, 2 locked with waiters. */
static int lock_word;

static void lock(void)
{
    int c = 0;
    if (__atomic_compare_exchange_n(&lock_word, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) return;
    if (c != 2) c = __atomic_exchange_n(&lock_word, 2, __ATOMIC_ACQUIRE);
    while (c != 0) {
        sys3(SYS_FUTEX_WAIT, (long)&lock_word, 2, 0);
        c = __atomic_exchange_n(&lock_word, 2, __ATOMIC_ACQUIRE);
    }
}

static void unlock(void)
{
    if (__atomic_exchange_n(&lock_word, 0, __ATOMIC_RELEASE) != 1) sys3(SYS_FUTEX_WAKE, (long)&lock_word, 1, 0);
}

enum { THREADS = 4, ROUNDS = 5000 };
static volatile long counter;
static long tls_mismatches[THREADS];
static char stacks[THREADS][16384] __attribute__((aligned(16)));
static u64 tcbs[THREADS][4] __attribute__((aligned(16)));

static void worker(long id)
{
    for (int i = 0; i < ROUNDS; i++) {
        lock();
        long v = counter;
        if (i % 500 == 0) sys3(SYS_YIELD, 0, 0, 0);   /* a switch inside the critical section: others must wait */
        counter = v + 1;
        unlock();
        if (tls_register() != (u64)tcbs[id]) tls_mismatches[id]++;
    }
    sys1(SYS_THREAD_EXIT, 100 + id);
    for (;;) { }
}

static void spinner(long unused) { for (;;) { } }

static void waiter(long address)
{
    sys3(SYS_FUTEX_WAIT, address, 0, 0);
    sys1(SYS_THREAD_EXIT, 1);
}

static __thread long tls_initialised = 12345;
static __thread long tls_zero;

static const char motd[] = "Hello from the boot module.\nSecond line..\n";

ENTRY void _start(void)
{
    put("threads: hello from /init\n");

    check("TLS data from PT_TLS", tls_initialised, 12345);
    check("TLS bss from PT_TLS", tls_zero, 0);
    tls_initialised++;
    check("TLS is writable", tls_initialised, 12346);

    const u64 size = 64ul << 20;
    long p = sys6(SYS_MMAP, 0, (long)size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    long bad = p <= 0;
    for (u64 i = 0; !bad && i < size; i += 4096) ((char *)p)[i] = (char)i;
    for (u64 i = 0; !bad && i < size; i += 4096) bad += ((char *)p)[i] != (char)i;
    check("64 MiB mapped, written, read back: mismatches", bad, 0);
    check("64 MiB unmapped", sys3(SYS_MUNMAP, p, (long)size, 0), 0);

    long handles[THREADS];
    for (long t = 0; t < THREADS; t++) {
        tcbs[t][0] = (u64)tcbs[t];   /* x86_64's TCB self-pointer; the register itself elsewhere */
        handles[t] = sys4(SYS_THREAD_CREATE, (long)worker, (long)(stacks[t] + sizeof stacks[t]), t, (long)tcbs[t]);
    }
    check("thread handles are 1 2 3 4", handles[0] == 1 && handles[1] == 2 && handles[2] == 3 && handles[3] == 4, 1);
    long statuses = 0;
    for (long t = 0; t < THREADS; t++) {
        int status = -1;
        long r = sys3(SYS_THREAD_JOIN, handles[t], (long)&status, 0);
        statuses += r == 0 && status == 100 + t;
    }
    check("joined threads with their statuses", statuses, THREADS);
    check("the futex-protected counter", counter, THREADS * ROUNDS);
    check("TLS register mismatches across switches", tls_mismatches[0] + tls_mismatches[1] + tls_mismatches[2] + tls_mismatches[3], 0);
    check("main thread's TLS kept", tls_initialised, 12346);
    check("a joined handle is gone", sys3(SYS_THREAD_JOIN, handles[0], 0, 0), -ESRCH);

    long fd = sys3(SYS_OPEN, (long)"/etc/motd", O_RDONLY, 0);
    check("open /etc/motd", fd, 3);
    char buffer[128];
    long n = sys3(SYS_READ, fd, (long)buffer, sizeof buffer);
    check("read its size", n, (long)sizeof motd - 1);
    long same = n == (long)sizeof motd - 1;
    for (long i = 0; same && i < n; i++) same = buffer[i] == motd[i];
    check("its content matches", same, 1);
    check("close", sys3(SYS_CLOSE, fd, 0, 0), 0);

    /* Exit ends every thread: one spinning, one blocked on a futex forever; the kernel checks every frame came back. */
    static int never;
    check("a spinner", sys4(SYS_THREAD_CREATE, (long)spinner, (long)(stacks[0] + sizeof stacks[0]), 0, 0), 1);
    check("a futex waiter", sys4(SYS_THREAD_CREATE, (long)waiter, (long)(stacks[1] + sizeof stacks[1]), (long)&never, 0), 2);
    sys3(SYS_YIELD, 0, 0, 0);
    say("threads: "); say_number(failures); say(" failure(s)"); end_line();
    sys3(SYS_EXIT, failures ? 1 : 7, 0, 0);
    for (;;) { }
}
