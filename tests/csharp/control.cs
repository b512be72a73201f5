// Control flow: switch (jump tables), enums, patterns, goto, local functions, recursion, ternaries.
// expect: switch=zero one two many many
// expect: color=Green flags=5 has=1
// expect: pattern=small medium large
// expect: fib=832040 gcd=6 collatz=111
// expect: local=55 goto=10
// expect: strswitch=2
using System;

enum Color : byte { Red, Green, Blue }
[Flags] enum Perm { None = 0, Read = 1, Write = 2, Exec = 4 }

static class Program
{
    static ReadOnlySpan<byte> Name(int n) => n switch { 0 => "zero"u8, 1 => "one"u8, 2 => "two"u8, _ => "many"u8 };

    static ReadOnlySpan<byte> Size(int n) => n switch { < 10 => "small"u8, >= 10 and < 100 => "medium"u8, _ => "large"u8 };

    static int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
    static int Gcd(int a, int b) { while (b != 0) { int t = a % b; a = b; b = t; } return a; }

    static int Collatz(long n)
    {
        int steps = 0;
        while (n != 1) { n = (n & 1) == 0 ? n / 2 : 3 * n + 1; steps++; }
        return steps;
    }

    static int Main()
    {
        Out.Str("switch="u8);
        for (int i = 0; i < 5; i++) { Out.Str(Name(i)); if (i < 4) Out.Str(" "u8); }
        Out.Line();
        Color c = Color.Green;
        Perm p = Perm.Read | Perm.Exec;
        Out.Str("color="u8);
        switch (c) { case Color.Red: Out.Str("Red"u8); break; case Color.Green: Out.Str("Green"u8); break; default: Out.Str("Blue"u8); break; }
        Out.Str(" flags="u8); Out.Int((int)p); Out.Str(" has="u8); Out.Int((p & Perm.Exec) != 0 ? 1 : 0); Out.Line();
        Out.Str("pattern="u8); Out.Str(Size(3)); Out.Str(" "u8); Out.Str(Size(42)); Out.Str(" "u8); Out.Str(Size(420)); Out.Line();
        Out.Str("fib="u8); Out.Int(Fib(30)); Out.Str(" gcd="u8); Out.Int(Gcd(48, 18)); Out.Str(" collatz="u8); Out.Int(Collatz(27)); Out.Line();
        int acc = 0;
        void AddUpTo(int n) { for (int i = 1; i <= n; i++) acc += i; }
        AddUpTo(10);
        int k = 0;
    again:
        k += 2;
        if (k < 10) goto again;
        Out.Str("local="u8); Out.Int(acc); Out.Str(" goto="u8); Out.Int(k); Out.Line();
        string cmd = "stop";
        int code = cmd switch { "go" => 1, "stop" => 2, "wait" => 3, _ => 0 };
        Out.Str("strswitch="u8); Out.Int(code); Out.Line();
        return 0;
    }
}
