/* printf's floating conversions, exact: %f %e %g %a (and F E G A) over edge values, every rounding boundary kind,
   subnormals, huge and tiny magnitudes, flags and widths; then a seeded sweep of random doubles as a checksum. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>

static const double values[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.125, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 123.456, 999.9995, 9.9999995,
    1e-5, 1.5e-5, 0.00001234, 123456789.0, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 1.7976931348623157e308,
    2.2250738585072014e-308, 4.9406564584124654e-324, 1e-300, 5e-324 * 3, 0.05, 0.15, 0.25, 0.35, 9.5, 10.5,
    1e100, 3.141592653589793, 2.718281828459045, 6.02214076e23, 1.602176634e-19, 299792458.0,
};

int main(void) {
    static const char *formats[] = {"%f", "%.0f", "%.1f", "%.3f", "%.17f", "%e", "%.0e", "%.3e", "%.16e", "%E",
                                    "%g", "%.0g", "%.1g", "%.3g", "%.17g", "%G", "%#g", "%#.0f", "%#.0e", "%a", "%.0a",
                                    "%.3a", "%A", "%+f", "% e", "%12.4f", "%-12.4e|", "%012.3f", "%+015.5g", "%#.3g"};
    char buf[512];
    for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
        printf("%s:", "v");
        for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
            snprintf(buf, sizeof buf, formats[f], values[v]);
            printf(" %s", buf);
        }
        printf("\n");
    }
    double inf = 1e308 * 10, nan = inf - inf;
    printf("[%f] [%F] [%e] [%g] [%a] [%-6f|] [%06f] [%+f] [%f]\n", inf, inf, -inf, inf, inf, inf, -inf, inf, nan);
    printf("[%.300f]\n", 1e-300);
    printf("[%.0f] [%f]\n", 1.7976931348623157e308, -1e22);
    /* A seeded sweep: random bit patterns (all finite) through %.17g, %e, %a, %.40f, hashed. */
    uint64_t x = 0x9E3779B97F4A7C15u, hash = 1469598103934665603u;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        uint64_t bits = x;
        if (((bits >> 52) & 0x7ff) == 0x7ff) continue;
        double d;
        memcpy(&d, &bits, sizeof d);
        int n = snprintf(buf, sizeof buf, "%.17g|%e|%a|%.40f|%g", d, d, d, d, d);
        for (int k = 0; k < n; k++) hash = (hash ^ (unsigned char)buf[k]) * 1099511628211u;
    }
    printf("sweep hash %016llx\n", (unsigned long long)hash);
    return 0;
}
