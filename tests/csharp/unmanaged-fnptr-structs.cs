// Structs by value through delegate* unmanaged<…> into [UnmanagedCallersOnly] methods without an EntryPoint: the caller
// used the C ABI (structs in register pieces), the callee the managed convention (structs by address, sret), so every
// struct argument or result crashed. Found by cs-soak seed 20 (generator v3's C-ABI functions: 15 of seeds 1-40 failed);
// reduced to Nothing below, widened to every size class: empty, small, mixed int/float, memory, union, fixed buffer.
// expect: small -49 244
// expect: mixed 42 6.00 -9.00
// expect: big -47 247 43 -5
// expect: union 305441159 -0.50
// expect: sum -731
using System;
using System.Runtime.InteropServices;

struct Empty { }
[StructLayout(LayoutKind.Sequential, Pack = 4)]
struct Small { public sbyte A; public byte B; }
struct Mixed { public int I; public float F; public double D; }
struct Big { public long A, B, C; public short S; }
[StructLayout(LayoutKind.Explicit)]
struct Union { [FieldOffset(0)] public uint U; [FieldOffset(0)] public ushort Lo; [FieldOffset(8)] public double D; }
unsafe struct Buf { public fixed byte Bytes[3]; public nint N; }

static unsafe class Program
{
    [UnmanagedCallersOnly]
    static Empty Nothing(Empty a, Empty b) => default;

    [UnmanagedCallersOnly]
    static Small Swap(Small s, int k) => new Small { A = (sbyte)(s.B + k), B = (byte)(s.A - k) };

    [UnmanagedCallersOnly]
    static Mixed Scale(Mixed m, double k) => new Mixed { I = m.I * 3, F = m.F * (float)k, D = m.D * k };

    [UnmanagedCallersOnly]
    static Big Rotate(Big b, Small s, Mixed m) => new Big { A = b.B + s.A, B = b.C + s.B, C = b.A + m.I, S = (short)(b.S + (int)m.D) };

    [UnmanagedCallersOnly]
    static Union Flip(Union u) { u.Lo = (ushort)~u.Lo; u.D = -u.D; return u; }

    [UnmanagedCallersOnly]
    static long Sum(Buf b, Empty e, Big g) => b.Bytes[0] + b.Bytes[1] * 10 + b.Bytes[2] * 100 + b.N + g.A + g.S;

    static int Main()
    {
        delegate* unmanaged<Empty, Empty, Empty> nothing = &Nothing;
        delegate* unmanaged<Small, int, Small> swap = &Swap;
        delegate* unmanaged<Mixed, double, Mixed> scale = &Scale;
        delegate* unmanaged<Big, Small, Mixed, Big> rotate = &Rotate;
        delegate* unmanaged<Union, Union> flip = &Flip;
        delegate* unmanaged<Buf, Empty, Big, long> sum = &Sum;
        _ = nothing(default, default);
        var s = swap(new Small { A = -5, B = 200 }, 7);
        Out.Str("small "u8); Out.Int(s.A); Out.Str(" "u8); Out.Int(s.B); Out.Line();
        var m = scale(new Mixed { I = 14, F = 1.5f, D = -2.25 }, 4.0);
        Out.Str("mixed "u8); Out.Int(m.I); Out.Str(" "u8); Out.Fixed(m.F, 2); Out.Str(" "u8); Out.Fixed(m.D, 2); Out.Line();
        var b = rotate(new Big { A = 1, B = 2, C = 3, S = 4 }, s, m);
        Out.Str("big "u8); Out.Int(b.A); Out.Str(" "u8); Out.Int(b.B); Out.Str(" "u8); Out.Int(b.C); Out.Str(" "u8); Out.Int(b.S); Out.Line();
        var u = flip(new Union { U = 0x12345678, D = 0.5 });
        Out.Str("union "u8); Out.UInt(u.U); Out.Str(" "u8); Out.Fixed(u.D, 2); Out.Line();
        Buf buf = default;
        buf.Bytes[0] = 1; buf.Bytes[1] = 2; buf.Bytes[2] = 3; buf.N = -1000;
        Out.Str("sum "u8); Out.Int(sum(buf, default, b)); Out.Line();
        return 0;
    }
}
