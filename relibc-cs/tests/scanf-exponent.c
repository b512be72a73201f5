/* C17 7.21.6.2 EXAMPLE 3: "100ergs of energy" does not match %f ("100e" is not a number and fscanf pushes back only
   one byte), so the count is 0; the same for an exponent with no digits. glibc accepts the prefix (quarantine.txt). */
#include <stdio.h>

int main(void) {
    float quant = -1;
    char units[21] = "-", item[21] = "-";
    int count = sscanf("100ergs of energy", "%f%20s of %20s", &quant, units, item);
    printf("100ergs: count %d, quant %g, units %s, item %s\n", count, quant, units, item);
    double d = -1;
    int n = -1;
    count = sscanf("1e+", "%lf", &d);
    printf("1e+: count %d, d %g\n", count, d);
    count = sscanf("1e+x", "%lf%n", &d, &n);
    printf("1e+x: count %d, d %g, n %d\n", count, d, n);
    count = sscanf("2.5e-7", "%lf", &d);
    printf("2.5e-7: count %d, d %g\n", count, d);
    return 0;
}
