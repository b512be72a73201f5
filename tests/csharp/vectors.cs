// Vector128<T> (integer lanes) and BitOperations: the lowering to LLVM vector IR, lane by lane, against CoreCLR.
// expect: count=16,8,4,2 zero=0 ones=65535
// expect: load=0x10 aligned=0x10 eq=0x8421 all=0,1 any=1,0
// expect: min=0,1,2,3,4,5,6,7,7,6,5,4,3,2,1,0 max=15,14,13,12,11,10,9,8,8,9,10,11,12,13,14,15
// expect: smin=-7 smax=7 umin16=1 umax16=65535 min32=-3 max64=9
// expect: and=0x11 or=0xffff xor=0xeeee not=0xff00
// expect: store=9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9 after=7 msb16=0x55 msb32=0x5 msb64=0x2
// expect: strlen=0,1,15,16,17,40 find=5,-1
// expect: tz=0,3,32,64,5,63 lz=31,0,32,64 pop=0,3,32,64
using System;
using System.Numerics;
using System.Runtime.Intrinsics;

static unsafe class Program
{
    static void Hex(uint v)
    {
        Out.Str("0x"u8);
        byte* b = stackalloc byte[8];
        int n = 0;
        do { uint d = v & 15; b[n++] = (byte)(d < 10 ? '0' + d : 'a' + d - 10); v >>= 4; } while (v != 0);
        while (n > 0) { byte c = b[--n]; Out.Str(new ReadOnlySpan<byte>(&c, 1)); }
    }

    static void Lanes(Vector128<byte> v)
    {
        byte* p = stackalloc byte[16];
        v.Store(p);
        for (int i = 0; i < 16; i++) { Out.Int(p[i]); if (i < 15) Out.Str(","u8); }
    }

    /// <summary>A string length by 16-byte aligned blocks, as relibc-cs's strlen does.</summary>
    static int Length(byte* s)
    {
        byte* p = (byte*)((nuint)s & ~(nuint)15);
        uint mask = Vector128.Equals(Vector128.LoadAligned(p), Vector128<byte>.Zero).ExtractMostSignificantBits() >> (int)((nuint)s & 15);
        if (mask != 0) return BitOperations.TrailingZeroCount(mask);
        while (true)
        {
            p += 16;
            mask = Vector128.Equals(Vector128.LoadAligned(p), Vector128<byte>.Zero).ExtractMostSignificantBits();
            if (mask != 0) return (int)(p - s) + BitOperations.TrailingZeroCount(mask);
        }
    }

    static int Find(byte* s, int n, byte c)
    {
        var needle = Vector128.Create(c);
        for (int i = 0; i + 16 <= n; i += 16)
        {
            var v = Vector128.Load(s + i);
            if (Vector128.EqualsAny(v, needle))
                return i + BitOperations.TrailingZeroCount(Vector128.Equals(v, needle).ExtractMostSignificantBits());
        }
        return -1;
    }

