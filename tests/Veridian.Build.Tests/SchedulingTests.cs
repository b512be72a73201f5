using Veridian.Build.Cache;
using Veridian.Build.Execution;
using Veridian.Build.Graph;

namespace Veridian.Build.Tests;

/// <summary>The executor's scheduling, up-to-date checks, cache and cancellation, with a fake toolchain (no clang).</summary>
public sealed class SchedulingTests
{
    /// <summary>A C kernel project for x86_64 with <paramref name="files"/> sources src/f&lt;i&gt;.c.</summary>
    internal static TempProject Project(int files)
    {
        var p = new TempProject();
        p.Write("veridian.toml", """
            [project]
            name = "k"
            version = "1.0.0"
            kind = "kernel"
            languages = ["c"]
            sources = ["src/*.c"]
            targets = ["x86_64-veridian-kernel-none"]
            """);
        for (var i = 0; i < files; i++)
            p.Write($"src/f{i}.c", $"int f{i}(void) {{ return {i}; }}\n");
        return p;
    }

    private static BuildResult Build(TempProject p, FakeToolchain tools, int jobs = 2, CancellationToken cancel = default) =>
        new BuildEngine(tools, new ActionCache(p.CacheDir, ActionCache.DefaultLimit))
            .Build(new BuildRequest(p.Dir, [], AllTargets: false, "debug"), new BuildOptions { Jobs = jobs }, cancel);

