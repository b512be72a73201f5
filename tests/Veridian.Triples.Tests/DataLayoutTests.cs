using System.Text.RegularExpressions;
using Veridian.Triples;

namespace Veridian.Triples.Tests;

/// <summary>The database's LLVM facts against the two authorities: libLLVM 19 and clang-19 with the target's flags.</summary>
public sealed partial class DataLayoutTests
{
    private const string Source = """
        long counter;
        _Thread_local int per_thread;
        long bump(long by) { per_thread++; return __atomic_add_fetch(&counter, by, __ATOMIC_SEQ_CST); }
        """;

    [Theory]
    [MemberData(nameof(Targets.All), MemberType = typeof(Targets))]
    public void Data_layout_equals_what_libLLVM_gives_a_target_machine_built_from_the_facts(string triple)
    {
        var t = Targets.Get(triple);
        Assert.Equal(t.DataLayout, LlvmOracle.DataLayout(t));
    }

    [Theory]
    [MemberData(nameof(Targets.All), MemberType = typeof(Targets))]
    public void Clang_with_the_targets_flags_emits_its_layout_triple_cpu_features_and_module_flags(string triple)
    {
        var t = Targets.Get(triple);
        var ir = Clang.EmitIr(t.ClangArgs, Source);

        Assert.Equal(t.DataLayout, Quoted(ir, "target datalayout"));
        Assert.Equal(t.LlvmTriple, Quoted(ir, "target triple"));

        var attributes = ir.Split('\n').Single(l => l.StartsWith("attributes #0 ", StringComparison.Ordinal));
        Assert.Equal(t.Cpu, Attribute(attributes, "target-cpu"));
        var clangFeatures = Attribute(attributes, "target-features").Split(',').ToHashSet(StringComparer.Ordinal);
        foreach (var feature in t.Features.Split(','))
            Assert.True(clangFeatures.Contains(feature), $"clang's target-features lack {feature}: {string.Join(',', clangFeatures.Order(StringComparer.Ordinal))}");
        Assert.Equal(t.Arch == Arch.X86_64 && !t.RedZone, attributes.Contains(" noredzone ", StringComparison.Ordinal));

        // llvm::CodeModel in the "Code Model" module flag: Small 1, Kernel 2, Medium 3, Large 4 (absent = default small).
        var codeModel = ModuleFlag(ir, "Code Model");
        Assert.Equal(t.CodeModel switch
        {
            CodeModel.Small => null,
            CodeModel.Kernel => "2",
            CodeModel.Medium => "3",
            CodeModel.Large => "4",
        }, codeModel == "1" ? null : codeModel);
        Assert.Equal(t.LlvmAbi.Length == 0 ? null : $"!\"{t.LlvmAbi}\"", ModuleFlag(ir, "target-abi"));
        Assert.Equal(t.RelocationModel == RelocationModel.Pie, ModuleFlag(ir, "PIE Level") is not null);
        Assert.Equal(t.RelocationModel != RelocationModel.Static, ModuleFlag(ir, "PIC Level") is not null);

        var tls = Regex.Match(ir, @"@per_thread = (?:dso_local )?thread_local(?:\((\w+)\))? (?:local_unnamed_addr )?global");
        Assert.True(tls.Success, "no thread_local per_thread in the IR");
        Assert.Equal(t.TlsModel switch
        {
            TlsModel.LocalExec => "localexec",
            TlsModel.InitialExec => "initialexec",
            TlsModel.GlobalDynamic => "",
        }, tls.Groups[1].Value);
    }

