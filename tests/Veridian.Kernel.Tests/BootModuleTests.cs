using Veridian.Tests;

namespace Veridian.Kernel.Tests;

/// <summary>`veridian run --boot-module` hands the kernel a cpio archive through each architecture's boot protocol.</summary>
public class BootModuleTests
{
    [Theory]
    [MemberData(nameof(KernelCopy.Triples), MemberType = typeof(KernelCopy))]
    public void The_kernel_lists_every_file_of_a_boot_module_folder_and_refuses_an_init_that_is_not_a_program(string triple)
    {
        using var kernel = new KernelCopy();
        using var module = new TempDir();
        Directory.CreateDirectory(module["etc"]);
        File.WriteAllText(module["init"], "\u007fELF, but not a program");
        File.WriteAllText(module["etc/motd"], "hello from the boot module\n");
        File.WriteAllBytes(module["etc/blob"], new byte[5000]);
        var run = VeridianCli.Run(["run", "--target", triple, kernel.Project, "--boot-module", module.Path], timeoutMs: 600_000);
        var log = run.StdOut.Replace("\r", "", StringComparison.Ordinal);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"boot module 5\d\d\d B at 0x[0-9a-f]+\n", log);
        Assert.Contains($"  /etc/blob (5000 B)\n  /etc/motd (27 B)\n  /init ({new FileInfo(module["init"]).Length} B)\n", log, StringComparison.Ordinal);
        Assert.Contains("boot module: a well-formed newc archive...[ok]\n", log, StringComparison.Ordinal);
        Assert.Contains("[INIT] starting /init\n[INIT] /init could not start: errno 25\nBOOTFAIL\n", log, StringComparison.Ordinal); // ENOEXEC
    }
}
