/* strtod/strtof, exact: decimal and hex inputs at rounding boundaries (halfway cases with and without a tail, long
   inputs, subnormals, overflow/underflow with errno), inf/nan spellings, end pointers; then a seeded round trip of
   random doubles and floats through "%.17g", "%a" and long "%.40e" forms, hashed. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static void d(const char *s) {
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    int e = errno;
    errno = 0;
    float f = strtof(s, NULL);
    int ef = errno;
    printf("%-46s %a %.17g errno %d rest \"%s\" | f %a errno %d\n", s, v, v, e, end, (double)f, ef);
}

int main(void) {
    static const char *inputs[] = {
        "0", "-0", "1", "0.1", "0.2", "0.3", "1e23", "8.5", "1.7976931348623157e308", "1.7976931348623158e308",
        "1.7976931348623159e308", "1e309", "-1e400", "2.2250738585072014e-308", "2.2250738585072011e-308",
        "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "123456789012345678901234567890",
        "9007199254740993", "9007199254740993.0000000000000000000000001", "9007199254740995", "0.000001", "  +3.14159xyz",
        "1e", "1e+", ".5", "5.", ".", "-", "e5", "0x1p0", "0x1.8p1", "0X.8P-1", "0x1.fffffffffffff8p0", "0x1.fffffffffffff7p0",
        "0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x1p1024", "0xg", "inf", "-INF", "Infinity", "infinit", "nan",
        "NaN(123abc)", "nan(", "1.00000005960464477539062", "3.4028235677973366e38", "3.4028235677973367e38", "1.4e-45",
        "7.0064923216240854e-46", "0.0000000000000000000000000000000000000000000000000000000000001e61",
        "2.225073858507201136057409796709131975934819546351645648023426109724822222021076945516529523908135087914149158913039621106870086438694594645527657207407820621743379988141063267329253552286881372149012981122451451889849057222307285255133155755015914397476397983411801999323962548289017107081850690630666655994938275772572015763062690663332647565300009245888316433037779791869612049497390377829704905051080609940730262937128958950003583799967207254304360284078895771796150945516748243471030702609144621572289880258182545180325707018860872113128079512233426288368622321503775666622503982534335974568884423900265498198385487948292206894721689831099698365846814022854243330660339850886445804001034933970427567186443383770486037861622771738545623065874679014086723327636718749999999999999999999999999999999999999e-308",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) d(inputs[i]);
    uint64_t x = 0x2545F4914F6CDD1Du, hash = 1469598103934665603u;
    char buf[128];
    int mismatches = 0;
    for (int i = 0; i < 3000; i++) {
        x ^= x >> 12; x ^= x << 25; x ^= x >> 27;
        uint64_t bits = x * 2685821657736338717u;
        if (((bits >> 52) & 0x7ff) == 0x7ff) continue;
        double v, back;
        memcpy(&v, &bits, sizeof v);
        const char *forms[] = {"%.17g", "%a", "%.40e", "%.16e"};
        for (int k = 0; k < 4; k++) {
            snprintf(buf, sizeof buf, forms[k], v);
            back = strtod(buf, NULL);
            uint64_t b2;
            memcpy(&b2, &back, sizeof b2);
            hash = (hash ^ b2) * 1099511628211u;
            if (k != 3 && b2 != bits) mismatches++;
        }
        float f;
        uint32_t fb = (uint32_t)(bits >> 32);
        if (((fb >> 23) & 0xff) == 0xff) continue;
        memcpy(&f, &fb, sizeof f);
        snprintf(buf, sizeof buf, "%.9g", (double)f);
        float fback = strtof(buf, NULL);
        uint32_t fb2;
        memcpy(&fb2, &fback, sizeof fb2);
        hash = (hash ^ fb2) * 1099511628211u;
        mismatches += fb2 != fb;
    }
    printf("round trips: hash %016llx, mismatches %d\n", (unsigned long long)hash, mismatches);
    return 0;
}