    static int Main()
    {
        Out.Str("count="u8); Out.Int(Vector128<byte>.Count); Out.Str(","u8); Out.Int(Vector128<short>.Count); Out.Str(","u8);
        Out.Int(Vector128<uint>.Count); Out.Str(","u8); Out.Int(Vector128<long>.Count);
        Out.Str(" zero="u8); Out.Int(Vector128<byte>.Zero.ExtractMostSignificantBits());
        Out.Str(" ones="u8); Out.Int(Vector128<byte>.AllBitsSet.ExtractMostSignificantBits()); Out.Line();

        byte* buf = stackalloc byte[64];
        byte* a = (byte*)(((nuint)buf + 15) & ~(nuint)15);
        for (int i = 0; i < 32; i++) a[i] = (byte)i;
        var up = Vector128.Load(a + 1);
        Out.Str("load="u8); Hex(Vector128.Equals(up, Vector128.Create((byte)5)).ExtractMostSignificantBits());
        Out.Str(" aligned="u8); Hex(Vector128.Equals(Vector128.LoadAligned(a + 16), Vector128.Create((byte)20)).ExtractMostSignificantBits());
        byte* pat = stackalloc byte[16];
        for (int i = 0; i < 16; i++) pat[i] = (byte)(i % 5 == 0 ? i : 99);
        Out.Str(" eq="u8); Hex(Vector128.Equals(Vector128.Load(pat), Vector128.Load(a)).ExtractMostSignificantBits());
        Out.Str(" all="u8); Out.Int(Vector128.EqualsAll(Vector128.Load(pat), Vector128.Load(a)) ? 1 : 0); Out.Str(","u8);
        Out.Int(Vector128.EqualsAll(Vector128.Load(a), Vector128.Load(a)) ? 1 : 0);
        Out.Str(" any="u8); Out.Int(Vector128.EqualsAny(Vector128.Load(pat), Vector128.Load(a)) ? 1 : 0); Out.Str(","u8);
        Out.Int(Vector128.EqualsAny(Vector128.Load(a), Vector128.Load(a + 16)) ? 1 : 0); Out.Line();

        byte* rev = stackalloc byte[16];
        for (int i = 0; i < 16; i++) rev[i] = (byte)(15 - i);
        Out.Str("min="u8); Lanes(Vector128.Min(Vector128.Load(a), Vector128.Load(rev)));
        Out.Str(" max="u8); Lanes(Vector128.Max(Vector128.Load(a), Vector128.Load(rev))); Out.Line();

        sbyte* sb = stackalloc sbyte[16];
        for (int i = 0; i < 16; i++) sb[i] = (sbyte)(i - 7);
        sbyte* sr = stackalloc sbyte[16];
        for (int i = 0; i < 16; i++) sr[i] = (sbyte)(7 - i);
        var smin = Vector128.Min(Vector128.Load(sb), Vector128.Load(sr));
        var smax = Vector128.Max(Vector128.Load(sb), Vector128.Load(sr));
        sbyte* so = stackalloc sbyte[16];
        smin.Store(so); Out.Str("smin="u8); Out.Int(so[0]);
        smax.Store(so); Out.Str(" smax="u8); Out.Int(so[0]);
        ushort* u16 = stackalloc ushort[8];
        ushort* v16 = stackalloc ushort[8];
        for (int i = 0; i < 8; i++) { u16[i] = (ushort)(i + 1); v16[i] = 65535; }
        ushort* o16 = stackalloc ushort[8];
        Vector128.Min(Vector128.Load(u16), Vector128.Load(v16)).Store(o16); Out.Str(" umin16="u8); Out.Int(o16[0]);
        Vector128.Max(Vector128.Load(u16), Vector128.Load(v16)).Store(o16); Out.Str(" umax16="u8); Out.Int(o16[0]);
        int* i32 = stackalloc int[4];
        for (int i = 0; i < 4; i++) i32[i] = i - 3;
        int* o32 = stackalloc int[4];
        Vector128.Min(Vector128.Load(i32), Vector128.Create(0)).Store(o32); Out.Str(" min32="u8); Out.Int(o32[0]);
        long* i64 = stackalloc long[2];
        i64[0] = -9; i64[1] = 9;
        long* o64 = stackalloc long[2];
        Vector128.Max(Vector128.Load(i64), Vector128.Create(-100L)).Store(o64); Out.Str(" max64="u8); Out.Int(o64[1]); Out.Line();

        var x = Vector128.Load(a);                                   // lanes 0..15
        var y = Vector128.Create((byte)0x80);
        var lowHalf = Vector128.Equals(Vector128.Min(x, Vector128.Create((byte)7)), x); // lanes 0..7 all ones
        var every4 = Vector128.Equals(Vector128.Load(pat), x);                          // lanes 0,5,10,15
        Out.Str("and="u8); Hex((lowHalf & y | every4 & Vector128.Create((byte)0x81)).ExtractMostSignificantBits() & 0x1111);
        Out.Str(" or="u8); Hex((lowHalf | ~lowHalf).ExtractMostSignificantBits());
        Out.Str(" xor="u8); Hex((Vector128<byte>.AllBitsSet ^ Vector128.Equals(x, Vector128.Create((byte)0)) ^ Vector128.Equals(x, Vector128.Create((byte)4)) ^ Vector128.Equals(x, Vector128.Create((byte)8)) ^ Vector128.Equals(x, Vector128.Create((byte)12))).ExtractMostSignificantBits());
        Out.Str(" not="u8); Hex((~lowHalf).ExtractMostSignificantBits()); Out.Line();

        byte* dst = stackalloc byte[17];
        dst[16] = 7;
        Vector128.Create((byte)9).Store(dst);
        Out.Str("store="u8); Lanes(Vector128.Load(dst)); Out.Str(" after="u8); Out.Int(dst[16]);
        short* h = stackalloc short[8];
        for (int i = 0; i < 8; i++) h[i] = (short)(i % 2 == 0 ? -1 : 1);
        Out.Str(" msb16="u8); Hex(Vector128.Load(h).ExtractMostSignificantBits());
        uint* w = stackalloc uint[4];
        w[0] = 0x80000000; w[1] = 1; w[2] = 0xffffffff; w[3] = 0x7fffffff;
        Out.Str(" msb32="u8); Hex(Vector128.Load(w).ExtractMostSignificantBits());
        ulong* q = stackalloc ulong[2];
        q[0] = 1; q[1] = 0x8000000000000000;
        Out.Str(" msb64="u8); Hex(Vector128.Load(q).ExtractMostSignificantBits()); Out.Line();

        byte* text = stackalloc byte[96];
        byte* t = (byte*)(((nuint)text + 15) & ~(nuint)15);
        for (int i = 0; i < 80; i++) t[i] = (byte)'a';
        Out.Str("strlen="u8);
        t[0] = 0; Out.Int(Length(t)); Out.Str(","u8); t[0] = (byte)'a';
        t[4] = 0; Out.Int(Length(t + 3)); Out.Str(","u8); t[4] = (byte)'a';
        t[16] = 0; Out.Int(Length(t + 1)); Out.Str(","u8); Out.Int(Length(t)); Out.Str(","u8); t[16] = (byte)'a';
        t[17] = 0; Out.Int(Length(t)); Out.Str(","u8); t[17] = (byte)'a';
        t[47] = 0; Out.Int(Length(t + 7)); t[47] = (byte)'a';
        t[37] = (byte)'z';
        Out.Str(" find="u8); Out.Int(Find(t + 32, 32, (byte)'z')); Out.Str(","u8); Out.Int(Find(t, 32, (byte)'z')); Out.Line();

        Out.Str("tz="u8); Out.Int(BitOperations.TrailingZeroCount(1u)); Out.Str(","u8); Out.Int(BitOperations.TrailingZeroCount(8u)); Out.Str(","u8);
        Out.Int(BitOperations.TrailingZeroCount(0u)); Out.Str(","u8); Out.Int(BitOperations.TrailingZeroCount(0UL)); Out.Str(","u8);
        Out.Int(BitOperations.TrailingZeroCount(-32)); Out.Str(","u8); Out.Int(BitOperations.TrailingZeroCount(long.MinValue));
        Out.Str(" lz="u8); Out.Int(BitOperations.LeadingZeroCount(1u)); Out.Str(","u8); Out.Int(BitOperations.LeadingZeroCount(ulong.MaxValue)); Out.Str(","u8);
        Out.Int(BitOperations.LeadingZeroCount(0u)); Out.Str(","u8); Out.Int(BitOperations.LeadingZeroCount(0UL));
        Out.Str(" pop="u8); Out.Int(BitOperations.PopCount(0u)); Out.Str(","u8); Out.Int(BitOperations.PopCount(7UL)); Out.Str(","u8);
        Out.Int(BitOperations.PopCount(uint.MaxValue)); Out.Str(","u8); Out.Int(BitOperations.PopCount(ulong.MaxValue)); Out.Line();
        return 0;
    }
}
