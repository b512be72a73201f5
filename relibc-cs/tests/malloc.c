/* The allocator: sizes of every class and large blocks, alignment, realloc keeps contents, calloc zeroes, reuse after free, errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <errno.h>

int main(void) {
    static const size_t sizes[] = {0, 1, 15, 16, 17, 100, 1000, 4079, 4080, 4081, 65536, 1 << 20, 5000000};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        unsigned char *p = malloc(sizes[i]);
        memset(p, (int)i, sizes[i]);
        int ok = p != NULL && ((uintptr_t)p % 16) == 0;
        for (size_t k = 0; k < sizes[i]; k++) ok &= p[k] == (unsigned char)i;
        printf("malloc(%zu): %s\n", sizes[i], ok ? "ok" : "BAD");
        free(p);
    }
    char *s = malloc(8);
    strcpy(s, "1234567");
    for (size_t n = 16; n <= (1u << 22); n *= 4) {
        s = realloc(s, n);
        printf("realloc(%zu) keeps: %s\n", n, strncmp(s, "1234567", 8) == 0 ? "yes" : "no");
    }
    s = realloc(s, 3);
    printf("realloc shrink keeps: %.3s\n", s);
    free(s);
    int *z = calloc(1000, sizeof(int)), sum = 0;
    for (int i = 0; i < 1000; i++) sum += z[i];
    printf("calloc zero: %d\n", sum);
    free(z);
    errno = 0;
    void *huge = calloc(SIZE_MAX / 2, 4);
    printf("calloc overflow: %s errno=ENOMEM:%d\n", huge == NULL ? "NULL" : "non-NULL", errno == ENOMEM);
    for (size_t a = 16; a <= 8192; a *= 8) {
        void *q = aligned_alloc(a, 100);
        printf("aligned_alloc(%zu): %s\n", a, q && (uintptr_t)q % a == 0 ? "aligned" : "BAD");
        free(q);
    }
    void *m = NULL;
    printf("posix_memalign(64): %d aligned=%d\n", posix_memalign(&m, 64, 10), (uintptr_t)m % 64 == 0);
    free(m);
    printf("posix_memalign(3): EINVAL:%d\n", posix_memalign(&m, 3, 10) == EINVAL);
    /* Many blocks alive at once, freed in a scrambled order, then allocated again. */
    void *blocks[2000];
    for (int i = 0; i < 2000; i++) { blocks[i] = malloc((size_t)(i * 37 % 3000) + 1); memset(blocks[i], i & 0xff, (size_t)(i * 37 % 3000) + 1); }
    int intact = 1;
    for (int i = 0; i < 2000; i++) intact &= ((unsigned char *)blocks[i])[0] == (unsigned char)(i & 0xff);
    for (int i = 0; i < 2000; i++) free(blocks[(i * 7919) % 2000]);
    printf("2000 live blocks intact: %d\n", intact);
    free(NULL);
    return 0;
}
