// Spans, stackalloc, u8 literals, static read-only data, strings, foreach.
// expect: len=5 first=104 last=111
// expect: primes=2,3,5,7,11,13 sum=41
// expect: squares=0 1 4 9 16 25 36 49
// expect: slice=lo wor
// expect: string=Veridian len=8 eq=1 ne=1 chars=86+110
using System;

static class Program
{
    static ReadOnlySpan<byte> Primes => [2, 3, 5, 7, 11, 13];
    static ReadOnlySpan<int> Weights => [1, 2, 3, 4, 5, 6];

    static int Main()
    {
        ReadOnlySpan<byte> hello = "hello"u8;
        Out.Str("len="u8); Out.Int(hello.Length); Out.Str(" first="u8); Out.Int(hello[0]); Out.Str(" last="u8); Out.Int(hello[^1]); Out.Line();
        Out.Str("primes="u8);
        int sum = 0;
        for (int i = 0; i < Primes.Length; i++) { Out.Int(Primes[i]); if (i < Primes.Length - 1) Out.Str(","u8); sum += Primes[i] * Weights[0]; }
        Out.Str(" sum="u8); Out.Int(sum); Out.Line();
        Span<int> squares = stackalloc int[8];
        for (int i = 0; i < squares.Length; i++) squares[i] = i * i;
        Out.Str("squares="u8);
        foreach (int v in squares) { Out.Int(v); if (v != 49) Out.Str(" "u8); }
        Out.Line();
        ReadOnlySpan<byte> hw = "hello world"u8;
        Out.Str("slice="u8); Out.Str(hw.Slice(3, 2)); Out.Str(" "u8); Out.Str(hw.Slice(6, 3)); Out.Line();
        string s = "Veridian";
        Out.Str("string="u8); Out.Text(s); Out.Str(" len="u8); Out.Int(s.Length);
        Out.Str(" eq="u8); Out.Int(s == "Veridian" ? 1 : 0); Out.Str(" ne="u8); Out.Int(s != "Veridiam" ? 1 : 0);
        Out.Str(" chars="u8); Out.Int(s[0]); Out.Str("+"u8); Out.Int(s[^1]); Out.Line();
        return 0;
    }
}
