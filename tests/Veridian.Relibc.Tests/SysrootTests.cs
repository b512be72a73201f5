using Veridian.Triples;

namespace Veridian.Tests;

/// <summary>The sysroot `veridian cc` builds on demand for the *-linux-relibc targets (docs/relibc.md, "Sysroot").</summary>
public sealed class SysrootTests
{
    private static string Sysroot(string triple) => Repo.PathOf("artifacts", "sysroot", triple);

    [Theory]
    [InlineData("x86_64-linux-relibc")]
    [InlineData("aarch64-linux-relibc")]
    [InlineData("riscv64-linux-relibc")]
    public void Compiling_for_a_relibc_target_leaves_the_documented_sysroot_and_a_second_compile_reinstalls_nothing(string triple)
    {
        using var dir = new TempDir();
        Corpus.Compile("exit", triple, dir["first"]);
        string[] layout = ["include/stdio.h", "include/errno.h", "lib/crt1.o", "lib/crti.o", "lib/crtn.o", "lib/libc.a", "lib/libm.a", "lib/libpthread.a"];
        foreach (var file in layout)
            Assert.True(File.Exists(Path.Combine(Sysroot(triple), file)), $"{triple}: no {file} in the sysroot");
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(Sysroot(triple), ".relibc-manifest"));
        var libc = File.GetLastWriteTimeUtc(Path.Combine(Sysroot(triple), "lib", "libc.a"));

        Corpus.Compile("exit", triple, dir["second"]);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(Sysroot(triple), ".relibc-manifest")));
        Assert.Equal(libc, File.GetLastWriteTimeUtc(Path.Combine(Sysroot(triple), "lib", "libc.a")));
        // Same inputs, same bytes: the two programs are identical.
        Assert.Equal(File.ReadAllBytes(dir["first"]), File.ReadAllBytes(dir["second"]));
    }

    [Fact]
    public void A_relibc_program_is_static_with_no_interpreter_and_links_only_what_it_uses()
    {
        using var dir = new TempDir();
        Corpus.Compile("exit", "x86_64-linux-relibc", dir["exit"]);
        var bytes = File.ReadAllBytes(dir["exit"]);
        Assert.Equal(2, BitConverter.ToUInt16(bytes, 16)); // e_type ET_EXEC: static, not PIE
        Assert.DoesNotContain("/lib64/ld-linux", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        // exit.c uses stdio and atexit, not the allocator: malloc must not be in the image.
        Assert.DoesNotContain("malloc", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }
}
