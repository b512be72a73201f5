// Float and double remainder and Math.Floor/Ceiling: LLVM calls fmod, fmodf, floor and ceil (x86_64 has no
// instruction for them before SSE4.1), which glibc keeps in libm (cs-soak seed 1).
// expect: rem=1.500 -1.500 1.250
// expect: floor=2.0 -3.0 ceiling=3.0 -2.0
using System;

static class Program
{
    static double Rem(double a, double b) => a % b;
    static float RemF(float a, float b) => a % b;

    static int Main()
    {
        Out.Str("rem="u8); Out.Fixed(Rem(7.5, 2.0), 3); Out.Str(" "u8); Out.Fixed(Rem(-7.5, 2.0), 3); Out.Str(" "u8); Out.Fixed(RemF(10.25f, 3.0f), 3); Out.Line();
        double x = 2.5, y = -2.5;
        Out.Str("floor="u8); Out.Fixed(Math.Floor(x), 1); Out.Str(" "u8); Out.Fixed(Math.Floor(y), 1);
        Out.Str(" ceiling="u8); Out.Fixed(Math.Ceiling(x), 1); Out.Str(" "u8); Out.Fixed(Math.Ceiling(y), 1); Out.Line();
        return 0;
    }
}
