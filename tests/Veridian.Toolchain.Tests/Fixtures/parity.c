/* A translation unit with loops, structs, floating point, a switch table and vectorisable code: the pipeline's
   object must disassemble exactly like clang-19's for the same flags. */
#include <stddef.h>
#include <stdint.h>

struct point { double x, y; };
struct big { int64_t a, b, c, d; };

static int table(int k)
{
    switch (k) {
    case 0: return 11; case 1: return 23; case 2: return 37; case 3: return 41;
    case 4: return 53; case 5: return 67; case 6: return 79; default: return -1;
    }
}

#if !defined(__aarch64__) || defined(__ARM_FP) /* aarch64 kernels have no FP registers */
double dot(const struct point *p, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += p[i].x * p[i].y;
    return s;
}

void saxpy(float *restrict y, const float *restrict x, float a, int n)
{
    for (int i = 0; i < n; i++)
        y[i] = a * x[i] + y[i];
}

#endif

struct big make_big(int64_t seed)
{
    struct big b = { seed, seed * 3, seed ^ 0x55, seed >> 2 };
    return b;
}

uint64_t fib(unsigned n)
{
    uint64_t a = 0, b = 1;
    while (n--) { uint64_t t = a + b; a = b; b = t; }
    return a;
}

int mix(int k, const char *s)
{
    int h = table(k & 7);
    while (*s)
        h = h * 31 + *s++;
    return h;
}

_Thread_local int counter;
int bump(void) { return ++counter; }
