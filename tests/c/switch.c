// switch statements: dense cases (jump tables), sparse cases (binary search / compare chains), a
// table-lookup switch on strings' first bytes, fall-through, negative and 64-bit case values, and a
// switch that LLVM turns into a lookup table of constants.
// expect: dense: 0 10 21 32 43 54 65 76 87 98 -1 -1
// expect: sparse: a b c d e ? ? x
// expect: fallthrough: 7 6 4 0
// expect: wide: neg min max big other
// expect: lookup sum: 1735
// expect: words: 3 apples, 2 bananas, 1 cherries, 2 other
#include <limits.h>
#include <stdio.h>

__attribute__((noinline)) static int dense(int x)
{
    switch (x) {
    case 0: return 0;
    case 1: return 10;
    case 2: return 21;
    case 3: return 32;
    case 4: return 43;
    case 5: return 54;
    case 6: return 65;
    case 7: return 76;
    case 8: return 87;
    case 9: return 98;
    default: return -1;
    }
}

__attribute__((noinline)) static char sparse(long x)
{
    switch (x) {
    case 1: return 'a';
    case 100: return 'b';
    case 1000: return 'c';
    case 65536: return 'd';
    case 1000000: return 'e';
    case 2000000000: return 'x';
    default: return '?';
    }
}

__attribute__((noinline)) static int fallthrough(int x)
{
    int r = 0;
    switch (x) {
    case 3: r += 1; /* fall through */
    case 2: r += 2; /* fall through */
    case 1: r += 4; break;
    default: break;
    }
    return r;
}

__attribute__((noinline)) static const char *wide(long long x)
{
    switch (x) {
    case -5: return "neg";
    case LLONG_MIN: return "min";
    case LLONG_MAX: return "max";
    case 0x100000000LL: return "big";
    default: return "other";
    }
}

__attribute__((noinline)) static int table(unsigned x)
{
    switch (x) {
    case 0: return 13;
    case 1: return 171;
    case 2: return 42;
    case 3: return 999;
    case 4: return 7;
    case 5: return 503;
    default: return 0;
    }
}

int main(void)
{
    printf("dense:");
    for (int i = 0; i < 12; ++i)
        printf(" %d", dense(i == 11 ? -3 : i));
    printf("\nsparse:");
    long keys[] = {1, 100, 1000, 65536, 1000000, 2, 999999, 2000000000};
    for (unsigned i = 0; i < sizeof keys / sizeof keys[0]; ++i)
        printf(" %c", sparse(keys[i]));
    printf("\nfallthrough: %d %d %d %d\n", fallthrough(3), fallthrough(2), fallthrough(1), fallthrough(9));
    printf("wide: %s %s %s %s %s\n", wide(-5), wide(LLONG_MIN), wide(LLONG_MAX), wide(0x100000000LL), wide(5));
    int sum = 0;
    for (unsigned i = 0; i < 8; ++i)
        sum += table(i);
    printf("lookup sum: %d\n", sum);

    const char *words[] = {"apple", "banana", "cherry", "apple", "date", "banana", "apple", "elder"};
    int counts[4] = {0};
    for (unsigned i = 0; i < sizeof words / sizeof words[0]; ++i) {
        switch (words[i][0]) {
        case 'a': counts[0]++; break;
        case 'b': counts[1]++; break;
        case 'c': counts[2]++; break;
        default: counts[3]++; break;
        }
    }
    printf("words: %d apples, %d bananas, %d cherries, %d other\n", counts[0], counts[1], counts[2], counts[3]);
    return 0;
}
