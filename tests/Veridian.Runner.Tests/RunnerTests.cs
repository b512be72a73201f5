using Veridian.Build;
using Veridian.Build.Project;
using Veridian.Diagnostics;
using Veridian.Triples;

using Veridian.Tests;

namespace Veridian.Runner.Tests;

/// <summary>The runner's decisions that need no emulator: command lines, exit statuses, source lists, refusals.</summary>
public class RunnerTests
{
    [Theory]
    [InlineData("x86_64-veridian-kernel-none", "qemu-system-x86_64", "isa-debug-exit,iobase=0xf4,iosize=0x04")]
    [InlineData("aarch64-veridian-kernel-none", "qemu-system-aarch64", "enable=on,target=native")]
    [InlineData("riscv64-veridian-kernel-none", "qemu-system-riscv64", "default")]
    public void Kernel_images_run_under_qemu_system_with_the_recipe_and_no_display_network_monitor_or_reboot(string triple, string qemu, string recipeArg)
    {
        var line = RunCommandLine.For(TargetDatabase.Resolve(triple), "/k.elf", ["ignored"]);
        Assert.Equal(qemu, line[0]);
        Assert.Equal(["-kernel", "/k.elf"], line.TakeLast(2));
        foreach (var required in new[] { "-display", "none", "-nic", "-monitor", "-no-reboot", "-serial", "stdio", recipeArg })
            Assert.Contains(required, line);
    }

    [Theory]
    [MemberData(nameof(KernelTriples))]
    public void Icount_puts_qemus_instruction_counting_before_the_kernel_and_machine_options_stay_merged(string triple)
    {
        var line = RunCommandLine.For(TargetDatabase.Resolve(triple), "/k.elf", [], "/m.cpio", "virtualization=on", icountShift: 0);
        Assert.Equal(["-M", "virtualization=on", "-icount", "shift=0", "-kernel", "/k.elf", "-initrd", "/m.cpio"], line.TakeLast(8));
        Assert.DoesNotContain("-icount", RunCommandLine.For(TargetDatabase.Resolve(triple), "/k.elf", []));
    }

    public static TheoryData<string> KernelTriples => new("x86_64-veridian-kernel-none", "aarch64-veridian-kernel-none", "riscv64-veridian-kernel-none");

    [Theory]
    [InlineData("aarch64-linux-gnu", "qemu-aarch64 -L /usr/aarch64-linux-gnu /p a b")]
    [InlineData("riscv64-linux-gnu", "qemu-riscv64 -L /usr/riscv64-linux-gnu /p a b")]
    [InlineData("x86_64-linux-gnu", "/p a b")]
    public void Linux_programs_run_under_qemu_user_with_the_cross_glibc_or_natively(string triple, string expected)
    {
        Assert.Equal(expected, string.Join(' ', RunCommandLine.For(TargetDatabase.Resolve(triple), "/p", ["a", "b"])));
    }

    [Fact]
    public void A_VeridianOS_user_program_has_no_QEMU_command_line_of_its_own_VDN3109()
    {
        // It runs inside the kernel (UserProgramRunner), not on QEMU by itself.
        var e = Assert.Throws<DiagnosticException>(() => RunCommandLine.For(TargetDatabase.Resolve("x86_64-veridian-user-relibc"), "/p", []));
        Assert.Equal(RunnerCodes.NotRunnable, e.Diagnostic.Code);
    }

    [Theory]
    [InlineData("boot log\n[INIT] starting /init\nhello\n[INIT] /init exited with status 0\nBOOTOK\n", "hello\n")]
    [InlineData("[INIT] starting /init\nno newline[INIT] /init exited with status 3\n", "no newline")]
    [InlineData("[INIT] starting /init\nbefore\n[KERNEL] process 1 killed: #PF at pc 0x1, address 0x8\n[INIT] /init exited with status 139\n", "before\n")]
    [InlineData("no init at all\n", "")]
    public void The_programs_part_of_the_console_is_what_lies_between_the_kernels_init_lines(string console, string expected)
    {
        Assert.Equal(expected, UserProgramRunner.ProgramPart(console));
    }

    [Theory]
    [InlineData("x86_64-veridian-kernel-none", 0, "", 0)]
    [InlineData("x86_64-veridian-kernel-none", 11, "", 5)]   // isa-debug-exit: (5 << 1) | 1
    [InlineData("aarch64-veridian-kernel-none", 0, "", 0)]
    [InlineData("aarch64-veridian-kernel-none", 7, "", 7)]   // semihosting SYS_EXIT carries the code
    [InlineData("riscv64-veridian-kernel-none", 3, "", 3)]   // sifive_test finisher
    [InlineData("riscv64-veridian-kernel-none", 0, "boot\nveridian-exit: 9\n", 9)] // console protocol after a clean power-off
    [InlineData("aarch64-linux-gnu", 42, "", 42)]
    public void The_guest_status_comes_from_the_targets_exit_method(string triple, int hostStatus, string console, int expected)
    {
        var target = TargetDatabase.Resolve(triple);
        Assert.Equal(expected, ArtifactRunner.GuestStatus(target, hostStatus, console, "", target.Qemu.Binary));
    }

