using System.Diagnostics;
using System.Text;

namespace Veridian.Common;

/// <summary>
/// Runs a child process to completion. The contract (docs/architecture.md, Veridian.Common): both captured streams are drained
/// concurrently, so a child that fills one pipe while we wait on the other cannot deadlock us; a timeout kills
/// the whole process tree and returns what it wrote so far (<see cref="ProcessOutcome.TimedOut"/>); cancellation
/// kills the tree too and throws <see cref="OperationCanceledException"/>; a program that cannot be started
/// throws <see cref="System.ComponentModel.Win32Exception"/> from the call itself, before any task exists.
/// Thread-safe.
/// </summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="request"/> and waits for it.</summary>
    public static ProcessOutcome Run(ProcessRequest request, CancellationToken cancel = default) =>
        RunAsync(request, cancel).GetAwaiter().GetResult();

    /// <summary>
    /// Starts <paramref name="request"/> now (so the caller can work while it runs) and returns a task that completes
    /// when it has exited and its streams are drained.
    /// </summary>
    public static Task<ProcessOutcome> RunAsync(ProcessRequest request, CancellationToken cancel = default)
    {
        cancel.ThrowIfCancellationRequested();
        var psi = new ProcessStartInfo(request.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = request.Stdin is not null,
            RedirectStandardOutput = request.Stdout == OutputMode.Capture,
            RedirectStandardError = request.Stderr == OutputMode.Capture,
            WorkingDirectory = request.WorkingDirectory ?? "",
        };
        foreach (var a in request.Arguments)
            psi.ArgumentList.Add(a);
        foreach (var (name, value) in request.Environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                psi.Environment.Remove(name);
            else
                psi.Environment[name] = value;
        }
        var clock = Stopwatch.StartNew();
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {request.FileName}");
        return Collect(process, request, clock, cancel);
    }

    /// <summary>The first <c>PATH</c> folder holding <paramref name="program"/> (a name with a '/' is returned as it is), or null.</summary>
    public static string? FindOnPath(string program)
    {
        if (program.Contains('/'))
            return program;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    private static async Task<ProcessOutcome> Collect(Process process, ProcessRequest request, Stopwatch clock, CancellationToken cancel)
    {
        using (process)
        {
            var stdout = new MemoryStream();
            var stderr = new MemoryStream();
            var outPump = request.Stdout == OutputMode.Capture ? Pump(process.StandardOutput.BaseStream, stdout, request.StdoutEcho) : Task.CompletedTask;
            var errPump = request.Stderr == OutputMode.Capture ? Pump(process.StandardError.BaseStream, stderr, request.StderrEcho) : Task.CompletedTask;
            // Written on its own task: a child that writes before it reads must not block on a full stdin pipe.
            var feed = request.Stdin is { } text ? Feed(process.StandardInput, text) : Task.CompletedTask;

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            if (request.Timeout != Timeout.InfiniteTimeSpan)
                limit.CancelAfter(request.Timeout);
            var timedOut = false;
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
                await Task.WhenAll(outPump, errPump).WaitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited on its own meanwhile.
                }
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                // The kill closed the pipes: the pumps end with what was written until now.
                await Quietly(Task.WhenAll(outPump, errPump)).ConfigureAwait(false);
                await Quietly(feed).ConfigureAwait(false);
                cancel.ThrowIfCancellationRequested();
                timedOut = true;
            }
            await Quietly(feed).ConfigureAwait(false);
            clock.Stop();
            return new ProcessOutcome(process.ExitCode, stdout.ToArray(), Encoding.UTF8.GetString(stderr.ToArray()), timedOut, clock.Elapsed);
        }
    }

    /// <summary>Copies a stream into <paramref name="sink"/> as bytes arrive, echoing them decoded to <paramref name="echo"/>.</summary>
    private static async Task Pump(Stream stream, MemoryStream sink, TextWriter? echo)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[4096];
        var chars = echo is null ? [] : new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        int n;
        while ((n = await stream.ReadAsync(bytes).ConfigureAwait(false)) > 0)
        {
            sink.Write(bytes, 0, n);
            if (echo is not null)
            {
                var count = decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
                await echo.WriteAsync(chars.AsMemory(0, count)).ConfigureAwait(false);
                await echo.FlushAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task Feed(StreamWriter stdin, string text)
    {
        try
        {
            if (text.Length > 0)
                await stdin.WriteAsync(text).ConfigureAwait(false);
        }
        finally
        {
            stdin.Close();
        }
    }

    /// <summary>Awaits a task whose failure no longer matters (a pipe broken by the exit or the kill).</summary>
    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }
}
