// C# half: calls C's twice(), which calls the exported square() back.
using System.Runtime.InteropServices;

static class Program
{
    [DllImport("c", EntryPoint = "twice")] static extern int Twice(int x);

    [UnmanagedCallersOnly(EntryPoint = "square")]
    static int Square(int x) => x * x;

    static int Main() => Twice(7) == 98 ? 0 : 1;
}