    [Fact]
    public void A_qemu_failure_is_VDN3103_not_a_guest_status()
    {
        var target = TargetDatabase.Resolve("x86_64-veridian-kernel-none");
        // QEMU exits 1 on its own errors; isa-debug-exit would read 1 as guest status 0.
        var e = Assert.Throws<DiagnosticException>(() =>
            ArtifactRunner.GuestStatus(target, 1, "", "qemu-system-x86_64: could not load kernel 'x'\n", "qemu-system-x86_64"));
        Assert.Equal(RunnerCodes.EmulatorFailed, e.Diagnostic.Code);
        Assert.Contains("could not load kernel", e.Diagnostic.Message);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("hello\n", null)]
    [InlineData("veridian-exit: 3\n", 3)]
    [InlineData("veridian-exit: 3\r\nmore\nveridian-exit: 4\n", 4)]
    [InlineData("veridian-exit: x\n", null)]
    public void The_console_exit_protocol_takes_the_last_status_line(string output, int? expected)
    {
        Assert.Equal(expected, ConsoleExitProtocol.Find(output));
    }

    [Fact]
    public void A_missing_artifact_is_VDN3101()
    {
        var e = Assert.Throws<DiagnosticException>(() => ArtifactRunner.Run(new RunRequest
        {
            Target = TargetDatabase.Resolve("x86_64-linux-gnu"),
            Artifact = "/nonexistent/program",
        }));
        Assert.Equal(RunnerCodes.ArtifactNotFound, e.Diagnostic.Code);
    }

    [Fact]
    public void An_artifact_for_another_machine_is_VDN3105()
    {
        // /bin/true is an x86_64 ELF on this host.
        var e = Assert.Throws<DiagnosticException>(() => ArtifactRunner.Run(new RunRequest
        {
            Target = TargetDatabase.Resolve("riscv64-linux-gnu"),
            Artifact = "/bin/true",
        }));
        Assert.Equal(RunnerCodes.WrongMachine, e.Diagnostic.Code);
        Assert.Contains("machine 62", e.Diagnostic.Message);
    }

    [Fact]
    public void A_folder_without_a_sources_list_contributes_its_sources_then_its_arch_folder_in_ordinal_order()
    {
        using var temp = new TempDir();
        foreach (var f in new[] { "b.c", "a.cpp", "Z.S", "notes.txt", "x86_64/boot.S", "x86_64/p.c", "aarch64/boot.S", "x86_64/deeper/no.c" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temp.Combine(f))!);
            File.WriteAllText(temp.Combine(f), "");
        }
        Assert.Equal(["Z.S", "a.cpp", "b.c", "x86_64/boot.S", "x86_64/p.c"],
            ImplicitProject.FolderSources(temp.Path, TargetDatabase.Resolve("x86_64-veridian-kernel-none")));
    }

    [Fact]
    public void A_sources_list_substitutes_the_arch_skips_comments_and_names_a_missing_file_with_its_line()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp.Combine("riscv64"));
        File.WriteAllText(temp.Combine("main.c"), "");
        File.WriteAllText(temp.Combine("riscv64", "boot.S"), "");
        File.WriteAllText(temp.Combine("sources"), "# the list\nmain.c\n\n{arch}/boot.S\n");
        Assert.Equal(["main.c", "riscv64/boot.S"], ImplicitProject.FolderSources(temp.Path, TargetDatabase.Resolve("riscv64-veridian-kernel-none")));

        var e = Assert.Throws<DiagnosticException>(() => ImplicitProject.FolderSources(temp.Path, TargetDatabase.Resolve("aarch64-veridian-kernel-none")));
        Assert.Equal(BuildCodes.SourceNotFound, e.Diagnostic.Code);
        Assert.Equal(4, e.Diagnostic.Location!.Value.Line);
        Assert.Contains("aarch64/boot.S", e.Diagnostic.Message);
    }

    [Fact]
    public void A_folder_with_no_sources_is_VDN3106()
    {
        using var temp = new TempDir();
        var e = Assert.Throws<DiagnosticException>(() => ImplicitProject.FolderSources(temp.Path, TargetDatabase.Resolve("x86_64-veridian-kernel-none")));
        Assert.Equal(BuildCodes.NoSources, e.Diagnostic.Code);
    }
}
