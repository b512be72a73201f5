/* string.h's fast paths at their edges: memcpy memmove memset memcmp memchr strlen strnlen strchr strrchr strcmp
   strncmp strcpy at every alignment (0-15 of source and destination), lengths 0-300 and some large ones, with the
   terminator, the match or the difference at every position, and with the data ending just before an unmapped page
   (and starting just after one). Each result is checked against what the test built; a line per function gives the
   number of cases and of failures (with the first failures spelt out), so the output equals glibc's exactly when
   every case is right. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#define SPAN 65536 /* a multiple of every page size (4, 16, 64 KiB): guard | data | guard */
static unsigned char *data;  /* SPAN bytes, PROT_NONE on both sides */
static unsigned char *src, *dst, *big;
static long cases, fails;

static void fail(const char *fn, long a, long b, long c, long d) {
    if (fails++ < 8) printf("  FAIL %s %ld %ld %ld %ld\n", fn, a, b, c, d);
}
static void report(const char *fn) { printf("%s cases=%ld fails=%ld\n", fn, cases, fails); cases = fails = 0; }
static int sign(int v) { return (v > 0) - (v < 0); }
static unsigned char table[32768];
static unsigned char pattern(size_t i) { return table[i & 32767]; } /* never 0, never 255 */
static void fill(unsigned char *p, size_t n, size_t seed) { for (size_t i = 0; i < n; i++) p[i] = pattern(i + seed); }

static const size_t large[] = {511, 512, 513, 1000, 4095, 4096, 4097, 10000};
#define NLARGE (sizeof large / sizeof large[0])
static size_t length_at(int i) { return i <= 300 ? (size_t)i : large[i - 301]; }
#define NLENGTHS (301 + (int)NLARGE)

static void test_memcpy(void) {
    for (int sa = 0; sa < 16; sa++)
        for (int da = 0; da < 16; da++)
            for (int li = 0; li < NLENGTHS; li++) {
                size_t n = length_at(li);
                unsigned char *s = src + sa, *d = dst + da;
                fill(s, n, (size_t)li);
                memset(dst, 0xEE, n + 64);
                void *r = memcpy(d, s, n);
                cases++;
                if (r != d) { fail("memcpy-return", sa, da, (long)n, 0); continue; }
                for (size_t i = 0; i < n; i++) if (d[i] != s[i]) { fail("memcpy", sa, da, (long)n, (long)i); goto next; }
                for (int i = 0; i < da; i++) if (dst[i] != 0xEE) { fail("memcpy-before", sa, da, (long)n, i); goto next; }
                for (size_t i = n; i < n + 32; i++) if (d[i] != 0xEE) { fail("memcpy-after", sa, da, (long)n, (long)i); goto next; }
            next:;
            }
    report("memcpy");
}

static void test_memmove(void) {
    static const int far[] = {-200, -129, -128, -100, -64, 64, 100, 128, 129, 200};
    unsigned char *ref = big + 40000;
    for (int sa = 0; sa < 16; sa++)
        for (int di = 0; di < 67 + 10; di++) {
            int delta = di < 67 ? di - 33 : far[di - 67];
            for (int li = 0; li < NLENGTHS; li++) {
                size_t n = length_at(li);
                if (n > 4097 || (n > 300 && di % 8 != 0)) continue;
                unsigned char *base = big + 12000; /* room on both sides for |delta| <= 200 and the guard bytes */
                unsigned char *s = base + sa, *d = s + delta;
                fill(base - 300, n + 600, (size_t)(li + di));
                memcpy(ref, base - 300, n + 600);
                for (size_t i = 0; i < n; i++) ref[300 + sa + delta + i] = base[sa + i]; /* ref[x] mirrors base[x - 300] */
                void *r = memmove(d, s, n);
                cases++;
                if (r != d) { fail("memmove-return", sa, delta, (long)n, 0); continue; }
                for (size_t i = 0; i < n + 600; i++)
                    if (base[(long)i - 300] != ref[i]) { fail("memmove", sa, delta, (long)n, (long)i - 300 - sa); break; }
            }
        }
    report("memmove");
}

