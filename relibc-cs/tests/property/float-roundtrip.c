/* The printf/strtod property test (docs/relibc.md, "Tests"): N random doubles and N random floats (bit patterns from
   a fixed-seed xorshift, every finite value class) through %.17g, %a, %e and %f, and back through strtod/strtof.
   Prints a hash of every byte printed and every bit pattern read back, and the count of round trips that lost a bit;
   the test runs it against relibc-cs and glibc and wants the same line. Usage: float-roundtrip N */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000;
    uint64_t x = 0x853C49E6748FEA9Bu, hash = 1469598103934665603u;
    long lost = 0;
    char buf[400];
    for (long i = 0; i < n; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        uint64_t bits = x;
        if (((bits >> 52) & 0x7ff) == 0x7ff) bits ^= 1ull << 62; /* keep it finite */
        double v;
        memcpy(&v, &bits, sizeof v);
        static const char *forms[] = {"%.17g", "%a", "%e", "%f"};
        for (int k = 0; k < 4; k++) {
            int len = snprintf(buf, sizeof buf, forms[k], v);
            for (int j = 0; j < len && j < (int)sizeof buf - 1; j++) hash = (hash ^ (unsigned char)buf[j]) * 1099511628211u;
            if (k < 2) {
                double back = strtod(buf, NULL);
                uint64_t b;
                memcpy(&b, &back, sizeof b);
                hash = (hash ^ b) * 1099511628211u;
                lost += b != bits;
            }
        }
        uint32_t fb = (uint32_t)(x >> 17);
        if (((fb >> 23) & 0xff) == 0xff) fb ^= 1u << 30;
        float f;
        memcpy(&f, &fb, sizeof f);
        int len = snprintf(buf, sizeof buf, "%.9g", (double)f);
        for (int j = 0; j < len; j++) hash = (hash ^ (unsigned char)buf[j]) * 1099511628211u;
        float fback = strtof(buf, NULL);
        uint32_t b;
        memcpy(&b, &fback, sizeof b);
        hash = (hash ^ b) * 1099511628211u;
        lost += b != fb;
    }
    printf("%ld doubles and floats: hash %016llx, round trips that lost a bit: %ld\n", n, (unsigned long long)hash, lost);
    return 0;
}
