using Veridian.Toolchain;
using Veridian.Triples;

namespace Veridian.Compiler.Tests;

/// <summary>
/// Checked overflow, out-of-range span indexing and division by zero call the panic hook, which a program
/// overrides by exporting <c>__veridian_panic</c> (docs/csharp-subset.md, "The panic hook").
/// </summary>
public sealed class PanicTests
{
    private const string Program = """
        using System;
        using System.Runtime.InteropServices;
        static unsafe class Program
        {
            [DllImport("c", EntryPoint = "write")] static extern nint Write(int fd, byte* p, nint n);
            [DllImport("c", EntryPoint = "_exit")] static extern void Exit(int code);

            [UnmanagedCallersOnly(EntryPoint = "__veridian_panic")]
            static void OnPanic(byte* message, nuint length)
            {
                fixed (byte* p = "panic: "u8) Write(1, p, 7);
                Write(1, message, (nint)length);
                Exit(3);
            }

            static int s_big = int.MaxValue, s_zero = 0, s_index = 4;

            static int Main()
            {
                Span<int> span = stackalloc int[4];
                __CASE__;
                return 0;
            }
        }
        """;

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var arch in new[] { "x86_64", "aarch64", "riscv64" })
        {
            data.Add(arch, "span[0] = checked(s_big + 1)", "panic: arithmetic overflow");
            data.Add(arch, "span[s_index] = 1", "panic: index out of range");
            data.Add(arch, "span[0] = 10 / s_zero", "panic: division by zero");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Runtime_failure_calls_the_exported_panic_hook(string arch, string statement, string expected)
    {
        var target = TargetDatabase.Resolve($"{arch}-linux-gnu");
        var dir = Directory.CreateTempSubdirectory("vdn-cs-panic-");
        try
        {
            var obj = Path.Combine(dir.FullName, "p.o");
            var exe = Path.Combine(dir.FullName, "p");
            CSharpCompiler.Compile(new CSharpCompileRequest
            {
                Sources = [new SourceFile("panic.cs", Program.Replace("__CASE__", statement, StringComparison.Ordinal))],
                Target = target,
                Opt = OptLevel.O2,
                Output = obj,
            });
            Corpus.Link(target, obj, exe);
            var run = Corpus.RunLinux(target, exe);
            Assert.Equal(expected, run.StdOut);
            Assert.Equal(3, run.ExitCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