static void test_memset(void) {
    for (int da = 0; da < 16; da++)
        for (int li = 0; li < NLENGTHS; li++)
            for (int v = 0; v < 3; v++) {
                size_t n = length_at(li);
                int value = v == 0 ? 0 : v == 1 ? 0xA5 : 0x17 + 0x300; /* memset converts to unsigned char */
                unsigned char want = (unsigned char)value;
                memset(dst, 0xEE, n + 64);
                unsigned char *d = dst + da;
                void *r = memset(d, value, n);
                cases++;
                if (r != d) { fail("memset-return", da, (long)n, v, 0); continue; }
                for (size_t i = 0; i < n; i++) if (d[i] != want) { fail("memset", da, (long)n, v, (long)i); goto next; }
                for (int i = 0; i < da; i++) if (dst[i] != 0xEE) { fail("memset-before", da, (long)n, v, i); goto next; }
                for (size_t i = n; i < n + 32; i++) if (d[i] != 0xEE) { fail("memset-after", da, (long)n, v, (long)i); goto next; }
            next:;
            }
    report("memset");
}

static void test_memcmp(void) {
    for (int sa = 0; sa < 16; sa++)
        for (int da = 0; da < 16; da++)
            for (int li = 0; li < NLENGTHS; li++) {
                size_t n = length_at(li);
                unsigned char *a = src + sa, *b = dst + da;
                fill(a, n + 16, (size_t)li);
                memcpy(b, a, n + 16);
                a[n] = 1; b[n] = 2; /* beyond the length: must not count */
                cases++;
                if (memcmp(a, b, n) != 0) fail("memcmp-equal", sa, da, (long)n, 0);
                /* a difference at every position (every alignment pair for short lengths, one pair per alignment beyond) */
                if (n > 64 && da != ((sa * 5 + 3) & 15)) continue;
                for (size_t k = 0; k < n; k++) {
                    if (n > 300 && k % 61 != 0 && k + 20 < n) continue;
                    unsigned char keep = b[k];
                    b[k] = k & 1 ? 0x80 : 0x7F; a[k] = k & 1 ? 0x7F : 0x80; /* signedness: 0x80 is greater */
                    cases++;
                    int want = k & 1 ? -1 : 1;
                    if (sign(memcmp(a, b, n)) != want || sign(memcmp(b, a, n)) != -want) fail("memcmp", sa, da, (long)n, (long)k);
                    a[k] = b[k] = keep;
                }
            }
    report("memcmp");
}

static void test_memchr(void) {
    for (int sa = 0; sa < 16; sa++)
        for (int li = 0; li < NLENGTHS; li++) {
            size_t n = length_at(li);
            unsigned char *s = src + sa;
            fill(src, n + 64, 3);
            s[n] = 0xFF; /* just past the end: must not be found */
            for (size_t k = 0; k <= n; k++) {
                if (n > 300 && k % 61 != 0 && k + 20 < n) continue;
                if (k < n) s[k] = 0xFF;
                cases++;
                void *want = k < n ? s + k : NULL;
                if (memchr(s, 0xFF, n) != want) fail("memchr", sa, (long)n, (long)k, 0);
                if (k < n) s[k] = pattern(k + (size_t)sa + 3);
            }
            if (memchr(s, 0x1FF, n) != NULL) fail("memchr-int", sa, (long)n, 0, 0); /* converted to unsigned char: 0xFF, past the end */
        }
    report("memchr");
}

static void test_strlen(void) {
    for (int sa = 0; sa < 16; sa++)
        for (int li = 0; li < NLENGTHS; li++) {
            size_t n = length_at(li);
            unsigned char *s = src + sa;
            fill(src, n + 64, 5);
            s[n] = 0;
            cases++;
            if (strlen((char *)s) != n) fail("strlen", sa, (long)n, 0, 0);
            static const size_t maxes[] = {0, 1, 15, 16, 17, 63, 64, 65};
            for (int m = 0; m < 8 + 4; m++) {
                size_t max = m < 8 ? maxes[m] : m == 8 ? n : m == 9 ? n + 1 : m == 10 ? (n ? n - 1 : 0) : SIZE_MAX;
                cases++;
                if (strnlen((char *)s, max) != (n < max ? n : max)) fail("strnlen", sa, (long)n, (long)max, 0);
            }
        }
    report("strlen/strnlen");
}

