namespace Veridian.Tests;

/// <summary>
/// relibc-cs's VeridianOS backend end to end (issue 16): programs built with <c>veridian cc --target
/// &lt;arch&gt;-veridian-user-relibc</c> and run by <c>veridian run</c> as /init beside the SDK's kernel under QEMU
/// (docs/run.md, "VeridianOS programs"). Each run is one real boot of a few seconds.
/// </summary>
public sealed class VeridianTests
{
    private static string[] RunArgs(string arch, string path) => ["run", "--timeout", "90", "--target", $"{arch}-veridian-user-relibc", path];

    [Theory]
    [InlineData("hello-veridian", "x86_64", "Hello, VeridianOS!")]
    [InlineData("hello-veridian", "aarch64", "Hello, VeridianOS!")]
    [InlineData("hello-veridian", "riscv64", "Hello, VeridianOS!")]
    [InlineData("hello-veridian-cs", "x86_64", "Hello from C#, VeridianOS!")]
    [InlineData("hello-veridian-cs", "aarch64", "Hello from C#, VeridianOS!")]
    [InlineData("hello-veridian-cs", "riscv64", "Hello from C#, VeridianOS!")]
    public void A_newcomers_sample_prints_the_greeting_and_exits_0(string sample, string arch, string greeting)
    {
        using var dir = new TempDir();
        TempDir.CopyTree(Repo.PathOf("samples", sample), dir[sample]);
        var result = VeridianCli.Run(RunArgs(arch, dir[sample]), environment: Corpus.Environment);
        Assert.True(result.ExitCode == 0, result.ToString());
        // Only the program's part of the console: no boot log. The C# sample calls relibc-cs through [DllImport].
        Assert.Equal($"{greeting} (VeridianOS on {arch})\n", result.StdOut);
    }

