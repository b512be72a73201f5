using Veridian.Build.Graph;

namespace Veridian.Build.Tests;

/// <summary>Real builds (clang-19, ld.lld-19) of a small multi-file C kernel for the three kernel targets.</summary>
public class IncrementalBuildTests
{
    private static readonly Dictionary<string, ushort> s_machines = new()
    {
        ["x86_64-veridian-kernel-none"] = 62,
        ["aarch64-veridian-kernel-none"] = 183,
        ["riscv64-veridian-kernel-none"] = 243,
    };

    private static int CountPerTarget(Execution.BuildResult r, ActionKind kind, string target) =>
        r.Executed(kind).Count(a => a.Unit.Target.Canonical == target);

    [Fact]
    public void A_multi_file_C_project_builds_for_all_three_kernel_targets_and_a_second_build_does_nothing()
    {
        using var p = TempProject.MultiFileC();
        var first = p.Build();
        Assert.True(first.Succeeded, string.Join('\n', first.Graph.Actions.Select(a => a.Label + ": " + first.Outcome(a).ToolOutput)));
        Assert.Equal(9, first.Executed(ActionKind.Compile).Count);
        Assert.Equal(3, first.Executed(ActionKind.Link).Count);
        foreach (var (target, machine) in s_machines)
        {
            var image = File.ReadAllBytes(p.PathOf($"out/{target}/debug/multi"));
            Assert.Equal("\u007fELF"u8.ToArray(), image[..4]);
            Assert.Equal(machine, BitConverter.ToUInt16(image, 18));
        }

        var second = p.Build();
        Assert.True(second.NothingToDo);
        Assert.Equal(12, second.Count(ActionStatus.UpToDate));
    }

    [Fact]
    public void Editing_one_c_file_runs_exactly_one_compile_and_one_link_per_target()
    {
        using var p = TempProject.MultiFileC();
        Assert.True(p.Build().Succeeded);
        p.Write("src/util.c", "#include \"util.h\"\nint util_twice(int x) { return x + x + 1; }\n");
        var r = p.Build();
        Assert.True(r.Succeeded);
        foreach (var target in s_machines.Keys)
        {
            var compiled = r.Executed(ActionKind.Compile).Where(a => a.Unit.Target.Canonical == target).Select(a => a.Source).ToList();
            Assert.Equal(["src/util.c"], compiled);
            Assert.Equal(1, CountPerTarget(r, ActionKind.Link, target));
        }
        Assert.Contains("changed: src/util.c", r.Outcome(r.Executed(ActionKind.Compile)[0]).Reason);
    }

