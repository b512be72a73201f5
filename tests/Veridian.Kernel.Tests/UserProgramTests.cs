using Veridian.Tests;

namespace Veridian.Kernel.Tests;

/// <summary>Freestanding C programs (kernel/tests/user/, their own system call stubs) run as /init in user mode on each architecture.</summary>
public class UserProgramTests
{
    private static string Arch(string triple) => triple[..triple.IndexOf('-', StringComparison.Ordinal)];

    /// <summary>Builds kernel/tests/user/<paramref name="program"/>.c for the user target of <paramref name="kernelTriple"/> into a boot module folder as /init.</summary>
    private static void BuildInit(string kernelTriple, string program, TempDir module, params string[] defines)
    {
        var source = Repo.PathOf("kernel", "tests", "user", program + ".c");
        var cc = VeridianCli.Run(["cc", "--target", $"{Arch(kernelTriple)}-veridian-user-relibc", "-nostdlib", "-static", "-ffreestanding", "-O2", .. defines, source, "-o", module["init"]]);
        Assert.True(cc.ExitCode == 0, cc.ToString());
    }

    [Theory]
    [MemberData(nameof(KernelCopy.Triples), MemberType = typeof(KernelCopy))]
    public void A_program_writes_gets_checked_answers_and_its_exit_status_is_what_veridian_run_returns(string triple)
    {
        using var kernel = new KernelCopy();
        using var module = new TempDir();
        BuildInit(triple, "hello", module);
        var run = VeridianCli.Run(["run", "--target", triple, kernel.Project, "--boot-module", module.Path], timeoutMs: 600_000);
        var log = run.StdOut.Replace("\r", "", StringComparison.Ordinal);
        Assert.True(run.ExitCode == 42, run.ToString());
        Assert.Contains("""
            [INIT] starting /init
            hello from /init in user mode
            pid 1
            unknown call -1
            write from a kernel address -9
            write from an unmapped address -9
            write to fd 7 -21
            data segment ok, bss sum 0
            [INIT] /init exited with status 42
            BOOTOK

            """, log, StringComparison.Ordinal);
    }

    /// <summary>What /etc/motd holds in the boot modules of the file tests (42 bytes; the C programs compare against it).</summary>
    private const string Motd = "Hello from the boot module.\nSecond line..\n";

    /// <summary>Boots <paramref name="program"/> as /init with /etc/motd beside it; the console log (\r removed) and the exit status.</summary>
    private static (string Log, int ExitCode, string All) Boot(string triple, string program, string? stdin = null, params string[] runOptions)
    {
        using var kernel = new KernelCopy();
        using var module = new TempDir();
        BuildInit(triple, program, module);
        Directory.CreateDirectory(module["etc"]);
        File.WriteAllText(module["etc/motd"], Motd);
        var run = VeridianCli.Run(["run", "--target", triple, kernel.Project, "--boot-module", module.Path, .. runOptions], timeoutMs: 600_000, stdin: stdin);
        return (run.StdOut.Replace("\r", "", StringComparison.Ordinal), run.ExitCode, run.ToString());
    }

