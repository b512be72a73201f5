/* mandelbrot, the same algorithm as kernels/mandelbrot.cs (a checksum instead of a PBM), for clang-19 -O2. */
#include <stdio.h>
#define N 4000
int main(void) {
    unsigned long long sum = 0;
    for (int y = 0; y < N; y++) {
        double ci = 2.0 * y / N - 1.0;
        int bits = 0, bit = 0;
        for (int x = 0; x < N; x++) {
            double cr = 2.0 * x / N - 1.5, zr = 0, zi = 0, tr = 0, ti = 0;
            for (int i = 0; i < 50 && tr + ti <= 4.0; i++) { zi = 2.0 * zr * zi + ci; zr = tr - ti + cr; tr = zr * zr; ti = zi * zi; }
            bits = (bits << 1) | (tr + ti <= 4.0 ? 1 : 0);
            if (++bit == 8) { sum = sum * 31 + (unsigned long long)bits; bits = 0; bit = 0; }
        }
        if (bit != 0) sum = sum * 31 + (unsigned long long)(bits << (8 - bit));
    }
    printf("mandelbrot %llu\n", sum);
    return 0;
}
