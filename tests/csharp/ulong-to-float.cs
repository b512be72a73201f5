// (float)ulong rounds once, as CoreCLR does: Roslyn emits conv.r.un; conv.r4, which must not round through double first.
// expect: ulong: 1593835521 1602224128 1333788672 1509949441 1593835521 0
// expect: long: 1585446913 3732930561
// expect: uint: 1333788672 1325400065
// expect: double: 4890909195324358657
using System;

static unsafe class Program
{
    static float F(ulong u) => u;
    static float G(long l) => l;
    static float FU(uint u) => u;
    static double D(ulong u) => u;

    static void Bits(float f) { Out.Str(" "u8); Out.UInt(*(uint*)&f); }

    static int Main()
    {
        Out.Str("ulong:"u8);
        Bits(F(0x8000008000000001UL)); Bits(F(0xFFFFFFFFFFFFFFFFUL)); Bits(F(0x0000000100000081UL)); Bits(F(9007199791611905UL)); Bits(F(0x8000010000000001UL)); Bits(F(0));
        Out.Line();
        Out.Str("long:"u8);
        Bits(G(0x4000004000000001L)); Bits(G(-0x4000004000000001L));
        Out.Line();
        Out.Str("uint:"u8);
        Bits(FU(0xFFFFFF81u)); Bits(FU(0x80000081u));
        Out.Line();
        double d = D(0x8000000000000401UL);
        Out.Str("double: "u8); Out.UInt(*(ulong*)&d); Out.Line();
        return 0;
    }
}
