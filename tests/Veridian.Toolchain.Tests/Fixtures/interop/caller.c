#include <stdio.h>
#include "abi.h"
int main(void)
{
    int64_t total = sum_all(mk1(1), mk2(2), mk3(3), mk8(4), mk12(5), mk16(6), mk24(7), mkd(8.0), mkf3(1.5f), mkmixed(9));
    long double ld = ld_mul(1.5L, 3.0L);
    __int128 big = i128_mul((__int128)1 << 70, 3);
    double vs = varsum(4, 1, 2.5, 3, 4.25);
    printf("total=%lld ld=%.2Lf big_hi=%llu vs=%.2f\n", (long long)total, ld, (unsigned long long)(big >> 64), vs);
    return 0;
}
