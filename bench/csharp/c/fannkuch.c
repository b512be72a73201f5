/* fannkuch-redux, the same algorithm as kernels/fannkuch.cs, for clang-19 -O2. */
#include <stdio.h>
#define N 10
int main(void) {
    int perm[N], perm1[N], count[N];
    for (int i = 0; i < N; i++) perm1[i] = i;
    int max_flips = 0, checksum = 0, perm_count = 0, r = N;
    for (;;) {
        while (r != 1) { count[r - 1] = r; r--; }
        for (int i = 0; i < N; i++) perm[i] = perm1[i];
        int flips = 0, k;
        while ((k = perm[0]) != 0) {
            int k2 = (k + 1) >> 1;
            for (int i = 0; i < k2; i++) { int t = perm[i]; perm[i] = perm[k - i]; perm[k - i] = t; }
            flips++;
        }
        if (flips > max_flips) max_flips = flips;
        checksum += (perm_count & 1) == 0 ? flips : -flips;
        for (;;) {
            if (r == N) { printf("fannkuch %d %d\n", checksum, max_flips); return 0; }
            int perm0 = perm1[0];
            for (int i = 0; i < r; i++) perm1[i] = perm1[i + 1];
            perm1[r] = perm0;
            if (--count[r] > 0) break;
            r++;
        }
        perm_count++;
    }
}
