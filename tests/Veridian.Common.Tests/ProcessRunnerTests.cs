using System.ComponentModel;
using System.Diagnostics;

namespace Veridian.Common.Tests;

public sealed class ProcessRunnerTests
{
    private static ProcessRequest Sh(string script) => new("/bin/sh", ["-c", script]);

    [Fact]
    public void The_exit_code_stdout_and_stderr_come_back()
    {
        var run = ProcessRunner.Run(Sh("echo out; echo err >&2; exit 3"));
        Assert.Equal(3, run.ExitCode);
        Assert.Equal("out\n", run.StdOut);
        Assert.Equal("err\n", run.StdErr);
        Assert.False(run.TimedOut);
    }

    [Fact]
    public void Arguments_pass_as_they_are_never_through_a_shell()
    {
        var run = ProcessRunner.Run(new ProcessRequest("/bin/echo", ["a b", "$HOME", "'q'"]));
        Assert.Equal("a b $HOME 'q'\n", run.StdOut);
    }

    [Fact]
    public void A_child_filling_both_pipes_does_not_deadlock()
    {
        // 1 MiB to stderr before anything to stdout: a reader that drains stdout first would wait forever.
        var run = ProcessRunner.Run(Sh("head -c 1048576 /dev/zero | tr '\\0' e >&2; head -c 1048576 /dev/zero | tr '\\0' o") with
        {
            Timeout = TimeSpan.FromSeconds(60),
        });
        Assert.False(run.TimedOut);
        Assert.Equal(1 << 20, run.StdOutBytes.Length);
        Assert.Equal(1 << 20, run.StdErr.Length);
    }

    [Fact]
    public void A_timeout_kills_the_whole_tree_and_keeps_what_was_written()
    {
        // The grandchild (sleep) holds the pipes open: unless it dies too, the run cannot end.
        var clock = Stopwatch.StartNew();
        var run = ProcessRunner.Run(Sh("echo started; sleep 60 & wait") with { Timeout = TimeSpan.FromMilliseconds(500) });
        Assert.True(run.TimedOut);
        Assert.Equal("started\n", run.StdOut);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Cancellation_kills_the_process_and_throws()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProcessRunner.RunAsync(Sh("sleep 60 & wait"), cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Cancelling_kills_a_running_tool_process_within_seconds()
    {
        using var dir = new TempDir();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var clock = Stopwatch.StartNew();
        // exec: the shell becomes sleep, so the pid it wrote is the tool's.
        var run = ProcessRunner.RunAsync(Sh($"echo $$ > '{dir["pid"]}'; exec sleep 30"), cancel.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        if (File.Exists(dir["pid"]))
            Assert.False(Directory.Exists("/proc/" + File.ReadAllText(dir["pid"]).Trim()), "sleep 30 is still running");
    }

    [Theory]
    [InlineData("hello\nworld\n", "hello\nworld\n")]
    [InlineData("", "")]
    public void Stdin_text_is_fed_then_end_of_file(string stdin, string expected)
    {
        var run = ProcessRunner.Run(new ProcessRequest("/bin/cat", []) { Stdin = stdin, Timeout = TimeSpan.FromSeconds(30) });
        Assert.False(run.TimedOut);
        Assert.Equal(expected, run.StdOut);
    }

    [Fact]
    public void Captured_output_is_echoed_as_it_arrives()
    {
        var echo = new StringWriter();
        var err = new StringWriter();
        var run = ProcessRunner.Run(Sh("printf 'a\\n'; printf 'é\\n' >&2; printf 'b\\n'") with { StdoutEcho = echo, StderrEcho = err });
        Assert.Equal("a\nb\n", run.StdOut);
        Assert.Equal(run.StdOut, echo.ToString());
        Assert.Equal("é\n", err.ToString());
    }

    [Fact]
    public void Inherited_streams_are_not_captured()
    {
        var run = ProcessRunner.Run(Sh("exit 0") with { Stdout = OutputMode.Inherit, Stderr = OutputMode.Inherit });
        Assert.Empty(run.StdOutBytes);
        Assert.Equal("", run.StdErr);
    }

    [Fact]
    public void Environment_variables_are_set_and_removed()
    {
        Environment.SetEnvironmentVariable("VERIDIAN_COMMON_TEST_KEEP", "kept");
        var run = ProcessRunner.Run(Sh("echo \"$A|${HOME:-none}|$VERIDIAN_COMMON_TEST_KEEP\"") with
        {
            Environment = new Dictionary<string, string?> { ["A"] = "1", ["HOME"] = null },
        });
        Assert.Equal("1|none|kept\n", run.StdOut);
    }

    [Fact]
    public void The_working_directory_is_used()
    {
        using var dir = new TempDir();
        var run = ProcessRunner.Run(new ProcessRequest("/bin/pwd", []) { WorkingDirectory = dir.Path });
        Assert.Equal(Path.GetFullPath(dir.Path), run.StdOut.TrimEnd('\n'));
    }

    [Fact]
    public void A_program_that_cannot_start_throws_from_the_call_itself()
    {
        // Not a faulted task: the exception comes before RunAsync returns.
        Assert.Throws<Win32Exception>(() => { _ = ProcessRunner.RunAsync(new ProcessRequest("/nonexistent/tool", [])); });
    }

    [Fact]
    public void Programs_are_found_on_PATH_and_paths_are_kept()
    {
        Assert.True(File.Exists(ProcessRunner.FindOnPath("sh")));
        Assert.Equal("./x/y", ProcessRunner.FindOnPath("./x/y"));
        Assert.Null(ProcessRunner.FindOnPath("veridian-no-such-program"));
    }
}
