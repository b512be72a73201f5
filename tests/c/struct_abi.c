// Structs passed and returned by value in every size class the three ABIs distinguish: 1..8 bytes
// (one register), 9..16 (two registers), >16 (memory / by reference), odd sizes, floating-point
// aggregates (x86_64 SSE class, AArch64 HFA/HVA, RISC-V FP calling convention), mixed int+float,
// long double members, and many arguments so that some go on the stack. noinline keeps the calls real.
// expect: s1 1 -> 2
// expect: s2 1,2 -> 2,3
// expect: s3 1,2,3 -> 2,3,4
// expect: s4 1 -> 2
// expect: s5 1,2,3,4,5 -> 2,3,4,5,6
// expect: s7 1..7 -> 2..8 sum 35
// expect: s8 1 -> 2
// expect: s12 1,2,3 -> 2,3,4
// expect: s16 1,2 -> 2,3
// expect: s17 sum 153 -> 170
// expect: s24 1,2,3 -> 2,3,4
// expect: s32 1,2,3,4 -> 2,3,4,5
// expect: f2 1.5,2.5 -> 3.0,5.0
// expect: d2 1.5,2.5 -> 3.0,5.0
// expect: f4 1,2,3,4 -> 2,4,6,8
// expect: d4 1,2,3,4 -> 2,4,6,8
// expect: fi 7,1.5 -> 8,3.0
// expect: id 7,1.5 -> 8,3.0
// expect: ld 2.5 -> 5.0
// expect: stack 1 2 3 4 5 6 7 8 9 10 -> 55, 12.5
#include <stdio.h>

#define NI __attribute__((noinline))

struct s1 { char a; };
struct s2 { char a, b; };
struct s3 { char a, b, c; };
struct s4 { int a; };
struct s5 { char a[5]; };
struct s7 { char a[7]; };
struct s8 { long a; };
struct s12 { int a, b, c; };
struct s16 { long a, b; };
struct s17 { char a[17]; };
struct s24 { long a, b, c; };
struct s32 { long a, b, c, d; };
struct f2 { float a, b; };
struct d2 { double a, b; };
struct f4 { float a, b, c, d; };
struct d4 { double a, b, c, d; };
struct fi { int a; float b; };
struct id { long a; double b; };
struct ld { long double a; };

NI struct s1 inc1(struct s1 s) { s.a++; return s; }
NI struct s2 inc2(struct s2 s) { s.a++; s.b++; return s; }
NI struct s3 inc3(struct s3 s) { s.a++; s.b++; s.c++; return s; }
NI struct s4 inc4(struct s4 s) { s.a++; return s; }
NI struct s5 inc5(struct s5 s) { for (int i = 0; i < 5; ++i) s.a[i]++; return s; }
NI struct s7 inc7(struct s7 s) { for (int i = 0; i < 7; ++i) s.a[i]++; return s; }
NI struct s8 inc8(struct s8 s) { s.a++; return s; }
NI struct s12 inc12(struct s12 s) { s.a++; s.b++; s.c++; return s; }
NI struct s16 inc16(struct s16 s) { s.a++; s.b++; return s; }
NI struct s17 inc17(struct s17 s) { for (int i = 0; i < 17; ++i) s.a[i]++; return s; }
NI struct s24 inc24(struct s24 s) { s.a++; s.b++; s.c++; return s; }
NI struct s32 inc32(struct s32 s) { s.a++; s.b++; s.c++; s.d++; return s; }
NI struct f2 dbl_f2(struct f2 s) { s.a *= 2; s.b *= 2; return s; }
NI struct d2 dbl_d2(struct d2 s) { s.a *= 2; s.b *= 2; return s; }
NI struct f4 dbl_f4(struct f4 s) { s.a *= 2; s.b *= 2; s.c *= 2; s.d *= 2; return s; }
NI struct d4 dbl_d4(struct d4 s) { s.a *= 2; s.b *= 2; s.c *= 2; s.d *= 2; return s; }
NI struct fi mix_fi(struct fi s) { s.a++; s.b *= 2; return s; }
NI struct id mix_id(struct id s) { s.a++; s.b *= 2; return s; }
NI struct ld dbl_ld(struct ld s) { s.a *= 2; return s; }

