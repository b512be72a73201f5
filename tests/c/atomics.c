// C11 atomics: read-modify-write on 1, 2, 4 and 8 bytes from four threads (LL/SC or LSE on AArch64,
// AMOs/LR-SC on RISC-V, lock-prefixed on x86_64), compare-exchange loops, memory orders and flags.
// The 8-bit counter wraps: 40000 mod 256 = 64.
// expect: counters: 64 40000 40000 40000
// expect: cas max: 39999
// expect: exchange chain ok: 1
// expect: flag: 0 1 0
// expect: fetch ops: 12 15 3 0x0f0 0x0ff 0x00f
// expect: lock-free 1/2/4/8: 1 1 1 1
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define THREADS 4
#define ITERS 10000

static atomic_uchar c8;
static atomic_ushort c16;
static atomic_uint c32;
static atomic_ullong c64;
static atomic_int max_seen = -1;
static atomic_int next_ticket;

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < ITERS; ++i) {
        atomic_fetch_add_explicit(&c8, 1, memory_order_relaxed);
        atomic_fetch_add_explicit(&c16, 1, memory_order_relaxed);
        atomic_fetch_add(&c32, 1);
        atomic_fetch_add_explicit(&c64, 1, memory_order_acq_rel);
        int ticket = atomic_fetch_add(&next_ticket, 1);
        int seen = atomic_load_explicit(&max_seen, memory_order_relaxed);
        while (ticket > seen && !atomic_compare_exchange_weak(&max_seen, &seen, ticket)) {
        }
    }
    return NULL;
}

int main(void)
{
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; ++i)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < THREADS; ++i)
        pthread_join(t[i], NULL);
    printf("counters: %u %u %u %llu\n", (unsigned)atomic_load(&c8), (unsigned)atomic_load(&c16),
           atomic_load(&c32), atomic_load(&c64));
    printf("cas max: %d\n", atomic_load(&max_seen));

    atomic_long x = 1;
    long old1 = atomic_exchange(&x, 2);
    long old2 = atomic_exchange_explicit(&x, 3, memory_order_seq_cst);
    long expected = 3;
    _Bool swapped = atomic_compare_exchange_strong(&x, &expected, 4);
    printf("exchange chain ok: %d\n", old1 == 1 && old2 == 2 && swapped && atomic_load(&x) == 4);

    atomic_flag flag = ATOMIC_FLAG_INIT;
    int first = atomic_flag_test_and_set(&flag);
    int second = atomic_flag_test_and_set(&flag);
    atomic_flag_clear(&flag);
    int third = atomic_flag_test_and_set(&flag);
    printf("flag: %d %d %d\n", first, second, third);

    atomic_int v = 10;
    atomic_int bits = 0x0f0;
    int r1 = atomic_fetch_add(&v, 2) + 2;
    int r2 = atomic_fetch_add(&v, 3) + 3;
    int r3 = atomic_fetch_sub(&v, 12) - 12;
    int r4 = atomic_fetch_and(&v, 0);
    (void)r4;
    int b1 = atomic_fetch_or(&bits, 0x00f);
    int b2 = atomic_fetch_xor(&bits, 0x0f0);
    printf("fetch ops: %d %d %d 0x%03x 0x%03x 0x%03x\n", r1, r2, r3, b1, b2, atomic_load(&bits));
    printf("lock-free 1/2/4/8: %d %d %d %d\n", atomic_is_lock_free(&c8), atomic_is_lock_free(&c16), atomic_is_lock_free(&c32),
           atomic_is_lock_free(&c64));
    return 0;
}
