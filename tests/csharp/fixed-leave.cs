// fixed statements left by break, continue, goto and return: Roslyn unpins in try/finally regions (cs-soak seed 10).
// expect: first=3 none=-1 neg=-1
// expect: nested=40 small=8
// expect: chars=203
using System;

static unsafe class Program
{
    static int s_global = 5;
    static ReadOnlySpan<char> Letters => "abcdef";

    static int FirstOver(Span<int> values, int limit)
    {
        for (int i = 0; i < values.Length; i++)
        {
            fixed (int* p = values)
            {
                if (p[i] > limit) return i;       // leave through the finally to the return
                if (p[i] == 0) continue;          // leave to the loop increment
                if (p[i] < 0) break;              // leave out of the loop
            }
        }
        return -1;
    }

    static int Nested(Span<int> a, Span<int> b)
    {
        int n = 0;
        for (int i = 0; i < 4; i++)
        {
            fixed (int* pa = a)
            {
                fixed (int* pb = b)
                {
                    n += pa[i] * pb[i];
                    if (n > 20) goto done;        // leaves both regions: inner finally, then outer
                    if (i == 2) break;
                }
                n++;
            }
        }
    done:
        return n;
    }

    static int Chars()
    {
        int sum = 0;
        for (int k = 0; k < 3; k++)
        {
            fixed (char* c = Letters)
            {
                sum += c[k];
                if (k == 1) break;
            }
        }
        fixed (int* g = &s_global)
        {
            for (int j = 0; j < 10; j++)
            {
                if (j == 3) break;            // a loop inside fixed: no leave
                *g += j;
            }
        }
        return sum + s_global;
    }

    static int Main()
    {
        Span<int> v = stackalloc int[] { 3, 0, 9, 12, -1, 40 };
        Out.Str("first="u8); Out.Int(FirstOver(v, 10)); Out.Str(" none="u8); Out.Int(FirstOver(v.Slice(0, 3), 50)); Out.Str(" neg="u8); Out.Int(FirstOver(v.Slice(4), 100)); Out.Line();
        Span<int> a = stackalloc int[] { 1, 2, 3, 4 };
        Span<int> b = stackalloc int[] { 5, 6, 7, 8 };
        Out.Str("nested="u8); Out.Int(Nested(a, b)); Out.Str(" small="u8); Out.Int(Nested(b.Slice(0, 1).Length == 1 ? stackalloc int[] { 1, 1, 1, 1 } : a, a)); Out.Line();
        Out.Str("chars="u8); Out.Int(Chars()); Out.Line();
        return 0;
    }
}
