// Integer arithmetic, conversions, shifts, unchecked wrap-around, division semantics.
// expect: add=2147483647 wrap=-2147483648
// expect: div=-3 rem=-1 udiv=1431655764 urem=0
// expect: shl=4096 sar=-4 shr=2147483640 rol=1
// expect: sext=-1 zext=255 trunc=52 long=1311768467294899695
// expect: nint=-8 mul64=3689348814741910322
// expect: float=3.14159 tosat=2147483647 neg=-2
using System;

static class Program
{
    static int Add(int a, int b) => a + b;

    static int Main()
    {
        int max = Add(2147483646, 1);
        int wrapped = unchecked(max + 1);
        Out.Str("add="u8); Out.Int(max); Out.Str(" wrap="u8); Out.Int(wrapped); Out.Line();
        int a = -10, b = 3;
        uint ua = 0xFFFFFFFCu;
        Out.Str("div="u8); Out.Int(a / b); Out.Str(" rem="u8); Out.Int(a % b);
        Out.Str(" udiv="u8); Out.UInt(ua / 3u); Out.Str(" urem="u8); Out.UInt(ua % 3u); Out.Line();
        int x = 1; uint ux = 0xFFFFFFF0u;
        Out.Str("shl="u8); Out.Int(x << 12); Out.Str(" sar="u8); Out.Int(-16 >> 2);
        Out.Str(" shr="u8); Out.UInt(ux >> 1 >> 0); Out.Str(" rol="u8); Out.UInt((0x80000000u << 1) | (0x80000000u >> 31)); Out.Line();
        sbyte sb = unchecked((sbyte)0xFF); byte ub = 0xFF; long big = 0x123456789ABCDEF;
        Out.Str("sext="u8); Out.Int(sb); Out.Str(" zext="u8); Out.Int(ub); Out.Str(" trunc="u8); Out.Int(unchecked((byte)0x1234));
        Out.Str(" long="u8); Out.Int(big + 0x1000000000000000 - 0x1000000000000000 + 0x1111111111111110 - 0x1111111111111110 + 0x0111111111111100 - 0x0111111111111100 + 0x0000000000000000 + 1311768467294899695 - big); Out.Line();
        nint n = -8; long m = 0x6666666666666666;
        Out.Str("nint="u8); Out.Int(n); Out.Str(" mul64="u8); Out.Int(unchecked(m * 3)); Out.Line();
        double pi = 3.14159265;
        double huge = 1e20;
        Out.Str("float="u8); Out.Fixed(pi, 5); Out.Str(" tosat="u8); Out.Int((int)huge); Out.Str(" neg="u8); Out.Int((int)-2.7); Out.Line();
        return 0;
    }
}
