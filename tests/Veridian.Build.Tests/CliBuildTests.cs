using System.Diagnostics;
using System.Text.Json;
using Veridian.Tests;

namespace Veridian.Build.Tests;

/// <summary>`veridian build` and `veridian cache` as a user runs them: the real CLI as a child process.</summary>
public class CliBuildTests
{
    private static string Cli => VeridianCli.Exe;

    private static ProcessResult Veridian(TempProject p, params string[] args) =>
        Repo.Run(Cli, args, p.Dir, new Dictionary<string, string?> { ["VERIDIAN_CACHE_DIR"] = p.CacheDir, ["CI"] = "1" });

    [Fact]
    public void A_second_build_says_nothing_to_do_and_the_json_report_counts_actions()
    {
        using var p = TempProject.MultiFileC();
        var first = Veridian(p, "build", "--all-targets", "-j", "2");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("compile x86_64-veridian-kernel-none/debug src/main.c (ran,", first.StdOut);
        var second = Veridian(p, "build", "--all-targets");
        Assert.Equal(0, second.ExitCode);
        Assert.StartsWith("nothing to do: 12 steps up to date", second.StdOut);

        var json = Veridian(p, "build", "--all-targets", "--json");
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.StdOut);
        Assert.True(doc.RootElement.GetProperty("nothingToDo").GetBoolean());
        Assert.Equal(12, doc.RootElement.GetProperty("counts").GetProperty("upToDate").GetInt32());
        Assert.Equal(12, doc.RootElement.GetProperty("actions").GetArrayLength());
    }

    [Fact]
    public void A_compile_error_exits_1_with_the_compilers_file_and_line()
    {
        using var p = TempProject.MultiFileC();
        p.Write("src/util.c", "int util_twice(int x) { return x +; }\n");
        var r = Veridian(p, "build");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("src/util.c:1:", r.StdErr);
        Assert.Contains("error VDN1120: build failed: 1 step(s) failed", r.StdErr);
    }

    [Fact]
    public void A_bad_project_is_reported_with_file_line_and_a_suggestion()
    {
        using var p = TempProject.MultiFileC();
        File.AppendAllText(p.PathOf("veridian.toml"), "\nsorces = [\"x.c\"]\n");
        var r = Veridian(p, "build");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("veridian.toml:10:1: error VDN1102: unknown key 'project.sorces'; did you mean 'sources'?", r.StdErr);
        Assert.DoesNotContain("   at ", r.StdErr);
    }

    [Fact]
    public void Explain_says_why_each_step_of_an_output_ran_or_was_skipped()
    {
        using var p = TempProject.MultiFileC();
        Assert.Equal(0, Veridian(p, "build").ExitCode);
        p.Write("src/lib/math.c", "#include \"math.h\"\nint math_square(int x) { return x * x * 1 + 0 * x + 1; }\n");
        var r = Veridian(p, "build", "--explain", "multi");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("out/x86_64-veridian-kernel-none/debug/multi: link, ran — changed: out/x86_64-veridian-kernel-none/debug/obj/src/lib/math.c.o", r.StdOut);
        Assert.Contains("obj/src/lib/math.c.o: compile, ran — changed: src/lib/math.c", r.StdOut);
        Assert.Contains("obj/src/util.c.o: compile, up-to-date", r.StdOut);
        Assert.Contains("<- include/util.h (included; from the front end's depfile)", r.StdOut);
    }

    [Fact]
    public void Cache_stats_and_clean_report_the_cache_folder()
    {
        using var p = TempProject.MultiFileC();
        Assert.Equal(0, Veridian(p, "build").ExitCode);
        var stats = Veridian(p, "cache", "stats", "--json");
        Assert.Equal(0, stats.ExitCode);
        using (var doc = JsonDocument.Parse(stats.StdOut))
        {
            Assert.Equal(p.CacheDir, doc.RootElement.GetProperty("directory").GetString());
            Assert.Equal(4, doc.RootElement.GetProperty("entries").GetInt32());
            Assert.True(doc.RootElement.GetProperty("bytes").GetInt64() > 0);
        }
        Assert.Equal(0, Veridian(p, "cache", "clean").ExitCode);
        using (var doc = JsonDocument.Parse(Veridian(p, "cache", "stats", "--json").StdOut))
            Assert.Equal(0, doc.RootElement.GetProperty("entries").GetInt32());
    }

    [Fact]
    public void Compile_commands_json_resolves_in_clangd_without_errors()
    {
        using var p = TempProject.MultiFileC();
        Assert.Equal(0, Veridian(p, "build", "--target", "riscv64-veridian-kernel-none").ExitCode);
        var db = p.PathOf("out/riscv64-veridian-kernel-none/debug");
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(db, "compile_commands.json"))))
        {
            var main = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("file").GetString() == "src/main.c");
            var args = main.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()).ToList();
            Assert.Contains("-DANSWER=42", args);
            Assert.Contains("-Iinclude", args);
            Assert.Contains("--target=riscv64-unknown-none-elf", args);
        }
        var r = Repo.Run("/usr/bin/clangd-19", [$"--compile-commands-dir={db}", $"--check={p.PathOf("src/main.c")}"], p.Dir);
        var log = r.StdErr + r.StdOut;
        Assert.True(r.ExitCode == 0, log);
        Assert.Contains("Compile command from CDB is:", log);
        Assert.DoesNotContain("[pp_file_not_found]", log);
        Assert.Contains("All checks completed, 0 errors", log);
    }

    [Fact]
    public void A_build_killed_mid_way_then_rebuilt_gives_the_outputs_of_a_clean_build()
    {
        using var p = TempProject.MultiFileC();
        for (var i = 0; i < 24; i++)
            p.Write($"src/gen/f{i:D2}.c", $"#include \"util.h\"\nint gen_{i}(int x) {{ int s = 0; for (int k = 0; k < x; k++) s += util_twice(k) ^ {i}; return s; }}\n");
        var psi = new ProcessStartInfo(Cli) { WorkingDirectory = p.Dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "build", "--all-targets", "-j", "2" })
            psi.ArgumentList.Add(a);
        psi.Environment["VERIDIAN_CACHE_DIR"] = p.CacheDir;
        psi.Environment["CI"] = "1";
        using (var child = Process.Start(psi)!)
        {
            var finished = 0;
            while (child.StandardOutput.ReadLine() is { } line)
            {
                if (line.StartsWith("compile ", StringComparison.Ordinal) && ++finished == 20)
                    break;
            }
            Assert.Equal(20, finished);
            child.Kill(entireProcessTree: false); // SIGKILL: no handler runs, clang children are orphaned mid-write
            child.WaitForExit();
        }
        Assert.False(File.Exists(p.PathOf("out/riscv64-veridian-kernel-none/debug/multi")));
        var rebuilt = Veridian(p, "build", "--all-targets");
        Assert.True(rebuilt.ExitCode == 0, rebuilt.ToString());
        var afterKill = p.Outputs();

        using var clean = TempProject.MultiFileC();
        for (var i = 0; i < 24; i++)
            File.Copy(p.PathOf($"src/gen/f{i:D2}.c"), clean.Write($"src/gen/f{i:D2}.c", "").PathOf($"src/gen/f{i:D2}.c"), overwrite: true);
        Assert.Equal(0, Veridian(clean, "build", "--all-targets").ExitCode);
        Assert.Equal(clean.Outputs(), afterKill);
        // The killed build's temp files were swept by the rebuild (it holds the project's lock).
        Assert.Empty(Directory.EnumerateFiles(p.PathOf("out"), ".vtmp-*", SearchOption.AllDirectories));
    }
}
