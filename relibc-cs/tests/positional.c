/* %n$ and *m$ positional arguments (XSI) in the printf and scanf families: reordered and repeated arguments of every
   kind, positional widths and precisions, more than 32 positions, and the v* forms. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int vp(char *buffer, size_t n, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    int r = vsnprintf(buffer, n, format, ap);
    va_end(ap);
    return r;
}

static int vs(const char *text, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    int r = vsscanf(text, format, ap);
    va_end(ap);
    return r;
}

int main(void) {
    printf("%2$s %1$s\n", "world", "hello");
    printf("%1$d %1$x %1$o %1$#X|%2$5.2f|%3$-6s|%4$c|%5$lld|%6$p\n", 255, 3.14159, "ab", 'z', -1234567890123LL, (void *)0x1234);
    printf("%3$*1$.*2$f|%4$*1$d|%5$-*1$s|\n", 10, 3, 2.718281828, 42, "x");
    printf("%2$hhd %1$hd %3$zu %4$lu %5$e %6$g %7$a\n", (short)-300, 300, (size_t)77, 88UL, 1e-300, 0.0001, 1.0);
    int n1 = 0, n2 = 0;
    printf("%1$s%2$n-%3$s%4$n\n", "abc", &n1, "defg", &n2);
    printf("counts %d %d\n", n1, n2);
    printf("100%% %1$d%%\n", 7);
    char buffer[200];
    int r = snprintf(buffer, 8, "%2$s-%1$s", "first", "second");
    printf("snprintf %d \"%s\"\n", r, buffer);
    r = vp(buffer, sizeof buffer, "%3$d %2$d %1$d", 1, 2, 3);
    printf("vsnprintf %d \"%s\"\n", r, buffer);
    r = sprintf(buffer, "%40$d %1$d %2$d %3$d %4$d %5$d %6$d %7$d %8$d %9$d %10$d %11$d %12$d %13$d %14$d %15$d %16$d %17$d "
                        "%18$d %19$d %20$d %21$d %22$d %23$d %24$d %25$d %26$d %27$d %28$d %29$d %30$d %31$d %32$d %33$d "
                        "%34$d %35$d %36$d %37$d %38$d %39$d",
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
                32, 33, 34, 35, 36, 37, 38, 39, 40);
    printf("40 positions (%d): %s\n", r, buffer);
    r = snprintf(buffer, sizeof buffer, "%2$.*1$f %3$.*1$e", 2, 1.0 / 3, 2.0 / 3);
    printf("shared precision (%d): %s\n", r, buffer);

    int a = 0, b = 0;
    char word[16] = "";
    double d = 0;
    r = sscanf("12 34 word 2.5", "%2$d %1$d %4$s %3$lf", &a, &b, &d, word);
    printf("sscanf %d: a=%d b=%d d=%g word=%s\n", r, a, b, d, word);
    long l = 0;
    short h = 0;
    char c = 0;
    r = sscanf("x=-7 y=65000000000 z=Q", "x=%3$hd y=%1$ld z=%2$c", &l, &c, &h);
    printf("sscanf %d: h=%d l=%ld c=%c\n", r, h, l, c);
    int consumed = -1;
    r = sscanf("  99 skip 5", "%1$d %*s %3$d%2$n", &a, &consumed, &b);
    printf("sscanf %d: %d %d consumed %d\n", r, a, b, consumed);
    char set[16] = "";
    r = vs("abc123", "%2$[a-z]%1$d", &a, set);
    printf("vsscanf %d: set=%s a=%d\n", r, set, a);
    return 0;
}
