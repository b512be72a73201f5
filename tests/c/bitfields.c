// Bit-fields: packing, sign extension of signed fields, unsigned wrap-around, fields straddling a
// storage unit, zero-width fields, bit-fields in structs passed by value, and the layout sizes the
// three ABIs (SysV x86_64, AAPCS64, RISC-V psABI) agree on, and one where AAPCS64 differs.
// expect: sizes 4 8 16
// expect: zero-width field layout as the ABI says: yes
// expect: signed: -1 -8 7 -4
// expect: unsigned wrap: 0 15 1
// expect: straddle: 1023 4194303 5
// expect: by value: 3 -2 100
// expect: raw bits 0x0000002d
#include <stdio.h>
#include <string.h>

struct packed { unsigned a : 3, b : 5, c : 8, d : 16; };
struct straddle { unsigned long long lo : 10, mid : 22, hi : 3; };
struct zero { char a : 4; int : 0; char b : 4; };
struct mixed { signed int s3 : 3; signed int s4 : 4; unsigned u4 : 4; int big : 20; long long wide : 40; };

__attribute__((noinline)) static struct mixed bump(struct mixed m)
{
    m.s3 += 1;
    m.s4 -= 1;
    m.big *= 10;
    return m;
}

int main(void)
{
    printf("sizes %zu %zu %zu\n", sizeof(struct packed), sizeof(struct straddle), sizeof(struct mixed));
    /* An unnamed zero-width field starts a new unit; AAPCS64 also lets its declared type raise the
     * struct's alignment (so 8 bytes), SysV x86_64 and the RISC-V psABI do not (5 bytes). */
#if defined(__aarch64__)
    const size_t zero_size = 8;
#else
    const size_t zero_size = 5;
#endif
    printf("zero-width field layout as the ABI says: %s\n", sizeof(struct zero) == zero_size ? "yes" : "no");

    volatile struct mixed m = {0};
    m.s3 = 7;   /* 3-bit signed: 7 reads back as -1 */
    m.s4 = -8;
    m.u4 = 7;
    m.big = -4;
    printf("signed: %d %d %d %d\n", m.s3, m.s4, m.u4, m.big);

    volatile struct packed p = {0};
    p.a = 7;
    p.a += 1;   /* wraps to 0 */
    p.b = 31;
    p.b -= 16;
    p.c = 255;
    p.c += 2;   /* 1 */
    printf("unsigned wrap: %u %u %u\n", p.a, p.b, p.c);

    struct straddle s = {0};
    s.lo = ~0ull;
    s.mid = ~0ull;
    s.hi = 5;
    printf("straddle: %llu %llu %llu\n", (unsigned long long)s.lo, (unsigned long long)s.mid, (unsigned long long)s.hi);

    struct mixed in = {2, -1, 0, 10, 0};
    struct mixed out = bump(in);
    printf("by value: %d %d %d\n", out.s3, out.s4, out.big);

    struct packed q = {5, 5, 0, 0}; /* a = 0b101, b = 0b00101 -> bits 0..7 = 0b00101101 */
    unsigned raw;
    memcpy(&raw, &q, sizeof raw);
    printf("raw bits 0x%08x\n", raw);
    return 0;
}
