// Generics over value types (monomorphised), function pointers, static fields and static constructors.
// expect: max=42 max=9000000000 max=2.5
// expect: pair=3,4 swapped=4,3
// expect: sum=15 sumlong=15
// expect: fnptr=12 fnptr=7
// expect: statics=100 counter=3 table=1,2,3
using System;

struct Pair<T> where T : unmanaged
{
    public T First, Second;
    public Pair(T a, T b) { First = a; Second = b; }
    public Pair<T> Swap() => new Pair<T>(Second, First);
}

static class Stats
{
    public static readonly int Base;
    public static int Counter;
    static Stats() { Base = 100; }
}

static unsafe class Program
{
    static T Max<T>(T a, T b, delegate*<T, T, bool> greater) => greater(a, b) ? a : b;
    static bool GtInt(int a, int b) => a > b;
    static bool GtLong(long a, long b) => a > b;
    static bool GtDouble(double a, double b) => a > b;

    static long Sum<T>(Span<T> values, delegate*<T, long> widen) where T : unmanaged
    {
        long s = 0;
        foreach (var v in values) s += widen(v);
        return s;
    }
    static long WidenInt(int v) => v;
    static long WidenLong(long v) => v;

    static int Add(int a, int b) => a + b;
    static int Sub(int a, int b) => a - b;

    static int Main()
    {
        Out.Str("max="u8); Out.Int(Max(42, 7, &GtInt)); Out.Str(" max="u8); Out.Int(Max(9000000000L, 5L, &GtLong));
        Out.Str(" max="u8); Out.Fixed(Max(2.5, -1.0, &GtDouble), 1); Out.Line();
        var pr = new Pair<int>(3, 4);
        var sw = pr.Swap();
        Out.Str("pair="u8); Out.Int(pr.First); Out.Str(","u8); Out.Int(pr.Second);
        Out.Str(" swapped="u8); Out.Int(sw.First); Out.Str(","u8); Out.Int(sw.Second); Out.Line();
        Span<int> ints = stackalloc int[] { 1, 2, 3, 4, 5 };
        Span<long> longs = stackalloc long[] { 1, 2, 3, 4, 5 };
        Out.Str("sum="u8); Out.Int(Sum(ints, &WidenInt)); Out.Str(" sumlong="u8); Out.Int(Sum(longs, &WidenLong)); Out.Line();
        delegate*<int, int, int> op = &Add;
        Out.Str("fnptr="u8); Out.Int(op(5, 7));
        op = &Sub;
        Out.Str(" fnptr="u8); Out.Int(op(10, 3)); Out.Line();
        for (int i = 0; i < 3; i++) Stats.Counter++;
        Out.Str("statics="u8); Out.Int(Stats.Base); Out.Str(" counter="u8); Out.Int(Stats.Counter);
        Out.Str(" table="u8);
        ReadOnlySpan<int> table = [1, 2, 3];
        for (int i = 0; i < table.Length; i++) { Out.Int(table[i]); if (i < 2) Out.Str(","u8); }
        Out.Line();
        return 0;
    }
}
