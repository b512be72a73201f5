using Veridian.Build;
using Veridian.Triples;

using Veridian.Tests;

namespace Veridian.Runner.Tests;

/// <summary>`veridian run --target &lt;kernel&gt; &lt;sample&gt;` builds each sample and boots it under qemu-system on every architecture.</summary>
public class SampleBootTests
{
    [Fact]
    public void Every_sample_boots_on_all_three_architectures_prints_its_greeting_and_exits_0()
    {
        using var temp = new TempDir();
        var samples = Samples.CopyTo(temp.Path);
        var cases = from sample in new[] { "baremetal-c", "baremetal-cpp" } from triple in Samples.Kernels select (sample, triple);
        var failures = Samples.Failures(cases, c =>
        {
            var arch = Samples.Target(c.triple).Arch.Name();
            var run = VeridianCli.Run(["run", "--target", c.triple, Path.Combine(samples, c.sample)]);
            var (exit, stderr) = (run.ExitCode, run.StdErr);
            var output = ArtifactRunner.Normalise(run.StdOut);
            string[] expected = c.sample == "baremetal-c"
                ? [$"Hello from baremetal-c on {arch}! fib(90) = 2880067194370816120\n"]
                : ["static constructor ran\n",
                   $"Hello from baremetal-cpp on {arch}! areas rectangle=42 square=144 sum = 186, 20! = 2432902008176640000, primes below 1000 = 168\n"];
            if (exit != 0 || expected.Any(e => !output.Contains(e, StringComparison.Ordinal)))
                return $"{c.sample} on {c.triple}: exit {exit}\n{output}\n{stderr}";
            return null;
        });
        Assert.True(failures.Count == 0, string.Join("\n---\n", failures));
    }

    [Fact]
    public void A_guest_that_fails_reports_its_status_on_every_architecture()
    {
        using var temp = new TempDir();
        var samples = Samples.CopyTo(temp.Path);
        var failing = Path.Combine(samples, "baremetal-c");
        File.WriteAllText(Path.Combine(failing, "main.c"), "#include \"platform.h\"\nint kmain(void) { console_write(\"about to fail\\n\"); return 5; }\n");
        var failures = Samples.Failures(Samples.Kernels, triple =>
        {
            var target = Samples.Target(triple);
            var image = new BuildEngine().BuildFolder(failing, target).Output;
            var result = ArtifactRunner.Run(new RunRequest { Target = target, Artifact = image, Timeout = TimeSpan.FromSeconds(60) });
            return result.ExitCode == 5 && result.Output.Contains("about to fail\nkmain failed\n", StringComparison.Ordinal)
                ? null
                : $"{triple}: exit {result.ExitCode} (host {result.HostStatus})\n{result.Output}";
        });
        Assert.True(failures.Count == 0, string.Join("\n---\n", failures));
    }

    [Fact]
    public void A_guest_that_never_powers_off_reports_VDN3102_after_the_timeout()
    {
        using var temp = new TempDir();
        var samples = Samples.CopyTo(temp.Path);
        var hanging = Path.Combine(samples, "baremetal-c");
        File.WriteAllText(Path.Combine(hanging, "main.c"),
            "#include \"platform.h\"\nint kmain(void) { console_write(\"spinning\\n\"); for (;;) __asm__ volatile(\"\"); }\n");
        var target = Samples.Target("x86_64-veridian-kernel-none");
        var image = new BuildEngine().BuildFolder(hanging, target).Output;
        var e = Assert.Throws<Diagnostics.DiagnosticException>(() =>
            ArtifactRunner.Run(new RunRequest { Target = target, Artifact = image, Timeout = TimeSpan.FromSeconds(2) }));
        Assert.Equal(RunnerCodes.Timeout, e.Diagnostic.Code);
        Assert.Contains("did not finish within 2 s; its last output: spinning", e.Diagnostic.Message);
    }
}
