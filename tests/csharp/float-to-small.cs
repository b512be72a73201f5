// Floating point to small integer types: CoreCLR saturates to int first, then truncates (cs-soak seed 1).
// expect: 300: 44 44 300 300 300 | 44 44 300 300 300
// expect: -300: -44 212 -300 65236 65236 | -44 212 -300 65236 65236
// expect: 200: -56 200 200 200 200 | -56 200 200 200 200
// expect: -1: -1 255 -1 65535 65535 | -1 255 -1 65535 65535
// expect: 70000: 112 112 4464 4464 4464 | 112 112 4464 4464 4464
// expect: -70000: -112 144 -4464 61072 61072 | -112 144 -4464 61072 61072
// expect: 4294967295: -1 255 -1 65535 65535 | -1 255 -1 65535 65535
// expect: 3e9: -1 255 -1 65535 65535 | -1 255 -1 65535 65535
// expect: -3e9: 0 0 0 0 0 | 0 0 0 0 0
// expect: 1e20: -1 255 -1 65535 65535 | -1 255 -1 65535 65535
// expect: -1e20: 0 0 0 0 0 | 0 0 0 0 0
// expect: NaN: 0 0 0 0 0 | 0 0 0 0 0
// expect: reduced: -1
using System;

static class Program
{
    static void Row(ReadOnlySpan<byte> name, double d)
    {
        float f = (float)d;
        Out.Str(name); Out.Str(": "u8);
        Out.Int((sbyte)d); Out.Str(" "u8); Out.Int((byte)d); Out.Str(" "u8); Out.Int((short)d); Out.Str(" "u8); Out.Int((ushort)d); Out.Str(" "u8); Out.Int((char)d);
        Out.Str(" | "u8);
        Out.Int((sbyte)f); Out.Str(" "u8); Out.Int((byte)f); Out.Str(" "u8); Out.Int((short)f); Out.Str(" "u8); Out.Int((ushort)f); Out.Str(" "u8); Out.Int((char)f);
        Out.Line();
    }

    static int Main()
    {
        Row("300"u8, 300.0);
        Row("-300"u8, -300.0);
        Row("200"u8, 200.0);
        Row("-1"u8, -1.0);
        Row("70000"u8, 70000.0);
        Row("-70000"u8, -70000.0);
        Row("4294967295"u8, 4294967295.0);
        Row("3e9"u8, 3e9);
        Row("-3e9"u8, -3e9);
        Row("1e20"u8, 1e20);
        Row("-1e20"u8, -1e20);
        Row("NaN"u8, 0.0 / 0.0);
        uint v0 = 4294967295u;
        double v5 = v0;
        Out.Str("reduced: "u8); Out.Int((sbyte)v5); Out.Line();
        return 0;
    }
}