    [Theory]
    [MemberData(nameof(KernelCopy.Triples), MemberType = typeof(KernelCopy))]
    public void A_program_prints_maps_64_MiB_sums_in_four_threads_under_a_futex_reads_a_boot_module_file_and_exits_with_its_status(string triple)
    {
        var (log, exitCode, all) = Boot(triple, "threads");
        Assert.True(exitCode == 7, all);
        Assert.Contains("threads: hello from /init\n", log, StringComparison.Ordinal);
        Assert.Contains("TLS data from PT_TLS 12345 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("the futex-protected counter 20000 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("joined threads with their statuses 4 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("TLS register mismatches across switches 0 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("its content matches 1 ok\n", log, StringComparison.Ordinal);
        Assert.DoesNotContain("WRONG", log, StringComparison.Ordinal);
        Assert.Contains("threads: 0 failure(s)\n[INIT] /init exited with status 7\nBOOTOK\n", log, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KernelCopy.Triples), MemberType = typeof(KernelCopy))]
    public void Uname_clocks_nanosleep_files_futexes_and_threads_answer_bad_arguments_with_errors(string triple)
    {
        var (log, exitCode, all) = Boot(triple, "calls");
        Assert.True(exitCode == 0, all);
        Assert.Contains($"uname: VeridianOS 0.1.0 {triple[..triple.IndexOf('-', StringComparison.Ordinal)]}\n", log, StringComparison.Ordinal);
        Assert.Contains("open of a missing file -4 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("read of a closed descriptor -21 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("read into an unmapped buffer -9 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("futex_wait times out -57 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("slept at least 100 ms and under 1 s 1 ok\n", log, StringComparison.Ordinal);
        Assert.DoesNotContain("WRONG", log, StringComparison.Ordinal);
        Assert.Contains("calls: 0 failure(s)\n[INIT] /init exited with status 0\nBOOTOK\n", log, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KernelCopy.Triples), MemberType = typeof(KernelCopy))]
    public void Capabilities_are_checked_copied_minted_moved_deleted_and_revoked_a_forked_server_answers_calls_and_memory_is_shared_with_its_rights(string triple)
    {
        var (log, exitCode, all) = Boot(triple, "caps");
        Assert.True(exitCode == 0, all);
        Assert.Contains("a stale generation -11 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("a forged right -10 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("mint more rights than the source has -12 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("  the one derived twice over is gone -11 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("copies until the CNode is full (slots 62 and 63 hold the console's capabilities) 59 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("wait: the bits ORed together 17 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("  the badge the server saw 7 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("  and signalled it 1 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("1000 calls answered in order 1 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("a long call of 1000 bytes: the server's sum 1 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("  the long reply, the bytes reversed 1 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("a long call from a buffer that was unmapped -9 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("  its receive ended with ECAPREVOKED 61 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("call a server that dies before it replies -11 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("map a read-only capability for writing -12 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("  the parent sees the child's write 6 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("a child writing through a read-only mapping is killed 1 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("  answers that are not a capability error 0 ok\n", log, StringComparison.Ordinal);
        Assert.DoesNotContain("WRONG", log, StringComparison.Ordinal);
        Assert.Contains("caps: 0 failure(s)\n[INIT] /init exited with status 0\nBOOTOK\n", log, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KernelCopy.Triples), MemberType = typeof(KernelCopy))]
    public void A_user_space_console_driver_serves_by_interrupts_and_init_restarts_it_after_an_injected_fault(string triple)
    {
        var (log, exitCode, all) = Boot(triple, "console", stdin: "\nhello, driver\n");
        Assert.True(exitCode == 0, all);
        Assert.Contains("[console driver] started\nhello through the user-space console driver\n", log, StringComparison.Ordinal);
        Assert.Contains("client read: hello, driver\n", log, StringComparison.Ordinal);
        Assert.Contains("client: the driver took interrupts 1 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("[init] the console driver (pid 2) ended with status 139: restarting it\n", log, StringComparison.Ordinal);
        Assert.Contains("client: the call that crashes the driver fails -11 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("[console driver] restarted\n", log, StringComparison.Ordinal);
        Assert.Contains("written after the driver's restart\n", log, StringComparison.Ordinal);
        Assert.DoesNotContain("WRONG", log, StringComparison.Ordinal);
        Assert.Contains("console: 0 failure(s)\n[INIT] /init exited with status 0\nBOOTOK\n", log, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KernelCopy.Triples), MemberType = typeof(KernelCopy))]
    public void A_sleeping_thread_leaves_the_CPU_to_others_and_a_low_priority_thread_waits_for_higher_ones(string triple)
    {
        var (log, exitCode, all) = Boot(triple, "sched");
        Assert.True(exitCode == 0, all);
        Assert.Contains("the main thread ran while the other slept 1 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("join a sleeper while nothing else runs 0 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("the low thread's progress while the high one ran 0 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("the low thread runs while main sleeps 1 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("fork with two threads: the child has only the caller's, handle 0 31 ok\n", log, StringComparison.Ordinal);
        Assert.DoesNotContain("WRONG", log, StringComparison.Ordinal);
        Assert.Contains("sched: 0 failure(s)\n[INIT] /init exited with status 0\nBOOTOK\n", log, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KernelCopy.Triples), MemberType = typeof(KernelCopy))]
    public void A_program_reads_a_line_from_the_console_that_veridian_run_passes_from_its_stdin(string triple)
    {
        var (log, exitCode, all) = Boot(triple, "echo", stdin: "\nhello, kernel\n");
        Assert.True(exitCode == 11, all);
        Assert.Contains("echo: hello, kernel (13 bytes)\n[INIT] /init exited with status 11\nBOOTOK\n", log, StringComparison.Ordinal);
    }

    [Fact]
    public void On_aarch64_entered_at_EL2_the_kernel_drops_to_EL1_and_runs_threads_in_user_mode()
    {
        var (log, exitCode, all) = Boot("aarch64-veridian-kernel-none", "threads", null, "--machine-options", "virtualization=on");
        Assert.True(exitCode == 7, all);
        Assert.Contains("[BOOTSTRAP] Stage 1: console on aarch64 (entered at EL2, running at EL1)\n", log, StringComparison.Ordinal);
        Assert.Contains("threads: 0 failure(s)\n[INIT] /init exited with status 7\nBOOTOK\n", log, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KernelCopy.Triples), MemberType = typeof(KernelCopy))]
    public void A_program_maps_64_MiB_writes_and_frees_it_and_meets_W_xor_X_and_the_program_break(string triple)
    {
        using var kernel = new KernelCopy();
        using var module = new TempDir();
        BuildInit(triple, "memory", module);
        var run = VeridianCli.Run(["run", "--target", triple, kernel.Project, "--boot-module", module.Path], timeoutMs: 600_000);
        var log = run.StdOut.Replace("\r", "", StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("64 MiB written and read back, mismatches 0 ok\n", log, StringComparison.Ordinal);
        Assert.Contains("brk below the start is refused", log, StringComparison.Ordinal);
        Assert.DoesNotContain("WRONG", log, StringComparison.Ordinal);
        // Every frame the process had came back (else the kernel says so and ends in BOOTFAIL).
        Assert.Contains("[INIT] /init exited with status 0\nBOOTOK\n", log, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KernelCopy.Triples), MemberType = typeof(KernelCopy))]
    public void Two_CPU_bound_processes_from_fork_and_exec_both_make_progress_and_init_waits_for_their_statuses(string triple)
    {
        using var kernel = new KernelCopy();
        using var module = new TempDir();
        BuildInit(triple, "procs", module);
        Directory.CreateDirectory(module["bin"]);
        var source = Repo.PathOf("kernel", "tests", "user", "spin.c");
        var cc = VeridianCli.Run(["cc", "--target", $"{Arch(triple)}-veridian-user-relibc", "-nostdlib", "-static", "-ffreestanding", "-O2", source, "-o", module["bin/spin"]]);
        Assert.True(cc.ExitCode == 0, cc.ToString());
        var run = VeridianCli.Run(["run", "--target", triple, kernel.Project, "--boot-module", module.Path], timeoutMs: 600_000);
        var log = run.StdOut.Replace("\r", "", StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("init: forked 2 and 3\n", log, StringComparison.Ordinal);
        Assert.Contains("spin 2: parent 1\n", log, StringComparison.Ordinal);
        Assert.Contains("spin 3: parent 1\n", log, StringComparison.Ordinal);
        // Preemption: neither spinner (which never yields) finishes before the other has started its rounds.
        int firstOf2 = log.IndexOf("spin 2 round 1", StringComparison.Ordinal), lastOf2 = log.IndexOf("spin 2 round 5", StringComparison.Ordinal);
        int firstOf3 = log.IndexOf("spin 3 round 1", StringComparison.Ordinal), lastOf3 = log.IndexOf("spin 3 round 5", StringComparison.Ordinal);
        Assert.True(firstOf2 >= 0 && firstOf3 >= 0 && firstOf2 < lastOf3 && firstOf3 < lastOf2, log);
        Assert.Contains("init: child 2 exited with 12\n", log, StringComparison.Ordinal);
        Assert.Contains("init: child 3 exited with 13\n", log, StringComparison.Ordinal);
        Assert.Contains("init: statuses are pid + 10: 1\ninit: wait without children -26\ninit: exec of a missing file -4\n", log, StringComparison.Ordinal);
        Assert.Contains("[INIT] /init exited with status 0\nBOOTOK\n", log, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KernelCopy.Triples), MemberType = typeof(KernelCopy))]
    public void The_kernel_survives_twenty_thousand_random_system_calls(string triple)
    {
        using var kernel = new KernelCopy();
        using var module = new TempDir();
        BuildInit(triple, "fuzz", module);
        var run = VeridianCli.Run(["run", "--target", triple, kernel.Project, "--boot-module", module.Path], timeoutMs: 600_000);
        var log = run.StdOut.Replace("\r", "", StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"fuzzer: \d+ calls, \d+ ENOSYS, kernel alive\n\[INIT\] /init exited with status 0\nBOOTOK\n", log);
    }

    [Theory]
    [InlineData("x86_64-veridian-kernel-none", "-DNULL_DEREF", "#PF page fault")]
    [InlineData("aarch64-veridian-kernel-none", "-DNULL_DEREF", "data abort from user mode")]
    [InlineData("riscv64-veridian-kernel-none", "-DNULL_DEREF", "load page fault")]
    [InlineData("x86_64-veridian-kernel-none", "-DPRIVILEGED", "#GP general protection")]
    [InlineData("aarch64-veridian-kernel-none", "-DPRIVILEGED", "")]
    [InlineData("riscv64-veridian-kernel-none", "-DPRIVILEGED", "illegal instruction")]
    public void A_program_that_faults_is_killed_with_a_report_and_the_kernel_boots_on_to_BOOTOK(string triple, string fault, string cause)
    {
        using var kernel = new KernelCopy();
        using var module = new TempDir();
        BuildInit(triple, "fault", module, fault);
        var run = VeridianCli.Run(["run", "--target", triple, kernel.Project, "--boot-module", module.Path], timeoutMs: 600_000);
        var log = run.StdOut.Replace("\r", "", StringComparison.Ordinal);
        Assert.True(run.ExitCode == 139, run.ToString());
        Assert.Matches($@"\[KERNEL\] process 1 killed: {System.Text.RegularExpressions.Regex.Escape(cause)}.* at pc 0x[0-9a-f]+, address 0x[0-9a-f]+\n\[INIT\] /init exited with status 139\nBOOTOK\n", log);
        if (fault == "-DNULL_DEREF")
            Assert.Contains(", address 0x0\n", log, StringComparison.Ordinal);
    }
}