    [Fact]
    public void Every_compile_runs_before_the_link_that_reads_its_object()
    {
        using var p = Project(5);
        var tools = new FakeToolchain();
        var r = Build(p, tools);
        Assert.True(r.Succeeded);
        Assert.Equal(6, tools.Log.Count);
        Assert.StartsWith("link ", tools.Log[^1], StringComparison.Ordinal);
        Assert.Equal(5, tools.Log.Count(l => l.StartsWith("compile ", StringComparison.Ordinal)));
        Assert.True(File.Exists(p.PathOf("out/x86_64-veridian-kernel-none/debug/k")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void No_more_steps_run_at_once_than_jobs_allow(int jobs)
    {
        using var p = Project(6);
        var tools = new FakeToolchain { Delay = TimeSpan.FromMilliseconds(40) };
        Assert.True(Build(p, tools, jobs).Succeeded);
        Assert.True(tools.MaxRunning <= jobs, $"{tools.MaxRunning} steps ran at once with {jobs} jobs");
        if (jobs > 1)
            Assert.True(tools.MaxRunning > 1, "independent compiles never overlapped");
    }

    [Fact]
    public void A_failed_compile_fails_the_build_skips_the_link_and_keeps_the_tools_message()
    {
        using var p = Project(3);
        var tools = new FakeToolchain();
        tools.Failing.Add("src/f1.c");
        var r = Build(p, tools, jobs: 1);
        Assert.False(r.Succeeded);
        var failed = Assert.Single(r.Failed);
        Assert.Equal("src/f1.c", failed.Source);
        Assert.Contains("src/f1.c:1:1: error: planted failure", r.Outcome(failed).ToolOutput, StringComparison.Ordinal);
        var link = Assert.Single(r.Graph.Actions, a => a.Kind == ActionKind.Link);
        Assert.Equal(ActionStatus.Skipped, r.Outcome(link).Status);
        Assert.DoesNotContain(tools.Log, l => l.StartsWith("link ", StringComparison.Ordinal));
        Assert.False(File.Exists(p.PathOf("out/x86_64-veridian-kernel-none/debug/k")));
    }

    [Fact]
    public void A_second_build_with_nothing_changed_runs_no_tool()
    {
        using var p = Project(4);
        Assert.True(Build(p, new FakeToolchain()).Succeeded);
        var again = new FakeToolchain();
        var r = Build(p, again);
        Assert.True(r.NothingToDo);
        Assert.Empty(again.Log);
    }

    [Fact]
    public void Changing_one_source_reruns_its_compile_and_the_link_only()
    {
        using var p = Project(4);
        Assert.True(Build(p, new FakeToolchain()).Succeeded);
        p.Write("src/f2.c", "int f2(void) { return 22; }\n");
        var again = new FakeToolchain();
        var r = Build(p, again);
        Assert.True(r.Succeeded);
        Assert.Equal(["compile src/f2.c", "link " + string.Join(' ', Enumerable.Range(0, 4).Select(i => $"out/x86_64-veridian-kernel-none/debug/obj/src/f{i}.c.o"))], again.Log);
        Assert.Contains("changed: src/f2.c", r.Outcome(r.Executed(ActionKind.Compile)[0]).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_build_restores_every_output_from_the_cache_without_running_a_tool()
    {
        using var p = Project(3);
        Assert.True(Build(p, new FakeToolchain()).Succeeded);
        var image = File.ReadAllBytes(p.PathOf("out/x86_64-veridian-kernel-none/debug/k"));
        Directory.Delete(p.PathOf("out"), recursive: true);
        var again = new FakeToolchain();
        var r = Build(p, again);
        Assert.True(r.Succeeded);
        Assert.Empty(again.Log);
        Assert.All(r.Graph.Actions, a => Assert.Equal(ActionStatus.Cached, r.Outcome(a).Status));
        Assert.Equal(image, File.ReadAllBytes(p.PathOf("out/x86_64-veridian-kernel-none/debug/k")));
    }

    [Fact]
    public void A_new_tool_identity_misses_the_cache_and_runs_every_step()
    {
        using var p = Project(2);
        Assert.True(Build(p, new FakeToolchain()).Succeeded);
        var upgraded = new FakeToolchain { Identity = "fake-toolchain 2" };
        var r = Build(p, upgraded);
        Assert.True(r.Succeeded);
        Assert.Equal(3, upgraded.Log.Count);
        Assert.All(r.Graph.Actions, a => Assert.Contains("tool versions changed", r.Outcome(a).Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_reaches_the_running_step_and_skips_the_rest_without_writing_outputs()
    {
        using var p = Project(4);
        var tools = new FakeToolchain { WaitForCancel = true };
        using var cancel = new CancellationTokenSource();
        var build = Task.Run(() => Build(p, tools, jobs: 1, cancel.Token));
        Assert.True(tools.Started.Wait(TimeSpan.FromSeconds(30)));
        cancel.Cancel();
        var r = await build.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(r.Cancelled);
        Assert.False(r.Succeeded);
        Assert.Single(tools.Log);
        Assert.All(r.Graph.Actions, a => Assert.Equal(ActionStatus.Skipped, r.Outcome(a).Status));
        Assert.All(r.Graph.Actions, a => Assert.Contains("interrupted", r.Outcome(a).Reason, StringComparison.Ordinal));
        Assert.False(Directory.Exists(p.PathOf("out/x86_64-veridian-kernel-none/debug/obj")) &&
            Directory.EnumerateFiles(p.PathOf("out/x86_64-veridian-kernel-none/debug/obj"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public void The_graph_is_not_changed_by_a_build_so_one_plan_can_be_built_twice()
    {
        using var p = Project(2);
        var graph = Planner.Plan(new BuildRequest(p.Dir, [], AllTargets: false, "debug"));
        var cache = new ActionCache(p.CacheDir, ActionCache.DefaultLimit);
        var first = new Executor(new FakeToolchain(), cache).Run(graph, new BuildOptions { Jobs = 1 }, default);
        var second = new Executor(new FakeToolchain(), cache).Run(graph, new BuildOptions { Jobs = 1 }, default);
        Assert.All(graph.Actions, a => Assert.Equal(ActionStatus.Ran, first.Outcome(a).Status));
        Assert.All(graph.Actions, a => Assert.Equal(ActionStatus.UpToDate, second.Outcome(a).Status));
    }
}
