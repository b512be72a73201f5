using Veridian.Build.Project;

namespace Veridian.Build.Tests;

public class GlobTests
{
    [Theory]
    [InlineData("*.c", new[] { "a.c", "b.c" })]
    [InlineData("src/**/*.c", new[] { "src/deep/er/y.c", "src/x.c" })]
    [InlineData("**/*.h", new[] { "inc/a.h", "src/deep/d.h" })]
    [InlineData("src/?.c", new[] { "src/x.c" })]
    [InlineData("a.c", new[] { "a.c" })]
    [InlineData("none/*.c", new string[0])]
    public void Globs_match_sorted_relative_paths_and_skip_out(string pattern, string[] expected)
    {
        var dir = Directory.CreateTempSubdirectory("vdn-glob-").FullName;
        try
        {
            foreach (var f in new[] { "a.c", "b.c", "a.txt", "src/x.c", "src/xy.c.bak", "src/deep/er/y.c", "src/deep/d.h", "inc/a.h", "out/t/debug/z.c" })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, f))!);
                File.WriteAllText(Path.Combine(dir, f), "");
            }
            Assert.Equal(expected, Glob.Expand(dir, pattern));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
