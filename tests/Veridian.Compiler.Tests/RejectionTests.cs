using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Compiler.Tests;

/// <summary>
/// Every construct docs/csharp-subset.md rejects, as a small program: the compile fails with the documented
/// VDN4xxx code at the line marked <c>// <-</c>.
/// </summary>
public sealed class RejectionTests
{
    private const string Main = "static class Program { static int Main() { Use(); return 0; } static void Use() { } }\n";

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "missing_api", CompilerCodes.CSharpError, "static class A {\n static void F() {\n  System.Console.WriteLine(1); // <-\n }\n}" },
        { "class_instance_field", CompilerCodes.ClassInstance, "class C {\n  int x; // <-\n}" },
        { "class_new", CompilerCodes.ClassInstance, "static class A {\n static object F() {\n  return new object(); // <-\n }\n}" },
        { "class_inheritance", CompilerCodes.ClassInstance, "static class A { }\nclass B : C { } // <-\nclass C { }" },
        { "record", CompilerCodes.ClassInstance, "record struct R(int X);\nrecord Q(int Y); // <-" },
        { "array_type", CompilerCodes.Array, "static class A {\n static int F(int[] a) // <-\n { return 0; }\n}" },
        { "array_new", CompilerCodes.Array, "static class A {\n static void F() {\n  var a = new int[4]; // <-\n }\n}" },
        { "throw", CompilerCodes.Exceptions, "static class A {\n static void F() {\n  throw null; // <-\n }\n}" },
        { "try_finally", CompilerCodes.Exceptions, "static class A {\n static void F() {\n  try { } // <-\n  finally { }\n }\n}" },
        { "using_statement", CompilerCodes.Exceptions, "ref struct D { public void Dispose() { } }\nstatic class A {\n static void F() {\n  using (var d = new D()) { } // <-\n }\n}" },
        { "lock", CompilerCodes.Exceptions, "static class A {\n static void F() {\n  lock (\"x\") { } // <-\n }\n}" },
        { "delegate_type", CompilerCodes.Delegate, "delegate int D(int x); // <-" },
        { "lambda", CompilerCodes.Delegate, "delegate int D(int x);\nstatic class A {\n static void F() {\n  D d = x => x + 1; // <-\n }\n}" },
        { "string_concat", CompilerCodes.StringBuilding, "static class A {\n static string F(string a) {\n  return a + a; // <-\n }\n}" },
        { "interpolation", CompilerCodes.StringBuilding, "static class A {\n static string F(int a) {\n  return $\"{a}\"; // <-\n }\n}" },
        { "boxing", CompilerCodes.Boxing, "static class A {\n static object F(int a) {\n  return a; // <-\n }\n}" },
        { "interface", CompilerCodes.VirtualDispatch, "interface I { } // <-" },
        { "virtual", CompilerCodes.VirtualDispatch, "struct S {\n  public override int GetHashCode() => 1; // <-\n}" },
        { "async", CompilerCodes.AsyncIterator, "static class A {\n static async void F() { } // <-\n}" },
        { "yield", CompilerCodes.AsyncIterator, "static class A {\n static System.Span<int> F() {\n  yield return 1; // <-\n }\n}" },
        { "typeof", CompilerCodes.TypeInfo, "static class A {\n static void F() {\n  var t = typeof(int); // <-\n }\n}" },
        { "type_test", CompilerCodes.TypeInfo, "static class A {\n static bool F(string o) {\n  return o is string; // <-\n }\n}" },
        { "as", CompilerCodes.TypeInfo, "static class A {\n static string F(string o) {\n  return o as string; // <-\n }\n}" },
        { "params_array", CompilerCodes.Array, "static class A {\n static int F(params int[] a) // <-\n { return 0; }\n}" },
        { "using_declaration", CompilerCodes.Exceptions, "ref struct D { public void Dispose() { } }\nstatic class A {\n static void F() {\n  using var d = new D(); // <-\n }\n}" },
        { "event", CompilerCodes.Delegate, "delegate void H();\nstatic class A {\n static event H E; // <-\n}" },
        { "method_group", CompilerCodes.Delegate, "delegate void H();\nstatic class A {\n static void G() { }\n static void F() {\n  H h = G; // <-\n }\n}" },
        { "abstract_class", CompilerCodes.VirtualDispatch, "abstract class B { } // <-" },
        { "dynamic", CompilerCodes.AsyncIterator, "static class A {\n static void F() {\n  dynamic d = 1; // <-\n }\n}" },
        { "auto_layout", CompilerCodes.AutoLayout, "[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)] // <-\nstruct S { public byte A; public long B; }" },
        { "thread_static_initializer", CompilerCodes.ThreadStaticInitializer, "static class A {\n [System.ThreadStatic] static int t = 1; // <-\n}" },
        { "generic_over_class", CompilerCodes.GenericOverClass, "static class A {\n static void G<T>(T x) { }\n static void F() {\n  G<string>(\"a\"); // <-\n }\n}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Construct_outside_the_subset_reports_its_code_at_its_line(string name, string code, string program)
    {
        var (diagnostics, line) = Compile(name, program, "x86_64-linux-gnu");
        Assert.Contains(diagnostics, d => d.Code == code && d.Location is { } l && l.File == name + ".cs" && l.Line == line);
    }

    [Fact]
    public void Struct_with_a_reference_field_across_the_C_ABI_reports_VDN4100_at_the_call()
    {
        const string program = "struct S { public string A; }\nstatic class Program {\n [System.Runtime.InteropServices.DllImport(\"c\")] static extern void Take(S s);\n static int Main() {\n  Take(new S()); // <-\n  return 0;\n }\n}";
        var (diagnostics, line) = Compile("byvalue", program, "x86_64-linux-gnu", withMain: false);
        Assert.Contains(diagnostics, d => d.Code == CompilerCodes.Unsupported && d.Location is { } l && l.File == "byvalue.cs" && l.Line == line);
    }

    [Fact]
    public void Port_IO_on_aarch64_reports_VDN4102_at_the_call()
    {
        const string program = "static class K {\n [System.Runtime.InteropServices.UnmanagedCallersOnly(EntryPoint = \"kmain\")]\n static void KMain() {\n  Veridian.Intrinsics.Cpu.OutByte(0x3f8, 65); // <-\n }\n}";
        var (diagnostics, line) = Compile("portio", program, "aarch64-veridian-kernel-none", withMain: false);
        Assert.Contains(diagnostics, d => d.Code == CompilerCodes.IntrinsicMisuse && d.Location is { } l && l.Line == line);
    }

    [Fact]
    public void Asm_template_that_is_not_a_literal_reports_VDN4102_at_the_call()
    {
        const string program = "static class K {\n static string T() => \"nop\";\n [System.Runtime.InteropServices.UnmanagedCallersOnly(EntryPoint = \"kmain\")]\n static void KMain() {\n  Veridian.Intrinsics.Cpu.Asm(T()); // <-\n }\n}";
        var (diagnostics, line) = Compile("asm", program, "riscv64-veridian-kernel-none", withMain: false);
        Assert.Contains(diagnostics, d => d.Code == CompilerCodes.IntrinsicMisuse && d.Location is { } l && l.Line == line);
    }

    [Theory]
    [InlineData("Veridian.Intrinsics.Cpu.Asm(\"msr vbar_el1, x9\", \"~{x9},~{memory}\", 0);")]
    [InlineData("Veridian.Intrinsics.Cpu.Asm(\"nop\", \"r,r\", 1);")]
    [InlineData("Veridian.Intrinsics.Cpu.AsmResult(\"mrs $0, cntfrq_el0\", \"r\");")]
    public void Asm_whose_constraints_do_not_match_its_operands_reports_VDN4102_at_the_call(string call)
    {
        // Found writing the kernel: LLVM rejected the IR and the user saw VDN4900, "a compiler bug", without a line.
        var program = "static class K {\n [System.Runtime.InteropServices.UnmanagedCallersOnly(EntryPoint = \"kmain\")]\n static void KMain() {\n  " + call + " // <-\n }\n}";
        var (diagnostics, line) = Compile("asmops", program, "aarch64-veridian-kernel-none", withMain: false);
        Assert.Contains(diagnostics, d => d.Code == CompilerCodes.IntrinsicMisuse && d.Location is { } l && l.Line == line);
    }

    [Fact]
    public void Vector128_with_float_lanes_reports_VDN4100_at_the_call()
    {
        const string program = "static class Program {\n static int Main() {\n  var v = System.Runtime.Intrinsics.Vector128.Create(1.5f); // <-\n  return (int)System.Runtime.Intrinsics.Vector128.ExtractMostSignificantBits(v);\n }\n}";
        var (diagnostics, line) = Compile("vecfloat", program, "x86_64-linux-gnu", withMain: false);
        Assert.Contains(diagnostics, d => d.Code == CompilerCodes.Unsupported && d.Location is { } l && l.Line == line);
    }

    [Theory]
    [InlineData("x86_64-linux-gnu", true)]
    [InlineData("aarch64-linux-gnu", true)]
    [InlineData("riscv64-linux-gnu", false)]
    [InlineData("x86_64-veridian-kernel-none", false)]
    [InlineData("aarch64-veridian-kernel-none", false)]
    public void Vector128_IsHardwareAccelerated_is_the_targets_vector_unit(string triple, bool accelerated)
    {
        // SSE2, NEON or RISC-V V in the target's features; kernels build without them (no FP/SIMD state to save).
        const string program = "static class K {\n [System.Runtime.InteropServices.UnmanagedCallersOnly(EntryPoint = \"probe\")]\n static int Probe() => System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated ? 11 : 22;\n}";
        var target = TargetDatabase.Resolve(triple);
        var ir = CSharpCompiler.Translate([new SourceFile("probe.cs", program)], target);
        var dir = Directory.CreateTempSubdirectory("vdn-cs-probe-");
        try
        {
            var ll = Path.Combine(dir.FullName, "probe.ll");
            CSharpCompiler.CompileIr(ir, target, Veridian.Toolchain.OptLevel.O2, ll, Veridian.Toolchain.OutputKind.LlvmIr);
            Assert.Contains(accelerated ? "ret i32 11" : "ret i32 22", File.ReadAllText(ll), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void TargetFeatures_compiles_one_method_for_AVX2_and_leaves_the_others_at_the_baseline()
    {
        const string program = "using System.Runtime.Intrinsics;\nstatic unsafe class K {\n [Veridian.Intrinsics.TargetFeatures(\"+avx,+avx2\")]\n static uint Wide(byte* p) => Vector256.Equals(Vector256.Load(p), Vector256<byte>.Zero).ExtractMostSignificantBits();\n static uint Narrow(byte* p) => Vector256.Equals(Vector256.Load(p), Vector256<byte>.Zero).ExtractMostSignificantBits();\n [System.Runtime.InteropServices.UnmanagedCallersOnly(EntryPoint = \"wide\")]\n static uint W(byte* p) => Wide(p);\n [System.Runtime.InteropServices.UnmanagedCallersOnly(EntryPoint = \"narrow\")]\n static uint N(byte* p) => Narrow(p);\n}";
        var target = TargetDatabase.Resolve("x86_64-linux-gnu");
        var ir = CSharpCompiler.Translate([new SourceFile("avx2.cs", program)], target);
        var dir = Directory.CreateTempSubdirectory("vdn-cs-avx2-");
        try
        {
            var asm = Path.Combine(dir.FullName, "avx2.s");
            CSharpCompiler.CompileIr(ir, target, Veridian.Toolchain.OptLevel.O2, asm, Veridian.Toolchain.OutputKind.Assembly);
            var text = File.ReadAllText(asm);
            var narrow = text[text.IndexOf("\nnarrow:", StringComparison.Ordinal)..];
            narrow = narrow[..narrow.IndexOf("\tret", StringComparison.Ordinal)];
            Assert.Contains("vpmovmskb\t%ymm", text, StringComparison.Ordinal);
            Assert.Contains("pmovmskb\t%xmm", narrow, StringComparison.Ordinal);
            Assert.DoesNotContain("ymm", narrow, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void TargetFeatures_that_are_not_a_feature_list_report_VDN4102()
    {
        const string program = "static class K {\n [Veridian.Intrinsics.TargetFeatures(\"avx2 sse4\")]\n [System.Runtime.InteropServices.UnmanagedCallersOnly(EntryPoint = \"f\")]\n static int F() => 1; // <-\n}";
        var e = Assert.Throws<DiagnosticException>(() => CSharpCompiler.Translate([new SourceFile("features.cs", program)], TargetDatabase.Resolve("x86_64-linux-gnu")));
        Assert.Contains(e.Diagnostics, d => d.Code == CompilerCodes.IntrinsicMisuse);
    }

    [Fact]
    public void A_static_Main_whose_signature_is_not_an_entry_points_is_an_ordinary_method()
    {
        // Found writing the kernel: Kernel.Main(bool) was taken for the program's entry point (VDN4103); C# agrees it is not one (CS0028).
        const string program = "static class K {\n public static int Main(bool ok) => ok ? 1 : 0;\n [System.Runtime.InteropServices.UnmanagedCallersOnly(EntryPoint = \"kmain\")]\n static int KMain() => Main(true); // <-\n}";
        var ir = CSharpCompiler.Translate([new SourceFile("mainbool.cs", program)], TargetDatabase.Resolve("riscv64-veridian-kernel-none"));
        Assert.Contains("@kmain(", ir, StringComparison.Ordinal);
        Assert.DoesNotContain("define i32 @main(", ir, StringComparison.Ordinal);
    }

    [Fact]
    public void Main_with_parameters_reports_VDN4103()
    {
        var (diagnostics, _) = Compile("mainargs", "static class Program { static int Main(int argc) { return 0; } } // <-", "x86_64-linux-gnu", withMain: false);
        Assert.Contains(diagnostics, d => d.Code == CompilerCodes.NoEntryPoint);
    }

    [Fact]
    public void Program_without_entry_point_reports_VDN4103()
    {
        var (diagnostics, _) = Compile("noentry", "static class A { static void F() { } } // <-", "x86_64-linux-gnu", withMain: false);
        Assert.Contains(diagnostics, d => d.Code == CompilerCodes.NoEntryPoint);
    }

    private static (IReadOnlyList<Diagnostic> Diagnostics, int Line) Compile(string name, string program, string triple, bool withMain = true)
    {
        var text = (withMain ? Main : "") + program;
        var line = text.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains("// <-", StringComparison.Ordinal)).i + 1;
        var e = Assert.Throws<DiagnosticException>(() => CSharpCompiler.Translate([new SourceFile(name + ".cs", text)], TargetDatabase.Resolve(triple)));
        return (e.Diagnostics, line);
    }
}
