/* The v* printf functions (a C variadic wrapper passes its va_list on, after reading an argument itself) and dprintf. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int logf_(FILE *f, const char *prefix, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    fputs(prefix, f);
    int n = vfprintf(f, format, ap);
    va_end(ap);
    return n;
}

static int skip_first(char *out, size_t size, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    int skipped = va_arg(ap, int);
    int n = vsnprintf(out, size, format, ap);
    va_end(ap);
    return n * 1000 + skipped;
}

static int twice(const char *format, ...) {
    va_list ap, copy;
    va_start(ap, format);
    va_copy(copy, ap);
    char a[64], b[64];
    vsprintf(a, format, ap);
    vsprintf(b, format, copy);
    va_end(copy);
    va_end(ap);
    return printf("twice: [%s] [%s] %s\n", a, b, strcmp(a, b) == 0 ? "same" : "DIFFERENT");
}

static int to_stdout(const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    int n = vprintf(format, ap);
    va_end(ap);
    return n;
}

static int to_fd(int fd, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    int n = vdprintf(fd, format, ap);
    va_end(ap);
    return n;
}

int main(void) {
    int n = logf_(stdout, "log: ", "%d %s %.3f %c %lld %p|%-6s|%+05d\n", 42, "text", 3.14159, 'x', -9000000000LL, (void *)0, "ab", 7);
    printf("logf returned %d\n", n);
    char buf[16];
    int r = skip_first(buf, sizeof buf, "%s-%d-%g-%lu-%x", 99, "abcdefgh", 12345, 0.5, 123456789UL, 255u);
    printf("vsnprintf: [%s] returned %d, skipped %d\n", buf, r / 1000, r % 1000);
    r = skip_first(NULL, 0, "%d %d %d %d %d %d %d %d %d %d %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f",
                   5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5);
    printf("vsnprintf(NULL, 0) with 20 arguments: %d\n", r / 1000);
    twice("%s %d %e", "pi", 3, 3.14159);
    fflush(stdout);
    n = to_stdout("vprintf: %05.1f %o %#x\n", 2.25, 8, 255);
    fflush(stdout);
    int d = dprintf(STDOUT_FILENO, "dprintf: %s %d %08.3e\n", "fd", 1, 12345.678);
    int v = to_fd(STDOUT_FILENO, "vdprintf: %*d|%-*d|\n", 5, 42, 4, 7);
    printf("returned %d %d %d\n", n, d, v);
    char big[2000];
    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = 0;
    d = dprintf(STDOUT_FILENO, "%s\n", big);
    printf("dprintf of %zu bytes returned %d; to a closed descriptor %d\n", strlen(big) + 1, d, dprintf(99, "x"));
    return 0;
}
