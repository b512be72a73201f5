/* bench/libc/libc-bench.c — one program, built against relibc-cs and against glibc (static) by bench/libc.sh, which
   prints each figure side by side. Each line: "<name> <nanoseconds per operation>" (best of 5 runs). */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e9 + t.tv_nsec; }
static volatile size_t sink;
static volatile double dsink;
static char *a, *b;

/* The empty asm with a memory clobber keeps the compiler from hoisting pure calls (strlen, memcmp, strchr) out of the loop. */
#define BEST(name, iters, body) do { double best = 1e30; for (int r = 0; r < 5; r++) { double t0 = now(); for (long i = 0; i < (iters); i++) { body; __asm__ volatile("" ::: "memory"); } double t = (now() - t0) / (iters); if (t < best) best = t; } printf("%s %.3f\n", name, best); } while (0)

/* malloc/free churn: 1024 slots, each step frees one at random and allocates 0..2047 bytes in its place. */
enum { CHURN = 2000000 };
static void churn(void **slots, unsigned x, long n) {
    for (long i = 0; i < n; i++) { x = x * 1103515245u + 12345u; size_t k = (x >> 8) & 1023; free(slots[k]); slots[k] = malloc((x >> 20) & 2047); }
}
static void *slots2[2][1024];
static void *churn_thread(void *slots) { churn(slots, slots == slots2[0] ? 1u : 2u, CHURN); return NULL; }

static int cmp(const void *x, const void *y) { int p = *(const int *)x, q = *(const int *)y; return (p > q) - (p < q); }

int main(void) {
    size_t max = 1 << 20;
    a = malloc(max + 64); b = malloc(max + 64);
    memset(a, 'x', max + 63); a[max + 63] = 0; memset(b, 'x', max + 64);
    char name[64];
    for (size_t n = 8; n <= max; n *= 8) {
        long iters = (long)(200000000 / (n + 64));
        snprintf(name, sizeof name, "memcpy-%zu", n); BEST(name, iters, memcpy(b, a, n); sink += b[n / 2]);
        snprintf(name, sizeof name, "memset-%zu", n); BEST(name, iters, memset(b, (int)i, n); sink += b[n / 2]);
        memcpy(b, a, n); /* equal buffers: memcmp reads all n bytes */
        snprintf(name, sizeof name, "memcmp-%zu", n); BEST(name, iters, sink += (size_t)memcmp(a, b, n));
        a[n] = 0;
        snprintf(name, sizeof name, "strlen-%zu", n); BEST(name, iters, sink += strlen(a + (i & 1)));
        snprintf(name, sizeof name, "strchr-%zu", n); BEST(name, iters, sink += (size_t)strchr(a, 'y'));
        a[n] = 'x';
    }
    static void *slots[1024];
    unsigned x = 1;
    BEST("malloc-free-churn", 2000000, x = x * 1103515245u + 12345u; size_t k = (x >> 8) & 1023; free(slots[k]); slots[k] = malloc((x >> 20) & 2047));
    /* two threads churning at once, each on its own slots: wall time per step of one thread (1-thread time if they scale) */
    {
        double best = 1e30;
        for (int r = 0; r < 5; r++) {
            double t0 = now();
            pthread_t t[2];
            for (int j = 0; j < 2; j++) pthread_create(&t[j], NULL, churn_thread, slots2[j]);
            for (int j = 0; j < 2; j++) pthread_join(t[j], NULL);
            double t1 = (now() - t0) / CHURN;
            if (t1 < best) best = t1;
        }
        printf("malloc-free-churn-2threads %.3f\n", best);
    }
    char buf[128];
    BEST("snprintf-%d-%s-%.6g", 1000000, sink += (size_t)snprintf(buf, sizeof buf, "%d %s %.6g", (int)i, "str", i * 0.37));
    BEST("strtod", 1000000, snprintf(buf, sizeof buf, "%.17g", 1.0 + i * 1e-9); sink += (size_t)strtod(buf, NULL));
    /* libm: arguments that change every call (so nothing is hoisted), in the ranges programs use */
    BEST("exp", 2000000, dsink += exp((double)(i & 1023) * 0.01 - 5.0));
    BEST("log", 2000000, dsink += log(1.0 + (double)(i & 1023) * 0.37));
    BEST("sin", 2000000, dsink += sin((double)(i & 1023) * 0.01));
    BEST("sin-large", 1000000, dsink += sin(1e7 + (double)i));
    BEST("pow", 2000000, dsink += pow(1.0 + (double)(i & 1023) * 0.001, 2.5 + (double)(i & 7) * 0.1));
    BEST("expf", 2000000, dsink += expf((float)(i & 1023) * 0.01f - 5.0f));
    enum { N = 1000000 };
    int *v = malloc(N * sizeof *v);
    BEST("qsort-1M-ints", 1, for (int j = 0; j < N; j++) { x = x * 1103515245u + 12345u; v[j] = (int)(x >> 1); } qsort(v, N, sizeof *v, cmp); sink += (size_t)v[N / 2]);
    return (int)(sink & 0);
}