    [Fact]
    public void Editing_a_header_recompiles_exactly_the_sources_that_include_it()
    {
        using var p = TempProject.MultiFileC();
        Assert.True(p.Build().Succeeded);
        p.Write("include/util.h", "#pragma once\nint util_twice(int x);\nstatic inline int util_unused(void) { return 7; }\n");
        var r = p.Build();
        Assert.True(r.Succeeded);
        foreach (var target in s_machines.Keys)
        {
            var compiled = r.Executed(ActionKind.Compile).Where(a => a.Unit.Target.Canonical == target).Select(a => a.Source).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["src/main.c", "src/util.c"], compiled);
        }
        Assert.All(r.Graph.Actions.Where(a => a.Source == "src/lib/math.c"), a => Assert.Equal(ActionStatus.UpToDate, r.Outcome(a).Status));
        Assert.All(r.Executed(ActionKind.Compile), a => Assert.Contains("changed: include/util.h", r.Outcome(a).Reason));
    }

    [Fact]
    public void Touching_files_without_changing_them_runs_nothing()
    {
        using var p = TempProject.MultiFileC();
        Assert.True(p.Build().Succeeded);
        var later = DateTime.UtcNow.AddMinutes(1);
        foreach (var f in new[] { "src/main.c", "src/util.c", "src/lib/math.c", "include/util.h", "include/math.h", "veridian.toml" })
            File.SetLastWriteTimeUtc(p.PathOf(f), later);
        var r = p.Build();
        Assert.True(r.NothingToDo, string.Join('\n', r.Graph.Actions.Select(a => $"{a.Label}: {r.Outcome(a).Status} {r.Outcome(a).Reason}")));
    }

    [Fact]
    public void Two_projects_with_identical_sources_share_cache_entries()
    {
        using var a = TempProject.MultiFileC();
        using var b = TempProject.MultiFileC(cacheDir: a.CacheDir);
        Assert.True(a.Build().Succeeded);
        var r = b.Build();
        Assert.True(r.Succeeded);
        Assert.Equal(12, r.Count(ActionStatus.Cached));
        Assert.Equal(0, r.Count(ActionStatus.Ran));
        Assert.Equal(a.Outputs(), b.Outputs());
    }

    [Fact]
    public void A_corrupt_cache_file_is_detected_dropped_and_rebuilt()
    {
        using var p = TempProject.MultiFileC();
        Assert.True(p.Build(allTargets: false).Succeeded);
        var clean = p.Outputs();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(p.CacheDir, "v1", "files"), "*", SearchOption.AllDirectories))
            File.WriteAllText(f, "garbage");
        Directory.Delete(p.PathOf("out"), recursive: true);
        var r = p.Build(allTargets: false);
        Assert.True(r.Succeeded);
        Assert.Equal(0, r.Count(ActionStatus.Cached));
        Assert.Equal(clean, p.Outputs());
    }

    [Fact]
    public void A_compile_error_fails_the_build_and_keeps_the_tool_message_with_file_and_line()
    {
        using var p = TempProject.MultiFileC();
        p.Write("src/util.c", "int util_twice(int x) { return x +; }\n");
        var r = p.Build(allTargets: false);
        Assert.False(r.Succeeded);
        var failed = Assert.Single(r.Graph.Actions, a => r.Outcome(a).Status == ActionStatus.Failed);
        Assert.Contains("src/util.c:1:", r.Outcome(failed).ToolOutput);
        Assert.Contains("error:", r.Outcome(failed).ToolOutput);
        Assert.False(File.Exists(p.PathOf("out/x86_64-veridian-kernel-none/debug/multi")));
    }

    [Fact]
    public void A_static_library_dependency_is_archived_and_linked()
    {
        using var p = new TempProject();
        p.Write("veridian.toml", $"[project]\nname = \"app\"\nversion = \"0.1.0\"\nkind = \"kernel\"\nsources = [\"main.c\"]\ntargets = {TempProject.Kernels}\n[dependencies]\nklib = {{ path = \"klib\" }}\n");
        p.Write("main.c", "#include \"klib.h\"\nvolatile int s;\n__attribute__((section(\".text.boot\"))) void _start(void) { s = klib_get(); for (;;) { } }\n");
        p.Write("klib/veridian.toml", "[project]\nname = \"klib\"\nversion = \"0.1.0\"\nkind = \"static-library\"\nsources = [\"src/*.c\"]\ninclude-dirs = [\"include\"]\n");
        p.Write("klib/include/klib.h", "int klib_get(void);\n").Write("klib/src/k.c", "#include \"klib.h\"\nint klib_get(void) { return 5; }\n");
        var r = p.Build(allTargets: false, targets: ["riscv64-veridian-kernel-none"]);
        Assert.True(r.Succeeded, string.Join('\n', r.Graph.Actions.Select(a => a.Label + ": " + r.Outcome(a).ToolOutput)));
        Assert.Single(r.Executed(ActionKind.Archive));
        Assert.True(File.Exists(p.PathOf("klib/out/riscv64-veridian-kernel-none/debug/libklib.a")));
        Assert.True(File.Exists(p.PathOf("out/riscv64-veridian-kernel-none/debug/app")));
    }
}
