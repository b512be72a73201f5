using Veridian.Tests;

namespace Veridian.Kernel.Tests;

/// <summary>`veridian run --target &lt;arch&gt;-veridian-kernel-none kernel` boots the kernel under QEMU on each architecture.</summary>
public class BootTests
{
    [Theory]
    [MemberData(nameof(KernelCopy.Triples), MemberType = typeof(KernelCopy))]
    public void The_kernel_boots_through_every_stage_passes_its_self_tests_and_powers_off_with_BOOTOK(string triple)
    {
        using var kernel = new KernelCopy();
        var run = VeridianCli.Run(["run", "--target", triple, kernel.Project], timeoutMs: 600_000);
        var log = run.StdOut.Replace("\r", "", StringComparison.Ordinal);
        var lines = log.Split('\n');
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var stage in new[] { 1, 2, 3, 4, 5, 6 })
            Assert.Contains(lines, l => l.StartsWith($"[BOOTSTRAP] Stage {stage}: ", StringComparison.Ordinal));
        var tests = lines.Where(l => l.EndsWith("...[ok]", StringComparison.Ordinal) || l.EndsWith("...[failed]", StringComparison.Ordinal)).ToList();
        Assert.True(tests.Count >= 13, log);
        Assert.DoesNotContain(tests, l => l.EndsWith("[failed]", StringComparison.Ordinal));
        Assert.Contains($"[INIT] Results: {tests.Count}/{tests.Count} passed\n[INIT] no /init in the boot module: nothing to run\nBOOTOK\n", log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x86_64-veridian-kernel-none", "SMEP and SMAP")]
    [InlineData("aarch64-veridian-kernel-none", "PAN (set on every exception entry)")]
    [InlineData("riscv64-veridian-kernel-none", "SUM clear, never set (user memory only through the direct map)")]
    public void The_kernel_turns_on_the_user_access_protection_the_emulated_CPU_offers(string triple, string protection)
    {
        using var kernel = new KernelCopy();
        var run = VeridianCli.Run(["run", "--target", triple, kernel.Project], timeoutMs: 600_000);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"[BOOTSTRAP] Stage 3: user-access protection: {protection}\n", run.StdOut.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
