// C# half: calls C's twice(), which calls the exported square() back; a double remainder needs libm's fmod,
// which the build adds for C# units on Linux targets.
using System.Runtime.InteropServices;

static class Program
{
    [DllImport("c", EntryPoint = "twice")] static extern int Twice(int x);

    [UnmanagedCallersOnly(EntryPoint = "square")]
    static int Square(int x) => x * x;

    static double Rem(double a, double b) => a % b;

    static int Main() => Twice(7) == 98 && Rem(7.5, 2.0) == 1.5 ? 0 : 1;
}
