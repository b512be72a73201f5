using System.Text.Json;

namespace Veridian.Elf.Tests;

/// <summary>The <see cref="Report.ElfReport"/>: the facts it reports for each kind of binary (read here as its JSON form,
/// the one <c>veridian inspect --json</c> writes). The command's errors and text form: Veridian.Cli.Tests' InspectCommandTests.</summary>
public class ReportTests
{
    [Fact]
    public void A_freestanding_kernel_style_image_is_static_with_its_build_id_and_PVH_entry()
    {
        var json = GoldenTests.Report(Fixtures.PathOf("x86_64-static-exe"));
        Assert.Equal("executable", json.GetProperty("kind").GetString());
        Assert.Equal("static", json.GetProperty("linking").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("interpreter").ValueKind);
        Assert.Matches("^[0-9a-f]{40}$", json.GetProperty("buildId").GetString());
        var start = json.GetProperty("symbols").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "_start");
        Assert.Equal(start.GetProperty("value").GetUInt64(), json.GetProperty("pvhEntry").GetUInt64());
        Assert.Equal(json.GetProperty("entry").GetUInt64(), json.GetProperty("pvhEntry").GetUInt64());
        var target = json.GetProperty("target");
        Assert.True(target.GetProperty("matches").GetBoolean(), target.ToString());
        Assert.All(target.GetProperty("targets").EnumerateArray(), t => Assert.StartsWith("x86_64-veridian-", t.GetString()));
    }

    [Theory]
    [InlineData("x86_64", "/lib64/ld-linux-x86-64.so.2", "full")]
    [InlineData("aarch64", "/lib/ld-linux-aarch64.so.1", "partial")]
    [InlineData("riscv64", "/lib/ld-linux-riscv64-lp64d.so.1", "partial")]
    public void A_Linux_PIE_reports_interpreter_hardening_and_the_linux_gnu_target(string arch, string interpreter, string relro)
    {
        var json = GoldenTests.Report(Fixtures.PathOf($"{arch}-linux-exe"));
        Assert.Equal("position-independent executable", json.GetProperty("kind").GetString());
        Assert.Equal("dynamic", json.GetProperty("linking").GetString());
        Assert.Equal(interpreter, json.GetProperty("interpreter").GetString());
        Assert.Contains("libc.so.6", json.GetProperty("needed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Linux 3.7.0", json.GetProperty("abiTag").GetString()?.Replace("3.2.0", "3.7.0").Replace("4.15.0", "3.7.0"));
        var h = json.GetProperty("hardening");
        Assert.True(h.GetProperty("pie").GetBoolean());
        Assert.Equal(relro, h.GetProperty("relro").GetString());
        Assert.True(h.GetProperty("nonExecutableStack").GetBoolean());
        Assert.True(h.GetProperty("stackProtector").GetBoolean());
        Assert.False(h.GetProperty("writableAndExecutableSegment").GetBoolean());
        var target = json.GetProperty("target");
        Assert.False(target.GetProperty("matches").GetBoolean() && target.GetProperty("targets")[0].GetString() != $"{arch}-linux-gnu");
        Assert.Equal($"{arch}-linux-gnu", target.GetProperty("targets")[0].GetString());
    }

    [Fact]
    public void A_shared_library_reports_its_soname_and_runpath()
    {
        var json = GoldenTests.Report(Fixtures.PathOf("aarch64-linux-lib"));
        Assert.Equal("shared library", json.GetProperty("kind").GetString());
        Assert.Equal("libfixture.so.1", json.GetProperty("soName").GetString());
        Assert.Equal("/opt/fixture/lib", json.GetProperty("runPath").GetString());
        Assert.False(json.GetProperty("hardening").GetProperty("pie").GetBoolean());
    }

    [Fact]
    public void A_riscv64_object_shows_RVC_the_double_float_ABI_and_its_ISA_string()
    {
        var json = GoldenTests.Report(Fixtures.PathOf("riscv64-object"));
        var flags = json.GetProperty("abiFlags").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Contains("rvc", flags);
        Assert.Contains("float-abi=double", flags);
        Assert.Contains(flags, f => f.StartsWith("isa=rv64i", StringComparison.Ordinal));
        var arch = json.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("tag").GetString() == "Tag_RISCV_arch");
        Assert.Contains("_c2p0", arch.GetProperty("text").GetString());
        Assert.Equal(5u, json.GetProperty("flags").GetUInt32());
        Assert.True(json.GetProperty("target").GetProperty("matches").GetBoolean());
        Assert.Contains("riscv64-veridian-kernel-none", json.GetProperty("target").GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
    }

    [Theory]
    [InlineData("x86_64-veridian-kernel", "x86_64-veridian-kernel-none")]
    [InlineData("aarch64-veridian-kernel", "aarch64-veridian-kernel-none")]
    [InlineData("riscv64-veridian-kernel", "riscv64-veridian-kernel-none")]
    [InlineData("x86_64-veridian-user", "x86_64-veridian-user-relibc")]
    [InlineData("aarch64-veridian-user", "aarch64-veridian-user-relibc")]
    [InlineData("riscv64-veridian-user", "riscv64-veridian-user-relibc")]
    public void An_image_from_our_pipeline_matches_exactly_the_target_it_was_built_for(string fixture, string target)
    {
        var json = GoldenTests.Report(Fixtures.PathOf(fixture));
        var match = json.GetProperty("target");
        Assert.True(match.GetProperty("matches").GetBoolean(), match.ToString());
        Assert.Equal([target], match.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("static", json.GetProperty("linking").GetString());
        Assert.Matches("^[0-9a-f]{40}$", json.GetProperty("buildId").GetString());
    }

    [Theory]
    [InlineData("riscv32-object", "EM_RISCV, ELF32")]
    [InlineData("i386-object", "EM_386")]
    [InlineData("aarch64_be-object", "big-endian")]
    public void A_binary_for_no_Veridian_target_says_why(string fixture, string reason)
    {
        var json = GoldenTests.Report(Fixtures.PathOf(fixture));
        var target = json.GetProperty("target");
        Assert.False(target.GetProperty("matches").GetBoolean());
        Assert.Contains(reason, target.GetProperty("reason").GetString());
    }
}
