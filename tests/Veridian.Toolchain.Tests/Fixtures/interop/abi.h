/* Types of every size class crossing the object boundary (compiled by us on one side, clang-19/gcc on the other). */
#include <stdint.h>
struct s1 { char a; };
struct s2 { short a; };
struct s3 { char a[3]; };
struct s8 { int a, b; };
struct s12 { int a, b, c; };
struct s16 { int64_t a, b; };
struct s24 { int64_t a, b, c; };
struct sd { double x, y; };
struct sf3 { float a, b, c; };
struct mixed { char c; double d; int i; };

struct s1 mk1(int v);
struct s2 mk2(int v);
struct s3 mk3(int v);
struct s8 mk8(int v);
struct s12 mk12(int v);
struct s16 mk16(int v);
struct s24 mk24(int v);
struct sd mkd(double v);
struct sf3 mkf3(float v);
struct mixed mkmixed(int v);
int64_t sum_all(struct s1, struct s2, struct s3, struct s8, struct s12, struct s16, struct s24, struct sd, struct sf3, struct mixed);
long double ld_mul(long double a, long double b);
__int128 i128_mul(__int128 a, __int128 b);
double varsum(int n, ...);
