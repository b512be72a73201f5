/* The allocator under 4 threads: random malloc/realloc/free of 1 B … 64 KiB (and a few large blocks), every byte
   written with a pattern of its block and checked before the block changes hands. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 64
#define ROUNDS 10000

static unsigned next(unsigned *s) { *s = *s * 1103515245u + 12345u; return *s >> 8; }

static int check(unsigned char *p, size_t n, unsigned char tag) {
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(tag + i)) return 0;
    return 1;
}

static void fill(unsigned char *p, size_t n, unsigned char tag) {
    for (size_t i = 0; i < n; i++) p[i] = (unsigned char)(tag + i);
}

static void *stress(void *arg) {
    unsigned seed = (unsigned)(long)arg;
    unsigned char *block[SLOTS] = {0};
    size_t size[SLOTS] = {0};
    unsigned char tag[SLOTS] = {0};
    long bad = 0;
    for (int r = 0; r < ROUNDS; r++) {
        int k = next(&seed) % SLOTS;
        unsigned pick = next(&seed);
        size_t n = pick % 97 == 0 ? 100000 + pick % 300000 : (size_t)1 << (pick % 17);
        n = n - next(&seed) % (n / 2 + 1);
        if (block[k] && !check(block[k], size[k], tag[k])) bad++;
        if (block[k] && pick % 3 == 0) {
            size_t keep = n < size[k] ? n : size[k];
            unsigned char *q = realloc(block[k], n);
            if (!q) { bad++; continue; }
            if (!check(q, keep, tag[k])) bad++;
            block[k] = q;
        } else {
            free(block[k]);
            block[k] = malloc(n);
            if (!block[k]) { bad++; continue; }
        }
        size[k] = n;
        tag[k] = (unsigned char)next(&seed);
        fill(block[k], n, tag[k]);
    }
    for (int k = 0; k < SLOTS; k++) {
        if (block[k] && !check(block[k], size[k], tag[k])) bad++;
        free(block[k]);
    }
    return (void *)bad;
}

int main(void) {
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, stress, (void *)(i * 7919 + 1));
    long bad = 0;
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        bad += (long)r;
    }
    printf("4 threads x %d rounds: %ld bad bytes or blocks\n", ROUNDS, bad);
    return 0;
}
