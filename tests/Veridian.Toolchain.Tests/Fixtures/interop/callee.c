#include <stdarg.h>
#include "abi.h"
struct s1 mk1(int v) { struct s1 s = { (char)v }; return s; }
struct s2 mk2(int v) { struct s2 s = { (short)(v * 2) }; return s; }
struct s3 mk3(int v) { struct s3 s = { { (char)v, (char)(v + 1), (char)(v + 2) } }; return s; }
struct s8 mk8(int v) { struct s8 s = { v, -v }; return s; }
struct s12 mk12(int v) { struct s12 s = { v, v * 2, v * 3 }; return s; }
struct s16 mk16(int v) { struct s16 s = { v, (int64_t)v << 40 }; return s; }
struct s24 mk24(int v) { struct s24 s = { v, v + 1, (int64_t)v << 33 }; return s; }
struct sd mkd(double v) { struct sd s = { v, v / 4 }; return s; }
struct sf3 mkf3(float v) { struct sf3 s = { v, v * 2, v * 3 }; return s; }
struct mixed mkmixed(int v) { struct mixed m = { (char)v, v * 0.5, v * 7 }; return m; }
int64_t sum_all(struct s1 a, struct s2 b, struct s3 c, struct s8 d, struct s12 e, struct s16 f, struct s24 g, struct sd h, struct sf3 i, struct mixed j)
{
    return a.a + b.a + c.a[0] + c.a[1] + c.a[2] + d.a + d.b + e.a + e.b + e.c + f.a + (f.b >> 40) + g.a + g.b + (g.c >> 33)
        + (int64_t)(h.x + h.y) + (int64_t)(i.a + i.b + i.c) + j.c + (int64_t)j.d + j.i;
}
long double ld_mul(long double a, long double b) { return a * b; }
__int128 i128_mul(__int128 a, __int128 b) { return a * b; }
double varsum(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    double s = 0;
    for (int k = 0; k < n; k++)
        s += (k & 1) ? va_arg(ap, double) : (double)va_arg(ap, int);
    va_end(ap);
    return s;
}