    [Theory]
    [InlineData("x86_64")]
    [InlineData("aarch64")]
    [InlineData("riscv64")]
    public void A_programs_exit_status_and_output_without_a_final_newline_come_back(string arch)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["status.c"], "#include <stdio.h>\n#include <stdlib.h>\nint main(void) { printf(\"status %d\", 42); exit(42); }\n");
        Compile(dir["status.c"], arch, dir["status"]);
        var result = VeridianCli.Run(RunArgs(arch, dir["status"]), environment: Corpus.Environment);
        Assert.True(result.ExitCode == 42, result.ToString());
        Assert.Equal("status 42", result.StdOut);
    }

    [Fact]
    public void A_crashing_program_is_VDN3113_with_status_139()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["crash.c"], "#include <stdio.h>\nint main(void) { puts(\"before\"); fflush(stdout); *(volatile int *)8 = 1; return 0; }\n");
        Compile(dir["crash.c"], "aarch64", dir["crash"]);
        var result = VeridianCli.Run(RunArgs("aarch64", dir["crash"]), environment: Corpus.Environment);
        Assert.True(result.ExitCode == 139, result.ToString());
        Assert.Contains("error VDN3113", result.StdErr, StringComparison.Ordinal);
        Assert.StartsWith("before\n", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x86_64")]
    [InlineData("aarch64")]
    [InlineData("riscv64")]
    public void Arguments_and_environment_reach_the_program_and_execve_passes_its_own_to_the_new_image(string arch)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["args.c"], """
            #include <stdio.h>
            #include <string.h>
            #include <unistd.h>
            #include <sys/wait.h>
            extern char **environ;
            int main(int argc, char **argv) {
                for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
                for (char **e = environ; *e; e++) printf("env %s\n", *e);
                if (argc > 1 && strcmp(argv[1], "child") == 0) return 7;
                pid_t pid = fork();
                if (pid == 0) {
                    char *a[] = {"/init", "child", "two words", NULL}, *e[] = {"CHILD=1", NULL};
                    execve("/init", a, e);
                    _exit(99);
                }
                int status = 0;
                waitpid(pid, &status, 0);
                printf("child status %d\n", WEXITSTATUS(status));
                return 0;
            }
            """);
        Compile(dir["args.c"], arch, dir["args"]);
        var result = VeridianCli.Run([.. RunArgs(arch, dir["args"]), "--env", "GREETING=hi there", "--", "hello world", "", "-x"], environment: Corpus.Environment);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""
            argv[0]=/init
            argv[1]=hello world
            argv[2]=
            argv[3]=-x
            env GREETING=hi there
            argv[0]=/init
            argv[1]=child
            argv[2]=two words
            env CHILD=1
            child status 7

            """, result.StdOut);
    }

    [Fact]
    public void Arguments_beyond_the_kernels_page_are_VDN3112_before_anything_boots()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["a.c"], "int main(void) { return 0; }\n");
        Compile(dir["a.c"], "x86_64", dir["a"]);
        var result = VeridianCli.Run([.. RunArgs("x86_64", dir["a"]), "--", new string('x', 5000)], environment: Corpus.Environment);
        Assert.Contains("error VDN3112", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("at most 4096", result.StdErr, StringComparison.Ordinal);
        Assert.NotEqual(0, result.ExitCode);
    }

    /// <summary>
    /// Every program of relibc-cs/tests/ not in quarantine-veridian.txt prints on VeridianOS what it prints on Linux
    /// (against relibc-cs's Linux backend, itself tested against glibc) and exits the same way. One boot per
    /// architecture runs them all: /init is the corpus launcher (tests/c/veridian-init/init.c), which forks and execs
    /// each /bin/&lt;program&gt; of the image (veridian run --files) and frames its output and status.
    /// </summary>
    [Theory]
    [InlineData("x86_64")]
    [InlineData("aarch64")]
    [InlineData("riscv64")]
    public void The_corpus_on_VeridianOS_prints_what_it_prints_on_Linux(string arch)
    {
        using var dir = new TempDir();
        var programs = Corpus.Cases().Select(c => (string)c[0]).Distinct().Where(p => Quarantine(p, arch) is null).ToList();
        var linux = new Dictionary<string, ProcessResult>(StringComparer.Ordinal);
        foreach (var program in programs)
        {
            Corpus.Compile(program, $"{arch}-linux-relibc", dir[$"linux-{program}"]);
            linux[program] = Corpus.Run($"{arch}-linux-relibc", dir[$"linux-{program}"], dir.Path);
            Corpus.Compile(program, $"{arch}-veridian-user-relibc", dir.Combine("tree", "bin", program));
        }
        var init = dir["init"];
        var build = VeridianCli.Run(["cc", "--target", $"{arch}-veridian-user-relibc", "-O2", CorpusLauncher.SourcePath, "-o", init], environment: Corpus.Environment);
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = VeridianCli.Run(["run", "--timeout", "240", "--target", $"{arch}-veridian-user-relibc", init, "--files", dir["tree"], "--", .. programs],
            environment: Corpus.Environment, timeoutMs: 300_000);
        Assert.True(run.ExitCode == 0, run.ToString());
        var framed = CorpusLauncher.Runs(run.StdOut);
        var failures = new List<string>();
        foreach (var program in programs)
        {
            if (!framed.TryGetValue(program, out var veridian))
                failures.Add($"{program} on {arch}: no output framed by the launcher");
            else if (veridian.Status != linux[program].ExitCode || veridian.Output != linux[program].StdOut)
                failures.Add($"{program} on {arch}: exit {veridian.Status} on VeridianOS, {linux[program].ExitCode} on Linux\n--- Linux\n{linux[program].StdOut}--- VeridianOS\n{veridian.Output}");
        }
        Assert.True(failures.Count == 0, string.Join("\n---\n", failures));
    }

    /// <summary>Each program in quarantine-veridian.txt still differs on VeridianOS (booted alone), so the list cannot go stale.</summary>
    [Theory]
    [MemberData(nameof(QuarantinedCases))]
    public void A_quarantined_program_still_differs_on_VeridianOS(string program, string arch)
    {
        using var dir = new TempDir();
        Corpus.Compile(program, $"{arch}-linux-relibc", dir["linux"]);
        var linux = Corpus.Run($"{arch}-linux-relibc", dir["linux"], dir.Path);
        Corpus.Compile(program, $"{arch}-veridian-user-relibc", dir["veridian"]);
        // A program the kernel cannot serve may wait for the console for good: a timeout is a difference too.
        var veridian = VeridianCli.Run(["run", "--timeout", "20", "--target", $"{arch}-veridian-user-relibc", dir["veridian"]], environment: Corpus.Environment, timeoutMs: 180_000);
        var same = veridian.ExitCode == linux.ExitCode && veridian.StdOut == linux.StdOut;
        Assert.False(same, $"{program} on {arch} now passes on VeridianOS: take it out of relibc-cs/tests/quarantine-veridian.txt ({Quarantine(program, arch)})");
    }

    public static TheoryData<string, string> QuarantinedCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Corpus.Cases())
        {
            if (Quarantine((string)c[0], (string)c[1]) is not null)
                data.Add((string)c[0], (string)c[1]);
        }
        return data;
    }

    /// <summary>The reason in relibc-cs/tests/quarantine-veridian.txt (<c>&lt;program&gt; &lt;arch|*&gt; &lt;reason&gt;</c>), or null.</summary>
    private static string? Quarantine(string program, string arch)
    {
        foreach (var line in File.ReadLines(Repo.PathOf("relibc-cs", "tests", "quarantine-veridian.txt")))
        {
            if (line.StartsWith('#') || line.Length == 0)
                continue;
            var parts = line.Split(' ', 3);
            if (parts.Length == 3 && parts[0] == program && (parts[1] == "*" || parts[1] == arch))
                return parts[2];
        }
        return null;
    }

    private static void Compile(string source, string arch, string output)
    {
        var result = VeridianCli.Run(["cc", "--target", $"{arch}-veridian-user-relibc", "-O2", source, "-o", output], environment: Corpus.Environment);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}

/// <summary>The VeridianOS sysroot (sysroot/README.md): its layout, and the same bytes from builds in different places.</summary>
public sealed class VeridianSysrootTests
{
    [Fact]
    public void Sysroot_build_installs_the_documented_layout_for_a_VeridianOS_target()
    {
        using var dir = new TempDir();
        var result = VeridianCli.Run(["sysroot", "build", "--target", "riscv64-veridian-user-relibc", "--sysroot", dir["sysroot"]], environment: Corpus.Environment);
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] layout = ["include/stdio.h", "include/pthread.h", "lib/crt1.o", "lib/crti.o", "lib/crtn.o", "lib/libc.a", "lib/libm.a", "lib/libpthread.a", ".relibc-manifest"];
        foreach (var file in layout)
            Assert.True(File.Exists(Path.Combine(dir["sysroot"], "riscv64-veridian-user-relibc", file)), $"no {file}");
        var again = VeridianCli.Run(["sysroot", "build", "--target", "riscv64-veridian-user-relibc", "--sysroot", dir["sysroot"]], environment: Corpus.Environment);
        Assert.Contains("up to date", again.StdOut, StringComparison.Ordinal);
    }

    /// <summary>
    /// The signed relibc package (sysroot/README.md): two builds in different sysroots give the same bytes; it installs
    /// into a sysroot of one's own, which veridian cc then compiles against; and veridian run --with puts it into the
    /// OS image's file tree, where the program reads its files and the package database.
    /// </summary>
    [Fact]
    public void The_relibc_package_is_reproducible_installs_into_ones_own_sysroot_and_goes_into_an_OS_image()
    {
        const string triple = "riscv64-veridian-user-relibc";
        using var dir = new TempDir();
        Cli(["pkg", "key", "new", "alice", "--dir", dir["keys"]]);
        Cli(["sysroot", "package", "--target", triple, "--key", dir["keys/alice.secret"], "-o", dir["a/relibc.vpkg"], "--sysroot", dir["one"]]);
        Cli(["sysroot", "package", "--target", triple, "--key", dir["keys/alice.secret"], "-o", dir["b/relibc.vpkg"], "--sysroot", dir.Combine("two", "deeper")]);
        Assert.True(File.ReadAllBytes(dir["a/relibc.vpkg"]).AsSpan().SequenceEqual(File.ReadAllBytes(dir["b/relibc.vpkg"])), "the two relibc packages differ");

        var mine = Path.Combine(dir["mine"], triple);
        Cli(["pkg", "init", "--sysroot", mine, "--target", triple]);
        Cli(["pkg", "key", "trust", dir["keys/alice.pub"], "--sysroot", mine, "--channel", "core"]);
        Cli(["pkg", "install", dir["a/relibc.vpkg"], "--sysroot", mine]);
        File.WriteAllText(dir["image.c"], """
            #include <stdio.h>
            #include <string.h>
            static int has(const char *path, const char *text) {
                char buffer[4096] = {0};
                FILE *f = fopen(path, "r");
                if (!f) return -1;
                size_t n = fread(buffer, 1, sizeof buffer - 1, f);
                fclose(f);
                return n > 0 && strstr(buffer, text) != NULL;
            }
            int main(void) {
                printf("stdio.h declares printf: %d\n", has("/include/stdio.h", "printf"));
                printf("database lists relibc: %d\n", has("/var/lib/veridian/pkg/installed.json", "\"name\": \"relibc\""));
                return 0;
            }
            """);
        // Compiled against the sysroot of one's own: veridian cc uses it as it is (--sysroot never builds).
        Cli(["cc", "--target", triple, "--sysroot", dir["mine"], "-O2", dir["image.c"], "-o", dir["image"]]);
        var run = VeridianCli.Run(["run", "--timeout", "90", "--target", triple, dir["image"], "--with", dir["a/relibc.vpkg"], "--trust", dir["keys/alice.pub"]], environment: Corpus.Environment);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("stdio.h declares printf: 1\ndatabase lists relibc: 1\n", run.StdOut);

        // A package no --trust key signed is refused before anything boots.
        var untrusted = VeridianCli.Run(["run", "--target", triple, dir["image"], "--with", dir["a/relibc.vpkg"]], environment: Corpus.Environment);
        Assert.NotEqual(0, untrusted.ExitCode);
        Assert.Contains("error VDN6006", untrusted.StdErr, StringComparison.Ordinal);
    }

    /// <summary>The OS image veridian run boots (kernel and boot module, --save-image) is the same from a program built in another directory.</summary>
    [Fact]
    public void Two_compositions_of_the_OS_image_in_different_directories_give_the_same_bytes()
    {
        const string triple = "aarch64-veridian-user-relibc";
        using var one = new TempDir();
        using var two = new TempDir();
        var programs = new[] { one["hello-veridian"], two.Combine("a", "deeper", "hello-veridian") };
        var images = new[] { one["image"], two["image"] };
        for (var i = 0; i < 2; i++)
        {
            TempDir.CopyTree(Repo.PathOf("samples", "hello-veridian"), programs[i]);
            var run = VeridianCli.Run(["run", "--timeout", "90", "--target", triple, programs[i], "--save-image", images[i], "--env", "LANG=C", "--", "x"], environment: Corpus.Environment);
            Assert.True(run.ExitCode == 0, run.ToString());
        }
        foreach (var file in new[] { "kernel", "boot-module.cpio" })
        {
            var a = File.ReadAllBytes(Path.Combine(images[0], file));
            var b = File.ReadAllBytes(Path.Combine(images[1], file));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{file}: {a.Length} and {b.Length} bytes differ");
        }
    }

    private static void Cli(string[] args)
    {
        var result = VeridianCli.Run(args, environment: Corpus.Environment);
        Assert.True(result.ExitCode == 0, $"veridian {string.Join(' ', args)}\n{result}");
    }

    [Fact]
    public void Sysroot_build_of_a_glibc_target_is_VDN1131()
    {
        var result = VeridianCli.Run(["sysroot", "build", "--target", "x86_64-linux-gnu"], environment: Corpus.Environment);
        Assert.Contains("error VDN1131", result.StdErr, StringComparison.Ordinal);
    }

    /// <summary>
    /// relibc-cs and its crt copied to two folders at different depths and built there, each with an empty build
    /// cache of its own (so nothing is shared): libc.a and the crt objects are byte-identical.
    /// </summary>
    [Fact]
    public void Two_builds_of_the_VeridianOS_C_library_in_different_directories_give_the_same_bytes()
    {
        using var one = new TempDir();
        using var two = new TempDir();
        var outputs = new List<byte[]>[2];
        var roots = new[] { one["relibc-cs"], two.Combine("a", "deeper", "place", "relibc-cs") };
        for (var i = 0; i < 2; i++)
        {
            TempDir.CopyTree(Repo.PathOf("relibc-cs"), roots[i]);
            var environment = new Dictionary<string, string?> { ["VERIDIAN_SYSROOT"] = null, ["VERIDIAN_CACHE_DIR"] = Path.Combine(Path.GetDirectoryName(roots[i])!, "cache") };
            foreach (var project in new[] { roots[i], Path.Combine(roots[i], "crt") })
            {
                var build = VeridianCli.Run(["build", project, "--target", "x86_64-veridian-user-relibc", "--profile", "release"], environment: environment);
                Assert.True(build.ExitCode == 0, build.ToString());
            }
            var release = Path.Combine("out", "x86_64-veridian-user-relibc", "release");
            outputs[i] = [File.ReadAllBytes(Path.Combine(roots[i], release, "libc.a")),
                .. new[] { "x86_64/crt1.S.o", "crti.S.o", "crtn.S.o" }.Select(o => File.ReadAllBytes(Path.Combine(roots[i], "crt", release, "obj", o)))];
        }
        for (var k = 0; k < outputs[0].Count; k++)
            Assert.True(outputs[0][k].AsSpan().SequenceEqual(outputs[1][k]), $"output {k} differs between the two builds");
    }
}
