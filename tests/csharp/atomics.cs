// Interlocked, Volatile, checked arithmetic that does not overflow, unchecked that wraps.
// expect: inc=1 add=11 xchg=11 cas=5 cas=5 final=9
// expect: volatile=3
// expect: checked=2000000000 unchecked=-294967296
using System;
using System.Threading;

static class Program
{
    static int s_value;
    static volatile int s_flag;

    static int Main()
    {
        int v = 0;
        Out.Str("inc="u8); Out.Int(Interlocked.Increment(ref v));
        Out.Str(" add="u8); Out.Int(Interlocked.Add(ref v, 10));
        Out.Str(" xchg="u8); Out.Int(Interlocked.Exchange(ref v, 5));
        Out.Str(" cas="u8); Out.Int(Interlocked.CompareExchange(ref v, 9, 4));
        Out.Str(" cas="u8); Out.Int(Interlocked.CompareExchange(ref v, 9, 5));
        Out.Str(" final="u8); Out.Int(v); Out.Line();
        Volatile.Write(ref s_value, 2);
        s_flag = 1;
        Out.Str("volatile="u8); Out.Int(Volatile.Read(ref s_value) + s_flag); Out.Line();
        int a = 1000000000;
        int c = checked(a * 2);
        int u = unchecked(a * 4);
        Out.Str("checked="u8); Out.Int(c); Out.Str(" unchecked="u8); Out.Int(u); Out.Line();
        return 0;
    }
}
