using System.Text.RegularExpressions;

namespace Veridian.Tests;

/// <summary>
/// The headers and the C# definitions say the same thing. ABI facts are checked against glibc by the corpus
/// (tests/abi.c, fenv.c); what relibc-cs's C# code itself relies on — the errno values it returns, the FE_ bits it
/// reads from the floating-point registers, the FP_ values — is checked here, between the two sources.
/// </summary>
public sealed partial class HeaderTests
{
    [GeneratedRegex(@"^#define (E[A-Z0-9]+) (\d+)$", RegexOptions.Multiline)]
    private static partial Regex HeaderDefine();

    [GeneratedRegex(@"\b([A-Z0-9]+) = (\d+)")]
    private static partial Regex CSharpConstant();

    [Fact]
    public void Errno_values_of_the_CSharp_code_and_of_errno_h_are_the_same_set()
    {
        var header = HeaderDefine().Matches(File.ReadAllText(Repo.PathOf("relibc-cs", "include", "errno.h")))
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));
        var source = File.ReadAllText(Repo.PathOf("relibc-cs", "src", "Header", "Errno", "Errno.cs"));
        var table = source[source.IndexOf("public static class E", StringComparison.Ordinal)..];
        // C# names drop the E (E.NOENT); errno.h's E2BIG is E.TOOBIG (a C# name cannot start with a digit).
        var csharp = CSharpConstant().Matches(table)
            .ToDictionary(m => m.Groups[1].Value == "TOOBIG" ? "E2BIG" : "E" + m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));
        Assert.NotEmpty(csharp);
        Assert.Equal(header.OrderBy(p => p.Key, StringComparer.Ordinal), csharp.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^#define (FE_[A-Z]+) (0x[0-9a-f]+)$", RegexOptions.Multiline)]
    private static partial Regex FenvDefine();

    [GeneratedRegex(@"\b([A-Z]+) = (0x[0-9A-F]+)")]
    private static partial Regex FenvConstant();

    /// <summary>The text between <paramref name="start"/> and the next <c>#elif</c>, <c>#else</c> or <c>#endif</c>.</summary>
    private static string Section(string text, string start)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no {start}");
        var rest = text[(from + start.Length)..];
        var end = new[] { "#elif", "#else", "#endif" }.Select(m => rest.IndexOf(m, StringComparison.Ordinal)).Where(i => i >= 0).Min();
        return rest[..end];
    }

    [Theory]
    [InlineData("__x86_64__", "VERIDIAN_X86_64")]
    [InlineData("__aarch64__", "VERIDIAN_AARCH64")]
    [InlineData("__riscv", "VERIDIAN_RISCV64")]
    public void FE_values_of_fenv_h_are_the_CSharp_ones_on_each_architecture(string cArch, string csArch)
    {
        var header = Section(File.ReadAllText(Repo.PathOf("relibc-cs", "include", "fenv.h")), $"defined({cArch})");
        var source = File.ReadAllText(Repo.PathOf("relibc-cs", "src", "Header", "Fenv", "Fenv.cs"));
        var table = Section(source[source.IndexOf("public static class Fe", StringComparison.Ordinal)..], csArch);
        var c = FenvDefine().Matches(header).ToDictionary(m => m.Groups[1].Value, m => Convert.ToInt32(m.Groups[2].Value, 16));
        var cs = FenvConstant().Matches(table).ToDictionary(m => "FE_" + m.Groups[1].Value, m => Convert.ToInt32(m.Groups[2].Value, 16));
        Assert.Equal(9, c.Count);
        Assert.Equal(c.OrderBy(p => p.Key, StringComparer.Ordinal), cs.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void FP_classification_values_and_ilogb_limits_of_math_h_are_the_CSharp_ones()
    {
        var header = File.ReadAllText(Repo.PathOf("relibc-cs", "include", "math.h"));
        var source = File.ReadAllText(Repo.PathOf("relibc-cs", "src", "Header", "Math", "Exact.cs"));
        var fp = source[source.IndexOf("public static class Fp", StringComparison.Ordinal)..];
        foreach (var (name, value) in new[] { ("NAN", 0), ("INFINITE", 1), ("ZERO", 2), ("SUBNORMAL", 3), ("NORMAL", 4) })
        {
            Assert.Contains($"#define FP_{name} {value}\n", header, StringComparison.Ordinal);
            Assert.Contains($" {name} = {value}", fp, StringComparison.Ordinal);
        }
        // FP_ILOGB0 / FP_ILOGBNAN: INT_MIN on x86_64 (glibc's choice), -INT_MAX / INT_MAX elsewhere; Exact.cs the same.
        Assert.Contains("#if defined(__x86_64__)\n#define FP_ILOGB0 (-2147483647 - 1)\n#define FP_ILOGBNAN (-2147483647 - 1)\n#else\n#define FP_ILOGB0 (-2147483647)\n#define FP_ILOGBNAN 2147483647\n", header, StringComparison.Ordinal);
        Assert.Contains("#if VERIDIAN_X86_64\n    public const int ILogB0 = -2147483647 - 1, ILogBNaN = -2147483647 - 1;\n#else\n    public const int ILogB0 = -2147483647, ILogBNaN = 2147483647;\n", fp, StringComparison.Ordinal);
        Assert.Contains("#define math_errhandling (MATH_ERRNO | MATH_ERREXCEPT)", header, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"typedef union \{ char __size\[(\d+)\]; long __align; \} (\w+);")]
    private static partial Regex OpaqueType();

    [GeneratedRegex(@"Size = (\d+)\)\]\s*public (?:unsafe )?struct (\w+)")]
    private static partial Regex CSharpSizedStruct();

    /// <summary>The opaque types of a header (C type ← C# struct) and the C# file that defines them.</summary>
    private static readonly (string Header, string[] Source, Dictionary<string, string> Names)[] OpaqueTypes =
    [
        ("pthread.h", ["Pthread", "Types.cs"], new()
        {
            ["ThreadAttributes"] = "pthread_attr_t", ["Mutex"] = "pthread_mutex_t", ["MutexAttributes"] = "pthread_mutexattr_t",
            ["Condition"] = "pthread_cond_t", ["ConditionAttributes"] = "pthread_condattr_t",
            ["ReadWriteLock"] = "pthread_rwlock_t", ["ReadWriteLockAttributes"] = "pthread_rwlockattr_t",
            ["Barrier"] = "pthread_barrier_t", ["BarrierAttributes"] = "pthread_barrierattr_t",
        }),
        ("spawn.h", ["Spawn", "Types.cs"], new() { ["SpawnAttributes"] = "posix_spawnattr_t", ["FileActions"] = "posix_spawn_file_actions_t" }),
    ];

    /// <summary>The opaque types of pthread.h and spawn.h have the sizes of the C# structs behind them, and clang agrees on every target.</summary>
    [Theory]
    [InlineData("x86_64-linux-gnu")]
    [InlineData("aarch64-linux-gnu")]
    [InlineData("riscv64-linux-gnu")]
    public void Opaque_types_of_the_headers_have_the_sizes_of_the_CSharp_structs(string clangTarget)
    {
        using var dir = new TempDir("opaque-sizes");
        foreach (var (headerName, source, names) in OpaqueTypes)
        {
            var header = OpaqueType().Matches(File.ReadAllText(Repo.PathOf("relibc-cs", "include", headerName)))
                .ToDictionary(m => m.Groups[2].Value, m => int.Parse(m.Groups[1].Value));
            var csharp = CSharpSizedStruct().Matches(File.ReadAllText(Repo.PathOf(["relibc-cs", "src", "Header", .. source])))
                .ToDictionary(m => names[m.Groups[2].Value], m => int.Parse(m.Groups[1].Value));
            Assert.Equal(names.Count, csharp.Count);
            Assert.Equal(header.OrderBy(p => p.Key, StringComparer.Ordinal), csharp.OrderBy(p => p.Key, StringComparer.Ordinal));

            var probe = Path.Combine(dir.Path, headerName.Replace(".h", ".c", StringComparison.Ordinal));
            File.WriteAllText(probe, $"#include <{headerName}>\n" + string.Concat(csharp.Select(p =>
                $"_Static_assert(sizeof({p.Key}) == {p.Value} && _Alignof({p.Key}) == 8, \"{p.Key}\");\n")));
            var r = Repo.Run("clang-19", ["--target=" + clangTarget, "-fsyntax-only", "-nostdlibinc", "-isystem", Repo.PathOf("relibc-cs", "include"), probe]);
            Assert.True(r.ExitCode == 0, r.StdErr);
        }
    }
}
