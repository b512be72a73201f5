// sizeof of every primitive, nint/nuint, pointers, enums of every underlying type and structs of every
// layout kind (LayoutKind.Auto is rejected: VDN4012); stackalloc of native-sized elements (whose element size comes from the same IL token).
// expect: prim bool=1 char=2 sbyte=1 byte=1 short=2 ushort=2 int=4 uint=4 long=8 ulong=8 float=4 double=8
// expect: native nint=8 nuint=8 IntPtr=8 UIntPtr=8 generic=8,8
// expect: pointers void*=8 byte*=8 long**=8 fn=8
// expect: enums e8=1 e16=2 e32=4 e64=8 eu8=1 eu64=8
// expect: seq empty=1 one=1 mixed=12 tail=16 nested=32 natives=24 gen=16,2
// expect: pack p1=7 p2=8 p4=12 sized=32 sizedsmall=8
// expect: explicit union=8 gap=24 overlap=16
// expect: fixed bytes=3 ints=20 mixed=32 inline=32
// expect: stackalloc nint=32 nuint=24 last=7
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

enum E8 : sbyte { A = -1 }
enum E16 : short { A = 1 }
enum E32 { A, B }
enum E64 : long { A = long.MaxValue }
enum EU8 : byte { A = 255 }
enum EU64 : ulong { A = 1 }

struct Empty { }
struct One { public byte B; }
struct Mixed { public byte A; public short B; public int C; public byte D; }
struct Tail { public long L; public byte B; }
struct Nested { public One O; public Tail T; public short S; }
struct Natives { public nint I; public byte B; public nuint U; }
struct Pair<T> where T : unmanaged { public T First; public T Second; }

[StructLayout(LayoutKind.Sequential, Pack = 1)] struct P1 { public byte A; public int B; public short C; }
[StructLayout(LayoutKind.Sequential, Pack = 2)] struct P2 { public byte A; public int B; public byte C; }
[StructLayout(LayoutKind.Sequential, Pack = 4)] struct P4 { public byte A; public long B; }
[StructLayout(LayoutKind.Sequential, Size = 32)] struct Sized { public int A; }
[StructLayout(LayoutKind.Sequential, Size = 2)] struct SizedSmall { public long A; }

[StructLayout(LayoutKind.Explicit)] struct Union { [FieldOffset(0)] public ulong All; [FieldOffset(0)] public uint Lo; }
[StructLayout(LayoutKind.Explicit)] struct Gap { [FieldOffset(0)] public byte A; [FieldOffset(16)] public long B; }
[StructLayout(LayoutKind.Explicit)] struct Overlap { [FieldOffset(2)] public int A; [FieldOffset(4)] public long B; }

unsafe struct FixedBytes { public fixed byte B[3]; }
unsafe struct FixedInts { public fixed int I[5]; }
unsafe struct FixedMixed { public byte Tag; public fixed long L[2]; public byte End; }
[InlineArray(4)] struct Inline4 { private long _element; }

static unsafe class Program
{
    static void P(ReadOnlySpan<byte> name, long v) { Out.Str(" "u8); Out.Str(name); Out.Str("="u8); Out.Int(v); }

    static int SizeOf<T>() where T : unmanaged => sizeof(T);

    static int Main()
    {
        Out.Str("prim"u8);
        P("bool"u8, sizeof(bool)); P("char"u8, sizeof(char)); P("sbyte"u8, sizeof(sbyte)); P("byte"u8, sizeof(byte));
        P("short"u8, sizeof(short)); P("ushort"u8, sizeof(ushort)); P("int"u8, sizeof(int)); P("uint"u8, sizeof(uint));
        P("long"u8, sizeof(long)); P("ulong"u8, sizeof(ulong)); P("float"u8, sizeof(float)); P("double"u8, sizeof(double));
        Out.Line();

        Out.Str("native"u8);
        P("nint"u8, sizeof(nint)); P("nuint"u8, sizeof(nuint)); P("IntPtr"u8, sizeof(IntPtr)); P("UIntPtr"u8, sizeof(UIntPtr));
        Out.Str(" generic="u8); Out.Int(SizeOf<nint>()); Out.Str(","u8); Out.Int(Unsafe.SizeOf<nuint>());
        Out.Line();

        Out.Str("pointers"u8);
        P("void*"u8, sizeof(void*)); P("byte*"u8, sizeof(byte*)); P("long**"u8, sizeof(long**)); P("fn"u8, sizeof(delegate*<int, int>));
        Out.Line();

        Out.Str("enums"u8);
        P("e8"u8, sizeof(E8)); P("e16"u8, sizeof(E16)); P("e32"u8, sizeof(E32)); P("e64"u8, sizeof(E64));
        P("eu8"u8, sizeof(EU8)); P("eu64"u8, sizeof(EU64));
        Out.Line();

        Out.Str("seq"u8);
        P("empty"u8, sizeof(Empty)); P("one"u8, sizeof(One)); P("mixed"u8, sizeof(Mixed)); P("tail"u8, sizeof(Tail));
        P("nested"u8, sizeof(Nested)); P("natives"u8, sizeof(Natives));
        Out.Str(" gen="u8); Out.Int(sizeof(Pair<long>)); Out.Str(","u8); Out.Int(SizeOf<Pair<byte>>());
        Out.Line();

        Out.Str("pack"u8);
        P("p1"u8, sizeof(P1)); P("p2"u8, sizeof(P2)); P("p4"u8, sizeof(P4)); P("sized"u8, sizeof(Sized)); P("sizedsmall"u8, sizeof(SizedSmall));
        Out.Line();

        Out.Str("explicit"u8);
        P("union"u8, sizeof(Union)); P("gap"u8, sizeof(Gap)); P("overlap"u8, sizeof(Overlap));
        Out.Line();

        Out.Str("fixed"u8);
        P("bytes"u8, sizeof(FixedBytes)); P("ints"u8, sizeof(FixedInts)); P("mixed"u8, sizeof(FixedMixed)); P("inline"u8, sizeof(Inline4));
        Out.Line();

        // stackalloc T[n] multiplies n by the `sizeof T` token: with a 1-byte nint the elements would overlap.
        nint* a = stackalloc nint[4];
        nuint* b = stackalloc nuint[3];
        for (int i = 0; i < 4; i++) a[i] = (nint)(i + 4);
        for (int i = 0; i < 3; i++) b[i] = (nuint)i;
        Out.Str("stackalloc"u8);
        P("nint"u8, (long)((byte*)(a + 4) - (byte*)a)); P("nuint"u8, (long)((byte*)(b + 3) - (byte*)b)); P("last"u8, (long)a[3]);
        Out.Line();
        return 0;
    }
}
