using Veridian.Toolchain;
using Veridian.Triples;

namespace Veridian.Compiler.Tests;

/// <summary>What a C library written in C# needs from the compiler (found writing relibc-cs, docs/relibc.md).</summary>
public sealed class LibraryCodeTests
{
    private const string FillLoop = """
        using System.Runtime.InteropServices;
        static unsafe class Lib
        {
            [UnmanagedCallersOnly(EntryPoint = "memset")]
            static void* MemSet(void* d, int v, nuint n) { Fill((byte*)d, (byte)v, n); return d; }
            static void Fill(byte* d, byte v, nuint n) { for (nuint i = 0; i < n; i++) d[i] = v; }
        }
        """;

    private static string OptimisedIr(string source, CodegenOptions codegen)
    {
        var dir = Directory.CreateTempSubdirectory("vdn-cs-lib-");
        try
        {
            var output = Path.Combine(dir.FullName, "lib.ll");
            CSharpCompiler.Compile(new CSharpCompileRequest
            {
                Sources = [new SourceFile("lib.cs", source)],
                Target = TargetDatabase.Resolve("x86_64-linux-relibc"),
                Opt = OptLevel.O2,
                Codegen = codegen,
                Output = output,
                Kind = OutputKind.LlvmIr,
            });
            return File.ReadAllText(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Without_fno_builtin_a_fill_loop_becomes_memset_so_a_libc_memset_would_call_itself()
    {
        Assert.Contains("@llvm.memset", OptimisedIr(FillLoop, CodegenOptions.Default), StringComparison.Ordinal);
    }

    [Fact]
    public void With_fno_builtin_the_fill_loop_stays_a_loop()
    {
        var ir = OptimisedIr(FillLoop, CodegenOptions.FromFlags(["-fno-builtin"]));
        Assert.DoesNotContain("@llvm.memset", ir, StringComparison.Ordinal);
        Assert.Contains("\"no-builtins\"", ir, StringComparison.Ordinal);
    }

    [Fact]
    public void A_static_field_with_a_C_symbol_is_an_exported_global_even_when_no_CSharp_code_uses_it()
    {
        var ir = CSharpCompiler.Translate([new SourceFile("vars.cs", """
            using Veridian.Interop;
            static unsafe class Vars
            {
                [CSymbol("environ")] public static byte** Environ;
                [CSymbol("optind")] public static int OptInd = 1;
                static int s_private;
                [System.Runtime.InteropServices.UnmanagedCallersOnly(EntryPoint = "bump")] static int Bump() => ++s_private;
            }
            """)], TargetDatabase.Resolve("aarch64-linux-relibc"));
        Assert.Contains("@environ = global [8 x i8] zeroinitializer, align 8", ir, StringComparison.Ordinal);
        Assert.Contains("@optind = global [4 x i8] zeroinitializer, align 4", ir, StringComparison.Ordinal);
        Assert.Contains("internal global", ir, StringComparison.Ordinal); // fields without a symbol stay private
    }

    [Fact]
    public void A_C_symbol_on_a_field_of_a_generic_type_is_rejected_with_VDN4100()
    {
        var e = Assert.Throws<Veridian.Diagnostics.DiagnosticException>(() => CSharpCompiler.Translate([new SourceFile("g.cs", """
            using Veridian.Interop;
            static class Box<T> where T : unmanaged { [CSymbol("shared")] public static T Value; }
            static class Use { [System.Runtime.InteropServices.UnmanagedCallersOnly(EntryPoint = "get")] static int Get() => Box<int>.Value; }
            """)], TargetDatabase.Resolve("x86_64-linux-relibc")));
        Assert.Equal("VDN4100", e.Diagnostics[0].Code);
    }
}
