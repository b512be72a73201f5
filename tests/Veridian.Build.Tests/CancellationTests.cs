using System.Diagnostics;
using Veridian.Build.Cache;
using Veridian.Build.Execution;
using Veridian.Build.Graph;
using Veridian.Common;

namespace Veridian.Build.Tests;

/// <summary>Cancelling a real build (clang-19 running) stops the tool process, not only the scheduling.</summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task Cancelling_a_build_kills_the_clang_it_is_running_and_returns_within_seconds()
    {
        using var p = SchedulingTests.Project(0);
        // The header is a FIFO nobody writes: clang blocks opening it until it is killed.
        p.Write("src/a.c", "#include \"../blocked.h\"\nint a(void) { return 1; }\n");
        var mkfifo = ProcessRunner.Run(new ProcessRequest("mkfifo", [p.PathOf("blocked.h")]));
        Assert.Equal(0, mkfifo.ExitCode);

        using var cancel = new CancellationTokenSource();
        var build = Task.Run(() => new BuildEngine(cache: new ActionCache(p.CacheDir, ActionCache.DefaultLimit))
            .Build(new BuildRequest(p.Dir, [], AllTargets: false, "debug"), new BuildOptions { Jobs = 1 }, cancel.Token));
        BuildResult result;
        IReadOnlyList<int> tools;
        try
        {
            tools = await ToolsIn(p.Dir, TimeSpan.FromSeconds(120));
            Assert.NotEmpty(tools);
        }
        finally
        {
            await cancel.CancelAsync();
        }
        var clock = Stopwatch.StartNew();
        result = await build.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the build took {clock.Elapsed} to stop");
        Assert.True(result.Cancelled);
        Assert.False(result.Succeeded);
        Assert.All(tools, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"tool process {pid} is still running"));
        Assert.Empty(ProcessesMentioning(p.Dir));
        Assert.Empty(Directory.EnumerateFiles(p.PathOf("out"), AtomicFile.TempPrefix + "*", SearchOption.AllDirectories));
    }

    /// <summary>Waits until a process whose command line names <paramref name="dir"/> runs (clang gets -ffile-prefix-map=dir=.).</summary>
    private static async Task<IReadOnlyList<int>> ToolsIn(string dir, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var found = ProcessesMentioning(dir);
            if (found.Count > 0)
                return found;
            await Task.Delay(20);
        }
        return [];
    }

    private static List<int> ProcessesMentioning(string dir)
    {
        var found = new List<int>();
        foreach (var proc in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out var pid) || pid == Environment.ProcessId)
                continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(proc, "cmdline"));
                if (cmdline.Contains(dir, StringComparison.Ordinal) && !File.ReadAllText(Path.Combine(proc, "stat")).Contains(") Z ", StringComparison.Ordinal))
                    found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile.
            }
        }
        return found;
    }
}
