// C# half: calls C's twice(), which calls the exported square() back; a double remainder needs libm's fmod,
// which the build adds for C# units on Linux targets. A C constructor of the highest user priority (101) reads a C#
// static that a static constructor sets: C# type initialisers run before every C constructor.
using System.Runtime.InteropServices;

static class Program
{
    [DllImport("c", EntryPoint = "twice")] static extern int Twice(int x);

    [DllImport("c", EntryPoint = "seen_by_constructor")] static extern int SeenByConstructor();

    static readonly int s_ready = Ready();

    static int Ready() => 42;

    [UnmanagedCallersOnly(EntryPoint = "square")]
    static int Square(int x) => x * x;

    [UnmanagedCallersOnly(EntryPoint = "csharp_ready")]
    static int CSharpReady() => s_ready;

    static double Rem(double a, double b) => a % b;

    static int Main() => Twice(7) != 98 ? 1 : Rem(7.5, 2.0) != 1.5 ? 2 : SeenByConstructor() != 42 ? 3 : 0;
}