static void test_strchr(void) {
    for (int sa = 0; sa < 16; sa++)
        for (int li = 0; li < NLENGTHS; li++) {
            size_t n = length_at(li);
            unsigned char *s = src + sa;
            fill(src, n + 64, 9);
            s[n] = 0;
            s[n + 1] = 0xFF; /* past the terminator: must not be found */
            for (size_t k = 0; k <= n; k++) {
                if (n > 300 && k % 61 != 0 && k + 20 < n) continue;
                unsigned char keep = s[k];
                if (k < n) s[k] = 0xFF;
                cases++;
                char *want = k < n ? (char *)s + k : NULL;
                if (strchr((char *)s, 0xFF) != want) fail("strchr", sa, (long)n, (long)k, 0);
                if (k < n) {
                    s[n - 1 > k ? n - 1 : k] = 0xFF; /* a later one too: strrchr finds the last */
                    char *last = (char *)s + (n - 1 > k ? n - 1 : k);
                    cases++;
                    if (strrchr((char *)s, 0xFF) != last) fail("strrchr-two", sa, (long)n, (long)k, 0);
                    if (n - 1 > k) s[n - 1] = pattern(n - 1 + (size_t)sa + 9);
                    cases++;
                    if (strrchr((char *)s, 0xFF) != want) fail("strrchr", sa, (long)n, (long)k, 0);
                } else {
                    cases++;
                    if (strrchr((char *)s, 0xFF) != NULL) fail("strrchr-none", sa, (long)n, 0, 0);
                }
                s[k] = keep;
            }
            cases++;
            if (strchr((char *)s, 0) != (char *)s + n || strrchr((char *)s, 0) != (char *)s + n) fail("strchr-nul", sa, (long)n, 0, 0);
        }
    report("strchr/strrchr");
}

static void test_strcmp(void) {
    for (int sa = 0; sa < 16; sa++)
        for (int da = 0; da < 16; da++)
            for (int li = 0; li < NLENGTHS; li++) {
                size_t n = length_at(li);
                char *a = (char *)src + sa, *b = (char *)dst + da;
                fill((unsigned char *)a, n, 11);
                memcpy(b, a, n);
                a[n] = b[n] = 0;
                a[n + 1] = 1; b[n + 1] = 2; /* past the terminator: must not count */
                cases++;
                if (strcmp(a, b) != 0 || strncmp(a, b, n) != 0 || strncmp(a, b, SIZE_MAX) != 0 || strncmp(a, b, n + 5) != 0)
                    fail("strcmp-equal", sa, da, (long)n, 0);
                if (n > 64 && da != ((sa * 5 + 3) & 15)) continue;
                for (size_t k = 0; k <= n; k++) {
                    if (n > 300 && k % 61 != 0 && k + 20 < n) continue;
                    char ka = a[k], kb = b[k];
                    if (k < n) { a[k] = (char)(k & 1 ? 0x7F : 0x80); b[k] = (char)(k & 1 ? 0x80 : 0x7F); }
                    else { a[k] = 'x'; } /* b ends first: a is greater */
                    int want = k < n && (k & 1) ? -1 : 1;
                    cases++;
                    if (sign(strcmp(a, b)) != want || sign(strcmp(b, a)) != -want) fail("strcmp", sa, da, (long)n, (long)k);
                    cases++;
                    if (sign(strncmp(a, b, k + 1)) != want || strncmp(a, b, k) != 0 || sign(strncmp(b, a, SIZE_MAX)) != -want)
                        fail("strncmp", sa, da, (long)n, (long)k);
                    a[k] = ka; b[k] = kb;
                }
            }
    report("strcmp/strncmp");
}

static void test_strcpy(void) {
    for (int sa = 0; sa < 16; sa++)
        for (int da = 0; da < 16; da++)
            for (int li = 0; li < NLENGTHS; li++) {
                size_t n = length_at(li);
                unsigned char *s = src + sa, *d = dst + da;
                fill(s, n, 13);
                s[n] = 0;
                memset(dst, 0xEE, n + 64);
                char *r = strcpy((char *)d, (char *)s);
                cases++;
                if (r != (char *)d) { fail("strcpy-return", sa, da, (long)n, 0); continue; }
                for (size_t i = 0; i <= n; i++) if (d[i] != s[i]) { fail("strcpy", sa, da, (long)n, (long)i); goto next; }
                for (size_t i = n + 1; i < n + 32; i++) if (d[i] != 0xEE) { fail("strcpy-after", sa, da, (long)n, (long)i); goto next; }
                for (int i = 0; i < da; i++) if (dst[i] != 0xEE) { fail("strcpy-before", sa, da, (long)n, i); goto next; }
            next:;
            }
    report("strcpy");
}

