// A newcomer's first C# program for VeridianOS (README.md):
//   ./veridian run --target aarch64-veridian-user-relibc samples/hello-veridian-cs
// Our C# subset (docs/csharp-subset.md) compiled by veridian's own compiler, calling relibc-cs — the C library,
// itself written in C# — through [DllImport("c")]: uname for the system's name, malloc for a buffer, puts to print.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    /// <summary>struct utsname (sys/utsname.h): six fields of 65 bytes.</summary>
    private const int UtsField = 65;

    [DllImport("c", EntryPoint = "uname")]
    private static extern int Uname(byte* name);

    [DllImport("c", EntryPoint = "malloc")]
    private static extern byte* Malloc(nuint size);

    [DllImport("c", EntryPoint = "free")]
    private static extern void Free(byte* p);

    [DllImport("c", EntryPoint = "puts")]
    private static extern int Puts(byte* text);

    private static int Main()
    {
        byte* uts = stackalloc byte[6 * UtsField];
        if (Uname(uts) != 0)
            return 1;
        byte* line = Malloc(256);
        if (line == null)
            return 2;
        var at = 0;
        Append(line, ref at, "Hello from C#, VeridianOS! ("u8);
        Append(line, ref at, new ReadOnlySpan<byte>(uts, Length(uts)));                            // sysname
        Append(line, ref at, " on "u8);
        Append(line, ref at, new ReadOnlySpan<byte>(uts + 4 * UtsField, Length(uts + 4 * UtsField))); // machine
        Append(line, ref at, ")"u8);
        line[at] = 0;
        Puts(line);
        Free(line);
        return 0;
    }

    private static int Length(byte* s)
    {
        var n = 0;
        while (n < UtsField && s[n] != 0)
            n++;
        return n;
    }

    private static void Append(byte* to, ref int at, ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (at < 255)
                to[at++] = b;
        }
    }
}
