// Structs: sequential and explicit layout, fixed buffers, methods, ref/out/in, ref returns, copies.
// expect: size=16 mixed=12 union=8 fixed=20
// expect: sum=43 moved=13,50
// expect: copy=1 original=99
// expect: out=7 ref=8 in=15
// expect: union lo=0x44 hi=0x11223344
// expect: buffer=0+1+4+9+16=30
using System;
using System.Runtime.InteropServices;

struct Point
{
    public int X;
    public long Y;
    public Point(int x, long y) { X = x; Y = y; }
    public readonly long Sum() => X + Y;
    public void Move(int dx) { X += dx; Y += dx; }
}

struct Mixed { public byte A; public short B; public int C; public byte D; }

[StructLayout(LayoutKind.Explicit)]
struct Union { [FieldOffset(0)] public ulong All; [FieldOffset(0)] public uint Lo; [FieldOffset(0)] public byte Low; }

unsafe struct Buffer { public fixed int Items[5]; }

static unsafe class Program
{
    static void Set(out int v) => v = 7;
    static void Bump(ref int v) => v++;
    static int Twice(in Point p) => (int)p.Sum() / 3 + 1;
    static ref int Pick(ref Point p) => ref p.X;

    static void Hex(ulong v)
    {
        Out.Str("0x"u8);
        bool started = false;
        for (int s = 60; s >= 0; s -= 4)
        {
            int d = (int)((v >> s) & 15);
            if (d != 0 || started || s == 0) { started = true; Out.Str(d < 10 ? "0123456789"u8.Slice(d, 1) : "abcdef"u8.Slice(d - 10, 1)); }
        }
    }

    static int Main()
    {
        Out.Str("size="u8); Out.Int(sizeof(Point)); Out.Str(" mixed="u8); Out.Int(sizeof(Mixed));
        Out.Str(" union="u8); Out.Int(sizeof(Union)); Out.Str(" fixed="u8); Out.Int(sizeof(Buffer)); Out.Line();
        var p = new Point(3, 40);
        Out.Str("sum="u8); Out.Int(p.Sum());
        p.Move(10);
        Out.Str(" moved="u8); Out.Int(p.X); Out.Str(","u8); Out.Int(p.Y); Out.Line();
        var q = p;
        q.X = 1;
        Pick(ref p) = 99;
        Out.Str("copy="u8); Out.Int(q.X); Out.Str(" original="u8); Out.Int(p.X); Out.Line();
        Set(out int o);
        int r = 7; Bump(ref r);
        Out.Str("out="u8); Out.Int(o); Out.Str(" ref="u8); Out.Int(r); Out.Str(" in="u8); Out.Int(Twice(new Point(4, 38))); Out.Line();
        Union u = default;
        u.All = 0x11223344;
        Out.Str("union lo="u8); Hex(u.Low); Out.Str(" hi="u8); Hex(u.Lo); Out.Line();
        Buffer buf;
        int total = 0;
        for (int i = 0; i < 5; i++) buf.Items[i] = i * i;
        Out.Str("buffer="u8);
        for (int i = 0; i < 5; i++) { Out.Int(buf.Items[i]); Out.Str(i < 4 ? "+"u8 : "="u8); total += buf.Items[i]; }
        Out.Int(total); Out.Line();
        return 0;
    }
}
