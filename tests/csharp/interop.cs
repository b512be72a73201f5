// Unmanaged function pointers to [UnmanagedCallersOnly] methods, sizeof/pointer arithmetic, Pack,
// inline-array collection expressions, ref locals through spans, nint/nuint.
// expect: unmanaged=42 twice=84
// expect: packed=5 aligned=8 offset=1
// expect: ptrdiff=3 bytes=12
// expect: collection=6 nuint=18446744073709551615
// expect: refs=10,20,99
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Sequential, Pack = 1)]
struct Packed { public byte Tag; public int Value; }

struct Aligned { public byte Tag; public int Value; }

static unsafe class Program
{
    [UnmanagedCallersOnly(EntryPoint = "interop_answer")]
    static int Answer(int x) => x + 40;

    [UnmanagedCallersOnly]
    static int Twice(int x) => x * 2;

    static int Sum(ReadOnlySpan<int> values)
    {
        int s = 0;
        foreach (int v in values) s += v;
        return s;
    }

    static int Main()
    {
        delegate* unmanaged<int, int> f = &Answer;
        delegate* unmanaged<int, int> g = &Twice;
        int a = f(2);
        Out.Str("unmanaged="u8); Out.Int(a); Out.Str(" twice="u8); Out.Int(g(a)); Out.Line();
        Packed p = default;
        Out.Str("packed="u8); Out.Int(sizeof(Packed)); Out.Str(" aligned="u8); Out.Int(sizeof(Aligned));
        Out.Str(" offset="u8); Out.Int((long)((byte*)&p.Value - (byte*)&p)); Out.Line();
        int* buf = stackalloc int[8];
        int* q = buf + 3;
        Out.Str("ptrdiff="u8); Out.Int(q - buf); Out.Str(" bytes="u8); Out.Int((long)((byte*)q - (byte*)buf)); Out.Line();
        int x = 1, y = 2, z = 3;
        nuint all = nuint.MaxValue;
        Out.Str("collection="u8); Out.Int(Sum([x, y, z])); Out.Str(" nuint="u8); Out.UInt(all); Out.Line();
        Span<int> s = stackalloc int[3];
        s[0] = 10; s[1] = 20;
        ref int last = ref s[2];
        last = 99;
        Out.Str("refs="u8); Out.Int(s[0]); Out.Str(","u8); Out.Int(s[1]); Out.Str(","u8); Out.Int(s[2]); Out.Line();
        return 0;
    }
}
