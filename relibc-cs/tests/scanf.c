/* The scanf family: every conversion, widths, suppression, length modifiers, scansets, %n, literal matching,
   failures (matching vs input), and the return value; sscanf, fscanf on a file, vsscanf. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void ints(const char *in, const char *fmt) {
    int a = -1, b = -1, c = -1;
    int r = sscanf(in, fmt, &a, &b, &c);
    printf("[%s] %-14s -> %2d: %d %d %d\n", in, fmt, r, a, b, c);
}

static void floats(const char *in, const char *fmt) {
    double d = -1;
    float f = -1;
    int n = -1;
    int r = sscanf(in, fmt, &d, &f, &n);
    printf("[%s] %-12s -> %2d: %a %a %d\n", in, fmt, r, d, (double)f, n);
}

static int vs(const char *in, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = vsscanf(in, fmt, ap);
    va_end(ap);
    return r;
}

int main(void) {
    ints("12 34 56", "%d %d %d");
    ints("12,34,56", "%d,%d,%d");
    ints("12 ,34", "%d , %d");
    ints("-7 +8 0", "%d%d%d");
    ints("0x1f 017 10", "%i %i %i");
    ints("1f 17 ff", "%x %o %X");
    ints("12345", "%2d%3d%d");
    ints("abc", "%d");
    ints("", "%d");
    ints("   ", "%d");
    ints("5 abc", "%d %d");
    ints("5", "%d %d");
    ints("7 8", "%*d %d");
    ints("4294967295", "%u");
    ints("-1", "%u");
    ints("x5", "x%d");
    ints("y5", "x%d");
    ints("100%", "%d%%");
    ints("0x", "%x");
    ints("0xg", "%i");
    ints("-", "%d");
    ints("+", "%d %d");

    floats("3.25", "%lf");
    floats("1e10 2.5", "%lf %f");
    floats("0x1.8p3 -0x.4p-2", "%lf %f");
    floats("inf -nan", "%lf %f");
    floats("infinity NaN(123)", "%lf %f");
    floats(".5 5.", "%lf %f");
    floats(".", "%lf");
    floats("123456789", "%4lf%3f%n");
    floats("  -0.0e0", "%lf");
    floats("2.2250738585072011e-308", "%lf");
    floats("1.00000000000000011102230246251565404236316680908203125", "%lf");
    floats("in", "%lf");

    char s1[32] = "-", s2[32] = "-", c3[4] = "---";
    int r = sscanf("hello world  again", "%s %5s %3c", s1, s2, c3);
    printf("strings: %d [%s] [%s] [%.3s]\n", r, s1, s2, c3);
    r = sscanf("abc123def", "%[a-z]%[0-9]%[^x]", s1, s2, c3);
    printf("scansets: %d [%s] [%s] [%s]\n", r, s1, s2, c3);
    r = sscanf("]]a-b", "%[]]%[-a]", s1, s2);
    printf("scanset ]: %d [%s] [%s]\n", r, s1, s2);
    r = sscanf("xyz", "%[0-9]", s1);
    printf("empty scanset match: %d\n", r);
    int n1 = -1, n2 = -1, v = -1;
    r = sscanf("  42  rest", " %n%d%n", &n1, &v, &n2);
    printf("%%n: %d %d %d %d\n", r, n1, v, n2);
    char ch1 = 0, ch2 = 0;
    r = sscanf(" ab", "%c%c", &ch1, &ch2);
    printf("%%c keeps space: %d [%c][%c]\n", r, ch1, ch2);
    signed char hh = 0; short h = 0; long l = 0; long long ll = 0; size_t z = 0; void *p = 0;
    r = sscanf("300 70000 -5000000000 123456789012 77 0x1234", "%hhd %hd %ld %lld %zu %p", &hh, &h, &l, &ll, &z, &p);
    printf("lengths: %d %d %d %ld %lld %zu %p\n", r, hh, h, l, ll, z, p);
    int a = 0, b = 0;
    r = vs("9:10", "%d:%d", &a, &b);
    printf("vsscanf: %d %d %d\n", r, a, b);

    FILE *f = fopen("scanf.tmp", "w+");
    fputs("10 20 thirty\n1.5 rest", f);
    rewind(f);
    int x = 0, y = 0;
    char word[16] = "";
    double d = 0;
    r = fscanf(f, "%d %d %15s %lf", &x, &y, word, &d);
    int next = fgetc(f);
    printf("fscanf: %d %d %d %s %g, next byte '%c'\n", r, x, y, word, d, next);
    r = fscanf(f, "%d", &x);
    printf("fscanf matching failure: %d, next byte '%c'\n", r, fgetc(f));
    fclose(f);
    remove("scanf.tmp");
    return 0;
}
