using Veridian.Tests;
using Veridian.Triples;

namespace Veridian.Toolchain.Tests;

/// <summary>The differential oracle: our split pipeline against <c>clang-19 -c</c> with the same flags, compared by disassembly.</summary>
public sealed class ParityTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var t in new[] { "x86_64-veridian-kernel-none", "aarch64-veridian-kernel-none", "riscv64-veridian-kernel-none", "aarch64-linux-gnu" })
            foreach (var o in new[] { "O2" })
                data.Add(t, o);
        data.Add("riscv64-linux-gnu", "O0");
        data.Add("x86_64-veridian-user-relibc", "Os");
        data.Add("aarch64-veridian-user-relibc", "O3");
        data.Add("riscv64-veridian-user-relibc", "Oz");
        data.Add("x86_64-linux-gnu", "O1");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pipeline_object_disassembles_like_clang_c(string triple, string opt)
    {
        var target = TargetDatabase.Resolve(triple);
        using var dir = new TempDir();
        var source = Repo.PathOf("tests", "Veridian.Toolchain.Tests", "Fixtures", "parity.c");
        var ours = Path.Combine(dir.Path, "ours.o");
        var theirs = Path.Combine(dir.Path, "theirs.o");
        CompilePipeline.Compile(new CompileRequest
        {
            Target = target, Input = source, Output = ours, Opt = OptLevels.Parse(opt[1..])!.Value,
            FrontEndArgs = ["-ffreestanding"],
        });
        var clang = Repo.Run("clang-19", [.. CompilePipeline.TargetArgs(target, dir.Path), "-ffreestanding", "-" + opt, "-c", source, "-o", theirs]);
        Assert.True(clang.ExitCode == 0, clang.ToString());
        Assert.Equal(Tools.Disassemble(theirs), Tools.Disassemble(ours));
    }
}
