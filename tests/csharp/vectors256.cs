// Vector256<T>: the same lowering as Vector128 with twice the lanes (split into two 16-byte halves without AVX2), against CoreCLR.
// expect: count=32,16,8,4 ones=4294967295 top=0x80000000
// expect: eq=0xc2108421 all=0,1 any=1,0 min=0,15,15,0 max=31,16,16,31 smin=-16 umax16=65535
// expect: ops=0x00ff0000,0xffffffff,0x00ff00ff msb64=0xa store=31,7 strlen=0,33,64,70
using System;
using System.Numerics;
using System.Runtime.Intrinsics;

static unsafe class Program
{
    static void Hex(uint v)
    {
        Out.Str("0x"u8);
        byte* b = stackalloc byte[8];
        for (int i = 7; i >= 0; i--) { uint d = v & 15; b[i] = (byte)(d < 10 ? '0' + d : 'a' + d - 10); v >>= 4; }
        int start = 0;
        while (start < 7 && b[start] == '0' && v == 0) start++;
        Out.Str(new ReadOnlySpan<byte>(b + start, 8 - start));
    }

    static void HexFull(uint v)
    {
        Out.Str("0x"u8);
        byte* b = stackalloc byte[8];
        for (int i = 7; i >= 0; i--) { uint d = v & 15; b[i] = (byte)(d < 10 ? '0' + d : 'a' + d - 10); v >>= 4; }
        Out.Str(new ReadOnlySpan<byte>(b, 8));
    }

    static int Length(byte* s)
    {
        byte* p = (byte*)((nuint)s & ~(nuint)31);
        uint m = Vector256.Equals(Vector256.LoadAligned(p), Vector256<byte>.Zero).ExtractMostSignificantBits() >> (int)((nuint)s & 31);
        if (m != 0) return BitOperations.TrailingZeroCount(m);
        while (true)
        {
            p += 32;
            m = Vector256.Equals(Vector256.LoadAligned(p), Vector256<byte>.Zero).ExtractMostSignificantBits();
            if (m != 0) return (int)(p - s) + BitOperations.TrailingZeroCount(m);
        }
    }

    static int Main()
    {
        Out.Str("count="u8); Out.Int(Vector256<byte>.Count); Out.Str(","u8); Out.Int(Vector256<ushort>.Count); Out.Str(","u8);
        Out.Int(Vector256<int>.Count); Out.Str(","u8); Out.Int(Vector256<ulong>.Count);
        Out.Str(" ones="u8); Out.Int(Vector256<byte>.AllBitsSet.ExtractMostSignificantBits());
        byte* buf = stackalloc byte[160];
        byte* a = (byte*)(((nuint)buf + 31) & ~(nuint)31);
        for (int i = 0; i < 64; i++) a[i] = (byte)i;
        Out.Str(" top="u8); Hex(Vector256.Equals(Vector256.Load(a), Vector256.Create((byte)31)).ExtractMostSignificantBits()); Out.Line();

        byte* pat = stackalloc byte[32];
        for (int i = 0; i < 32; i++) pat[i] = (byte)(i % 5 == 0 || i == 31 ? i : 99);
        Out.Str("eq="u8); Hex(Vector256.Equals(Vector256.Load(pat), Vector256.Load(a)).ExtractMostSignificantBits());
        Out.Str(" all="u8); Out.Int(Vector256.EqualsAll(Vector256.Load(pat), Vector256.Load(a)) ? 1 : 0); Out.Str(","u8);
        Out.Int(Vector256.EqualsAll(Vector256.Load(a), Vector256.LoadAligned(a)) ? 1 : 0);
        Out.Str(" any="u8); Out.Int(Vector256.EqualsAny(Vector256.Load(pat), Vector256.Load(a)) ? 1 : 0); Out.Str(","u8);
        Out.Int(Vector256.EqualsAny(Vector256.Load(a), Vector256.Load(a + 32)) ? 1 : 0);
        byte* rev = stackalloc byte[32];
        for (int i = 0; i < 32; i++) rev[i] = (byte)(31 - i);
        byte* o = stackalloc byte[32];
        Vector256.Min(Vector256.Load(a), Vector256.Load(rev)).Store(o);
        Out.Str(" min="u8); Out.Int(o[0]); Out.Str(","u8); Out.Int(o[15]); Out.Str(","u8); Out.Int(o[16]); Out.Str(","u8); Out.Int(o[31]);
        Vector256.Max(Vector256.Load(a), Vector256.Load(rev)).Store(o);
        Out.Str(" max="u8); Out.Int(o[0]); Out.Str(","u8); Out.Int(o[15]); Out.Str(","u8); Out.Int(o[16]); Out.Str(","u8); Out.Int(o[31]);
        sbyte* sb = stackalloc sbyte[32];
        for (int i = 0; i < 32; i++) sb[i] = (sbyte)(i - 16);
        sbyte* so = stackalloc sbyte[32];
        Vector256.Min(Vector256.Load(sb), Vector256.Create((sbyte)0)).Store(so);
        Out.Str(" smin="u8); Out.Int(so[0]);
        ushort* u = stackalloc ushort[16];
        for (int i = 0; i < 16; i++) u[i] = (ushort)(i == 9 ? 65535 : i);
        ushort* uo = stackalloc ushort[16];
        Vector256.Max(Vector256.Load(u), Vector256.Create((ushort)1)).Store(uo);
        Out.Str(" umax16="u8); Out.Int(uo[9]); Out.Line();

        var x = Vector256.Load(a);
        var low8 = Vector256.Equals(Vector256.Min(x, Vector256.Create((byte)7)), x);        // lanes 0..7
        var mid = Vector256.Equals(Vector256.Min(x, Vector256.Create((byte)23)), x) & ~Vector256.Equals(Vector256.Min(x, Vector256.Create((byte)15)), x); // 16..23
        Out.Str("ops="u8); HexFull((~low8 & mid).ExtractMostSignificantBits());
        Out.Str(","u8); HexFull((low8 | ~low8).ExtractMostSignificantBits());
        Out.Str(","u8); HexFull((low8 ^ mid).ExtractMostSignificantBits());
        ulong* q = stackalloc ulong[4];
        q[0] = 1; q[1] = 0x8000000000000000; q[2] = 5; q[3] = ulong.MaxValue;
        Out.Str(" msb64="u8); Hex(Vector256.Load(q).ExtractMostSignificantBits());
        byte* d = stackalloc byte[33];
        d[32] = 7;
        Vector256.Create((byte)31).Store(d);
        Out.Str(" store="u8); Out.Int(d[31]); Out.Str(","u8); Out.Int(d[32]);
        byte* t = (byte*)(((nuint)buf + 31) & ~(nuint)31);
        for (int i = 0; i < 120; i++) t[i] = (byte)'a';
        Out.Str(" strlen="u8);
        t[0] = 0; Out.Int(Length(t)); Out.Str(","u8); t[0] = (byte)'a';
        t[34] = 0; Out.Int(Length(t + 1)); Out.Str(","u8); t[34] = (byte)'a';
        t[64] = 0; Out.Int(Length(t)); Out.Str(","u8); t[64] = (byte)'a';
        t[101] = 0; Out.Int(Length(t + 31)); t[101] = (byte)'a';
        Out.Line();
        return 0;
    }
}
