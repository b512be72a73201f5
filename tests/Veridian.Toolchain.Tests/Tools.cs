using Veridian.Tests;

namespace Veridian.Toolchain.Tests;

/// <summary>Host tools the tests use as oracles.</summary>
internal static class Tools
{
    /// <summary>llvm-objdump-19's disassembly with relocations, without the line naming the file.</summary>
    public static string Disassemble(string obj)
    {
        var r = Repo.Run("llvm-objdump-19", ["-d", "-r", "--no-show-raw-insn", obj]);
        Assert.True(r.ExitCode == 0, r.ToString());
        return string.Join('\n', r.StdOut.Split('\n').Where(l => !l.Contains("file format", StringComparison.Ordinal)));
    }

    public static string ReadElf(params string[] args)
    {
        var r = Repo.Run("llvm-readelf-19", args);
        Assert.True(r.ExitCode == 0, r.ToString());
        return r.StdOut;
    }
}