NI double stack_args(struct s8 a, struct s16 b, struct d2 c, struct s24 d, struct f2 e, struct s4 f, struct s12 g, long h,
                     double *out)
{
    *out = c.a + c.b + e.a + e.b + 1.5;
    return (double)(a.a + b.a + b.b + d.a + d.b + d.c + f.a + g.a + g.b + g.c - 11 + h);
}

int main(void)
{
    struct s1 a1 = inc1((struct s1){1});
    printf("s1 1 -> %d\n", a1.a);
    struct s2 a2 = inc2((struct s2){1, 2});
    printf("s2 1,2 -> %d,%d\n", a2.a, a2.b);
    struct s3 a3 = inc3((struct s3){1, 2, 3});
    printf("s3 1,2,3 -> %d,%d,%d\n", a3.a, a3.b, a3.c);
    struct s4 a4 = inc4((struct s4){1});
    printf("s4 1 -> %d\n", a4.a);
    struct s5 a5 = inc5((struct s5){{1, 2, 3, 4, 5}});
    printf("s5 1,2,3,4,5 -> %d,%d,%d,%d,%d\n", a5.a[0], a5.a[1], a5.a[2], a5.a[3], a5.a[4]);
    struct s7 a7 = inc7((struct s7){{1, 2, 3, 4, 5, 6, 7}});
    int sum7 = 0;
    for (int i = 0; i < 7; ++i)
        sum7 += a7.a[i];
    printf("s7 1..7 -> %d..%d sum %d\n", a7.a[0], a7.a[6], sum7);
    struct s8 a8 = inc8((struct s8){1});
    printf("s8 1 -> %ld\n", a8.a);
    struct s12 a12 = inc12((struct s12){1, 2, 3});
    printf("s12 1,2,3 -> %d,%d,%d\n", a12.a, a12.b, a12.c);
    struct s16 a16 = inc16((struct s16){1, 2});
    printf("s16 1,2 -> %ld,%ld\n", a16.a, a16.b);
    struct s17 in17;
    int sum17 = 0;
    for (int i = 0; i < 17; ++i) {
        in17.a[i] = (char)(i + 1);
        sum17 += i + 1;
    }
    struct s17 a17 = inc17(in17);
    int out17 = 0;
    for (int i = 0; i < 17; ++i)
        out17 += a17.a[i];
    printf("s17 sum %d -> %d\n", sum17, out17);
    struct s24 a24 = inc24((struct s24){1, 2, 3});
    printf("s24 1,2,3 -> %ld,%ld,%ld\n", a24.a, a24.b, a24.c);
    struct s32 a32 = inc32((struct s32){1, 2, 3, 4});
    printf("s32 1,2,3,4 -> %ld,%ld,%ld,%ld\n", a32.a, a32.b, a32.c, a32.d);
    struct f2 b2 = dbl_f2((struct f2){1.5f, 2.5f});
    printf("f2 1.5,2.5 -> %.1f,%.1f\n", b2.a, b2.b);
    struct d2 c2 = dbl_d2((struct d2){1.5, 2.5});
    printf("d2 1.5,2.5 -> %.1f,%.1f\n", c2.a, c2.b);
    struct f4 b4 = dbl_f4((struct f4){1, 2, 3, 4});
    printf("f4 1,2,3,4 -> %g,%g,%g,%g\n", b4.a, b4.b, b4.c, b4.d);
    struct d4 c4 = dbl_d4((struct d4){1, 2, 3, 4});
    printf("d4 1,2,3,4 -> %g,%g,%g,%g\n", c4.a, c4.b, c4.c, c4.d);
    struct fi m1 = mix_fi((struct fi){7, 1.5f});
    printf("fi 7,1.5 -> %d,%.1f\n", m1.a, m1.b);
    struct id m2 = mix_id((struct id){7, 1.5});
    printf("id 7,1.5 -> %ld,%.1f\n", m2.a, m2.b);
    struct ld l = dbl_ld((struct ld){2.5L});
    printf("ld 2.5 -> %.1Lf\n", l.a);
    double fsum;
    double isum = stack_args((struct s8){1}, (struct s16){2, 3}, (struct d2){1.5, 2.5}, (struct s24){4, 5, 6},
                             (struct f2){3.0f, 4.0f}, (struct s4){7}, (struct s12){8, 9, 10}, 11, &fsum);
    printf("stack 1 2 3 4 5 6 7 8 9 10 -> %.0f, %.1f\n", isum, fsum);
    return 0;
}