    [Theory]
    [MemberData(nameof(Targets.All), MemberType = typeof(Targets))]
    public void C_types_endianness_atomics_and_macros_match_clangs_predefined_macros(string triple)
    {
        var t = Targets.Get(triple);
        var m = Clang.Macros(t.ClangArgs);
        var c = t.CTypes;
        Assert.Equal(!c.CharSigned, m.ContainsKey("__CHAR_UNSIGNED__"));
        Assert.Equal(!c.WcharSigned, m.ContainsKey("__WCHAR_UNSIGNED__"));
        Assert.Equal(c.Short.ToString(), m["__SIZEOF_SHORT__"]);
        Assert.Equal(c.Int.ToString(), m["__SIZEOF_INT__"]);
        Assert.Equal(c.Long.ToString(), m["__SIZEOF_LONG__"]);
        Assert.Equal(c.LongLong.ToString(), m["__SIZEOF_LONG_LONG__"]);
        Assert.Equal(c.Pointer.ToString(), m["__SIZEOF_POINTER__"]);
        Assert.Equal(c.SizeT.ToString(), m["__SIZEOF_SIZE_T__"]);
        Assert.Equal(c.WcharT.ToString(), m["__SIZEOF_WCHAR_T__"]);
        Assert.Equal(c.Float.ToString(), m["__SIZEOF_FLOAT__"]);
        Assert.Equal(c.Double.ToString(), m["__SIZEOF_DOUBLE__"]);
        Assert.Equal(c.LongDouble.ToString(), m["__SIZEOF_LONG_DOUBLE__"]);
        Assert.Equal(c.LongDoubleMantissaBits.ToString(), m["__LDBL_MANT_DIG__"]);
        Assert.Equal(c.HasInt128, m.ContainsKey("__SIZEOF_INT128__"));
        Assert.Equal(c.MaxAlign.ToString(), m["__BIGGEST_ALIGNMENT__"]);
        Assert.Equal((t.PointerWidth / 8).ToString(), m["__SIZEOF_POINTER__"]);
        Assert.Equal(t.Endianness switch { Endianness.Little => "__ORDER_LITTLE_ENDIAN__", Endianness.Big => "__ORDER_BIG_ENDIAN__" }, m["__BYTE_ORDER__"]);
        Assert.Equal(t.MaxAtomicWidth >= 128, m.ContainsKey("__GCC_HAVE_SYNC_COMPARE_AND_SWAP_16"));
        Assert.Equal("2", m["__GCC_ATOMIC_LLONG_LOCK_FREE"]);
        Assert.Equal(t.Freestanding ? "0" : "1", m["__STDC_HOSTED__"]);
        Assert.Equal(t.StackProtector == StackProtector.Strong, m.ContainsKey("__SSP_STRONG__"));
        Assert.Equal(t.RelocationModel == RelocationModel.Pie, m.ContainsKey("__PIE__"));
        // The FP/SIMD policy as the preprocessor sees it.
        switch (t.Arch)
        {
            case Arch.X86_64:
                Assert.Equal(t.FloatPolicy == FloatPolicy.Hard, m.ContainsKey("__SSE2__"));
                break;
            case Arch.AArch64:
                Assert.Equal(t.FloatPolicy == FloatPolicy.Hard, m.ContainsKey("__ARM_NEON"));
                break;
            case Arch.RiscV64:
                Assert.Equal(t.LlvmAbi == "lp64d", m.ContainsKey("__riscv_float_abi_double"));
                Assert.Equal(t.CodeModel == CodeModel.Medium, m.ContainsKey("__riscv_cmodel_medany"));
                break;
        }
        foreach (var macro in t.Macros)
            Assert.Equal(macro.Value, m[macro.Name]);
        Assert.Equal(t.Os == Os.Veridian, m.ContainsKey("__veridian__"));
        Assert.Equal(t.Os == Os.Linux, m.ContainsKey("__linux__"));
    }

    private static string Quoted(string ir, string key) =>
        Regex.Match(ir, "^" + Regex.Escape(key) + " = \"([^\"]*)\"", RegexOptions.Multiline) is { Success: true } m
            ? m.Groups[1].Value
            : throw new Xunit.Sdk.XunitException($"no '{key}' in the IR");

    private static string Attribute(string attributes, string name) =>
        Regex.Match(attributes, "\"" + Regex.Escape(name) + "\"=\"([^\"]*)\"") is { Success: true } m
            ? m.Groups[1].Value
            : throw new Xunit.Sdk.XunitException($"no {name} in {attributes}");

    /// <summary>The value of a module flag (<c>!{i32 1, !"Code Model", i32 2}</c> → "2"), or null.</summary>
    private static string? ModuleFlag(string ir, string name) =>
        Regex.Match(ir, @"!\{i32 \d+, !""" + Regex.Escape(name) + @""", (?:i32 )?([^}]*)\}") is { Success: true } m ? m.Groups[1].Value.Trim() : null;
}
