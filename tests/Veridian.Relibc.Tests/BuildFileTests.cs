namespace Veridian.Tests;

/// <summary>
/// CMake and Meson projects for VeridianOS with only the files <c>veridian targets emit</c> writes (issue 16, item 3):
/// samples/wordcount-veridian configures, builds against relibc-cs through the prefixed entry points (veridian cc),
/// and its test runs on VeridianOS under QEMU through the emitted emulator (<c>&lt;triple&gt;-run</c>: veridian run).
/// </summary>
public sealed class BuildFileTests
{
    [Theory]
    [InlineData("cmake", "x86_64")]
    [InlineData("cmake", "aarch64")]
    [InlineData("meson", "riscv64")]
    [InlineData("meson", "x86_64")]
    public void A_project_builds_for_VeridianOS_with_the_emitted_file_and_its_test_runs_there(string buildSystem, string arch)
    {
        using var dir = new TempDir();
        var triple = $"{arch}-veridian-user-relibc";
        var project = dir["wordcount"];
        TempDir.CopyTree(Repo.PathOf("samples", "wordcount-veridian"), project);
        var bin = dir["bin"];
        var file = dir[buildSystem == "cmake" ? "toolchain/veridian.cmake" : "veridian.ini"];
        var emit = VeridianCli.Run(["targets", "emit", triple, "-f", buildSystem, "-o", file, "--entry-points", bin], environment: Corpus.Environment);
        Assert.True(emit.ExitCode == 0, emit.ToString());
        var text = File.ReadAllText(file);
        Assert.Contains(Path.Combine(bin, $"{triple}-cc"), text, StringComparison.Ordinal);
        Assert.DoesNotContain("clang-19", text, StringComparison.Ordinal);

        var build = dir["build"];
        var steps = buildSystem == "cmake"
            ? new (string Tool, string[] Args)[]
            {
                ("cmake", ["-G", "Ninja", $"-DCMAKE_TOOLCHAIN_FILE={file}", "-S", project, "-B", build]),
                ("cmake", ["--build", build]),
                ("ctest", ["--test-dir", build, "--output-on-failure"]),
            }
            : [
                ("meson", ["setup", "--cross-file", file, build, project]),
                ("meson", ["compile", "-C", build]),
                ("meson", ["test", "-C", build, "--print-errorlogs"]),
            ];
        foreach (var (tool, args) in steps)
        {
            var r = Repo.Run(tool, args, environment: Corpus.Environment, timeoutMs: 300_000);
            Assert.True(r.ExitCode == 0, $"{tool} {string.Join(' ', args)}\n{r}");
        }

        // The program the build system made is a VeridianOS program: veridian run boots it with arguments.
        var program = Path.Combine(build, "wordcount");
        var run = VeridianCli.Run(["run", "--timeout", "90", "--target", triple, program, "--", "a b", "c"], environment: Corpus.Environment);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("a b: 2\nc: 1\ntotal 3 words, sqrt 1.732\n", run.StdOut);
    }
}
