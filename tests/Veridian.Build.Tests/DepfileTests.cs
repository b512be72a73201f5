using Veridian.Build.Execution;

namespace Veridian.Build.Tests;

public class DepfileTests
{
    [Theory]
    [InlineData("obj: src/a.c include/a.h\n", new[] { "src/a.c", "include/a.h" })]
    [InlineData("obj: src/a.c \\\n  include/a.h \\\n  /usr/lib/llvm-19/lib/clang/19/include/stddef.h\n", new[] { "src/a.c", "include/a.h", "/usr/lib/llvm-19/lib/clang/19/include/stddef.h" })]
    [InlineData("obj: my\\ dir/a.c x$$y.h\n", new[] { "my dir/a.c", "x$y.h" })]
    [InlineData("a.o b.o: a.c a.h a.h\n", new[] { "a.c", "a.h" })]
    [InlineData("obj: a.c\r\n", new[] { "a.c" })]
    [InlineData("obj:\n", new string[0])]
    public void Make_style_depfiles_parse_to_their_prerequisites(string text, string[] expected) =>
        Assert.Equal(expected, Depfile.Parse(text));

    [Fact]
    public void A_depfile_written_by_clang_lists_the_source_and_its_headers()
    {
        var dir = Directory.CreateTempSubdirectory("vdn-dep-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.h"), "int f(void);\n");
            File.WriteAllText(Path.Combine(dir, "sp ace.h"), "int g(void);\n");
            File.WriteAllText(Path.Combine(dir, "a.c"), "#include \"a.h\"\n#include \"sp ace.h\"\nint f(void) { return 1; }\n");
            var r = Veridian.Tests.Repo.Run("/usr/bin/clang-19", ["-c", "a.c", "-o", "a.o", "-MD", "-MF", "a.d", "-MT", "obj"], dir);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(["a.c", "a.h", "sp ace.h"], Depfile.Parse(File.ReadAllText(Path.Combine(dir, "a.d"))));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