/* Data that ends with the last byte before the unmapped page, or starts at the first byte after one. */
static void test_page_edges(void) {
    unsigned char *end = data + SPAN, *start = data;
    for (size_t n = 0; n <= 300 + 4096; n += n < 300 ? 1 : 97) {
        /* strings of n bytes whose terminator is the last mapped byte */
        unsigned char *s = end - n - 1;
        fill(s, n, 17);
        s[n] = 0;
        cases++;
        if (strlen((char *)s) != n) fail("page-strlen", (long)n, 0, 0, 0);
        if (strnlen((char *)s, SIZE_MAX) != n) fail("page-strnlen", (long)n, 0, 0, 0);
        if (strchr((char *)s, 0xFF) != NULL || strrchr((char *)s, 0xFF) != NULL) fail("page-strchr", (long)n, 0, 0, 0);
        if (strchr((char *)s, 0) != (char *)s + n) fail("page-strchr-nul", (long)n, 0, 0, 0);
        if (n > 0 && strrchr((char *)s, s[0]) == NULL) fail("page-strrchr", (long)n, 0, 0, 0);
        /* n bytes ending at the last mapped byte (no terminator) */
        unsigned char *m = end - n;
        fill(m, n, 19);
        cases++;
        if (memchr(m, 0xFF, n) != NULL || (n > 0 && memchr(m, m[n - 1], n) == NULL)) fail("page-memchr", (long)n, 0, 0, 0);
        if (memchr(m, 0, n) != NULL) fail("page-memchr-0", (long)n, 0, 0, 0);
        /* the same n bytes at the start of the data, after the unmapped page before it */
        fill(start, n, 19);
        start[n] = 0;
        cases++;
        if (memcmp(m, start, n) != 0 || strlen((char *)start) != n || strncmp((char *)m, (char *)start, n) != 0) fail("page-memcmp", (long)n, 0, 0, 0);
        if (n > 0 && (memchr(start, start[n - 1], n) == NULL || strrchr((char *)start, start[0]) == NULL)) fail("page-start", (long)n, 0, 0, 0);
        /* two equal strings, both ending at the page end, and one ending there against one elsewhere */
        unsigned char *t = end - n - 1;
        fill(t, n, 17);
        t[n] = 0;
        unsigned char *u = src + (n & 15);
        memcpy(u, t, n + 1);
        cases++;
        if (strcmp((char *)t, (char *)u) != 0 || strcmp((char *)u, (char *)t) != 0 || strncmp((char *)t, (char *)u, SIZE_MAX) != 0)
            fail("page-strcmp", (long)n, 0, 0, 0);
        for (int sh = 1; sh < 20 && (size_t)sh <= n; sh++) {
            /* the same strings from later starts (other alignments against the page end) */
            cases++;
            if (strcmp((char *)t + sh, (char *)u + sh) != 0) fail("page-strcmp-shift", (long)n, sh, 0, 0);
        }
        /* copies reading up to the page end, and writing up to it */
        memset(dst, 0xEE, n + 64);
        memcpy(dst + 3, m, n);
        cases++;
        if (memcmp(dst + 3, m, n) != 0) fail("page-memcpy-from", (long)n, 0, 0, 0);
        memcpy(end - n, dst + 3, n);
        memmove(end - n, end - n, n);
        cases++;
        if (memcmp(end - n, dst + 3, n) != 0) fail("page-memcpy-to", (long)n, 0, 0, 0);
        memset(end - n, 0x33, n);
        cases++;
        for (size_t i = 0; i < n; i++) if (end[-(long)n + (long)i] != 0x33) { fail("page-memset", (long)n, (long)i, 0, 0); break; }
        fill(s, n, 23);
        s[n] = 0;
        strcpy((char *)dst, (char *)s);
        strcpy((char *)end - n - 1, (char *)dst);
        cases++;
        if (strcmp((char *)dst, (char *)s) != 0 || strcmp((char *)end - n - 1, (char *)dst) != 0) fail("page-strcpy", (long)n, 0, 0, 0);
    }
    report("page-edges");
}

int main(void) {
    unsigned char *map = mmap(NULL, 3 * SPAN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED) { printf("mmap failed\n"); return 1; }
    if (mprotect(map, SPAN, PROT_NONE) != 0 || mprotect(map + 2 * SPAN, SPAN, PROT_NONE) != 0) { printf("mprotect failed\n"); return 1; }
    data = map + SPAN;
    for (size_t i = 0; i < sizeof table; i++) table[i] = (unsigned char)(1 + (i * 7 + i / 251) % 250);
    static unsigned char srcbuf[16384] __attribute__((aligned(64))), dstbuf[16384] __attribute__((aligned(64))), bigbuf[65536];
    src = srcbuf; dst = dstbuf; big = bigbuf;
    test_memcpy();
    test_memmove();
    test_memset();
    test_memcmp();
    test_memchr();
    test_strlen();
    test_strchr();
    test_strcmp();
    test_strcpy();
    test_page_edges();
    return munmap(map, 3 * SPAN);
}
