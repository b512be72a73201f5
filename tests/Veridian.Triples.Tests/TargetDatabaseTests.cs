using Veridian.Triples;

namespace Veridian.Triples.Tests;

/// <summary>Rules every entry of the database must follow (the facts themselves are checked against clang/libLLVM elsewhere).</summary>
public sealed class TargetDatabaseTests
{
    [Fact]
    public void Database_holds_the_6_veridian_targets_then_the_6_linux_targets()
    {
        Assert.Equal(
        [
            "aarch64-veridian-kernel-none", "aarch64-veridian-user-relibc",
            "riscv64-veridian-kernel-none", "riscv64-veridian-user-relibc",
            "x86_64-veridian-kernel-none", "x86_64-veridian-user-relibc",
            "aarch64-linux-gnu", "aarch64-linux-relibc", "riscv64-linux-gnu", "riscv64-linux-relibc",
            "x86_64-linux-gnu", "x86_64-linux-relibc",
        ], TargetDatabase.All.Select(t => t.Canonical));
    }

    [Theory]
    [MemberData(nameof(Targets.All), MemberType = typeof(Targets))]
    public void Canonical_name_parses_to_itself_and_agrees_with_the_entrys_fields(string triple)
    {
        var t = Targets.Get(triple);
        var parsed = Triple.Parse(t.Canonical);
        Assert.True(parsed.IsCanonical);
        Assert.Equal((t.Arch, t.Os, t.Subsystem, t.Abi), (parsed.Arch, parsed.Os, parsed.Subsystem, parsed.Abi));
        Assert.Contains(t.Abi, Triple.AbisFor(t.Os, t.Subsystem));
        Assert.StartsWith(t.Arch.Name() + "-", t.LlvmTriple);
        Assert.Equal(64, t.PointerWidth);
        Assert.Equal(t.PointerWidth / 8, t.CTypes.Pointer);
        Assert.Equal(4096, t.PageSize);
        Assert.Equal("_start", t.EntrySymbol);
        Assert.Equal(t.Arch switch { Arch.X86_64 => 62, Arch.AArch64 => 183, Arch.RiscV64 => 243 }, t.ElfMachine);
        // Only x86_64 SysV has a red zone to keep.
        Assert.True(!t.RedZone || t.Arch == Arch.X86_64);
        Assert.Equal(t.Arch == Arch.RiscV64, t.LlvmAbi.Length > 0);
    }

    /// <summary>(triple, load address): HOST-FACTS §6 and the kernel linker script contract.</summary>
    public static TheoryData<string, ulong> KernelLoadAddresses => new()
    {
        { "x86_64-veridian-kernel-none", 0x100000 },
        { "aarch64-veridian-kernel-none", 0x40100000 },
        { "riscv64-veridian-kernel-none", 0x80200000 },
    };

    [Theory]
    [MemberData(nameof(KernelLoadAddresses))]
    public void Kernels_are_freestanding_static_without_red_zone_or_stack_protector_at_their_load_address(string triple, ulong address)
    {
        var t = Targets.Get(triple);
        Assert.True(t.IsKernel);
        Assert.True(t.Freestanding);
        Assert.Equal(RelocationModel.Static, t.RelocationModel);
        Assert.False(t.RedZone);
        Assert.Equal(StackProtector.None, t.StackProtector);
        Assert.Equal(SysrootKind.None, t.Sysroot);
        Assert.Equal(address, t.LoadAddress);
        Assert.Equal(QemuMode.System, t.Qemu.Mode);
        Assert.Equal(t.Arch switch
        {
            Arch.X86_64 => CodeModel.Kernel,
            Arch.AArch64 => CodeModel.Small,
            Arch.RiscV64 => CodeModel.Medium,
        }, t.CodeModel);
        // No FP/SIMD in kernels unless the target says so: riscv64 keeps lp64d (docs/triples.md explains why).
        Assert.Equal(t.Arch == Arch.RiscV64 ? FloatPolicy.Hard : FloatPolicy.GeneralRegistersOnly, t.FloatPolicy);
    }

    [Theory]
    [MemberData(nameof(Targets.All), MemberType = typeof(Targets))]
    public void Linux_relibc_targets_are_their_glibc_twins_linked_static_against_the_sdk_sysroot(string triple)
    {
        var t = Targets.Get(triple);
        if (t.Os != Os.Linux || t.Abi != Abi.Relibc)
            return;
        var gnu = TargetDatabase.Resolve($"{t.Arch.Name()}-linux-gnu");
        Assert.Equal((gnu.Cpu, gnu.Features, gnu.DataLayout, gnu.CTypes, gnu.CodeModel, gnu.Qemu.Mode, gnu.Qemu.Binary),
            (t.Cpu, t.Features, t.DataLayout, t.CTypes, t.CodeModel, t.Qemu.Mode, t.Qemu.Binary));
        Assert.Equal($"{t.Arch.Name()}-unknown-linux-musl", t.LlvmTriple);
        Assert.Equal(RelocationModel.Static, t.RelocationModel);
        Assert.Equal(TlsModel.LocalExec, t.TlsModel);
        Assert.Equal(SysrootKind.Veridian, t.Sysroot);
        Assert.Equal(LinkerFlavor.Lld, t.LinkerFlavor);
        Assert.Empty(t.Qemu.Args); // static: no -L for a dynamic loader
    }

    [Theory]
    [MemberData(nameof(Targets.All), MemberType = typeof(Targets))]
    public void Linux_targets_are_hosted_PIE_and_run_under_qemu_user_or_natively(string triple)
    {
        var t = Targets.Get(triple);
        if (t.Os != Os.Linux || t.Abi != Abi.Gnu)
            return;
        Assert.False(t.Freestanding);
        Assert.Equal(RelocationModel.Pie, t.RelocationModel);
        Assert.Null(t.LoadAddress);
        Assert.Empty(t.Macros);
        Assert.Equal($"{t.Arch.Name()}-unknown-linux-gnu", t.LlvmTriple);
        if (t.Arch == Arch.X86_64)
        {
            Assert.Equal(QemuMode.Native, t.Qemu.Mode);
            Assert.Equal(SysrootKind.Host, t.Sysroot);
        }
        else
        {
            Assert.Equal(QemuMode.User, t.Qemu.Mode);
            Assert.Equal($"qemu-{t.Arch.Name()}", t.Qemu.Binary);
            Assert.Equal(SysrootKind.CrossGlibc, t.Sysroot);
            Assert.Equal($"/usr/{t.Arch.Name()}-linux-gnu", t.SysrootPath);
            Assert.Equal(["-L", t.SysrootPath], t.Qemu.Args);
        }
    }

    [Theory]
    [MemberData(nameof(Targets.All), MemberType = typeof(Targets))]
    public void System_recipes_spell_out_machine_cpu_memory_firmware_and_exit_device_in_their_arguments(string triple)
    {
        var q = Targets.Get(triple).Qemu;
        if (q.Mode != QemuMode.System)
            return;
        Assert.StartsWith("qemu-system-", q.Binary);
        AssertPair(q.Args, "-M", q.Machine);
        AssertPair(q.Args, "-m", q.Memory);
        if (q.Cpu.Length > 0)
            AssertPair(q.Args, "-cpu", q.Cpu);
        if (q.Firmware.Length > 0)
            AssertPair(q.Args, "-bios", q.Firmware);
        AssertPair(q.Args, "-serial", "stdio");
        Assert.DoesNotContain("-kernel", q.Args);
        if (q.Exit == ExitMethod.IsaDebugExit)
            AssertPair(q.Args, "-device", q.ExitDevice);
        if (q.Exit == ExitMethod.Semihosting)
            AssertPair(q.Args, "-semihosting-config", "enable=on,target=native");
    }

    private static void AssertPair(IReadOnlyList<string> args, string option, string value)
    {
        var i = args.ToList().IndexOf(option);
        Assert.True(i >= 0 && i + 1 < args.Count, $"{option} missing from {string.Join(' ', args)}");
        Assert.Equal(value, args[i + 1]);
    }

    [Theory]
    [InlineData(ExitMethod.IsaDebugExit, 33, 16)]
    [InlineData(ExitMethod.IsaDebugExit, 1, 0)]
    [InlineData(ExitMethod.IsaDebugExit, 0, 0)]
    [InlineData(ExitMethod.IsaDebugExit, 2, null)]
    [InlineData(ExitMethod.Semihosting, 9, 9)]
    [InlineData(ExitMethod.SifiveTest, 7, 7)]
    [InlineData(ExitMethod.PsciSystemOff, 0, null)]
    [InlineData(ExitMethod.ProcessExit, 3, 3)]
    public void Guest_exit_code_is_derived_from_QEMUs_status_by_the_exit_method(ExitMethod method, int status, int? code)
    {
        var recipe = Targets.Get("x86_64-linux-gnu").Qemu with { Exit = method };
        Assert.Equal(code, recipe.GuestExitCode(status));
    }

    [Theory]
    [InlineData("riscv64-veridian-kernel-none", "rv64imafdc_zicsr_zifencei")]
    [InlineData("x86_64-veridian-kernel-none", "")]
    public void RISC_V_ISA_string_is_built_from_the_features_in_canonical_order(string triple, string isa)
    {
        Assert.Equal(isa, Targets.Get(triple).RiscVIsaString);
    }

    [Fact]
    public void Veridian_user_targets_take_headers_and_libraries_from_the_sysroot_triple_folder()
    {
        var t = Targets.Get("x86_64-veridian-user-relibc");
        Assert.Equal("/s/x86_64-veridian-user-relibc/include", t.IncludeDir("/s"));
        Assert.Equal("/s/x86_64-veridian-user-relibc/lib", t.LibDir("/s"));
        Assert.Equal(["--sysroot=/s", "-nostdlibinc", "-isystem", "/s/x86_64-veridian-user-relibc/include"], t.SysrootArgs("/s"));
        Assert.Null(Targets.Get("x86_64-veridian-kernel-none").IncludeDir("/s"));
        Assert.Empty(Targets.Get("aarch64-linux-gnu").SysrootArgs("/s"));
        Assert.Equal("/usr/aarch64-linux-gnu/lib", Targets.Get("aarch64-linux-gnu").LibDir("/s"));
    }

    [Fact]
    public void Every_subsystem_name_and_abi_name_round_trips_through_the_parser()
    {
        foreach (var s in Enum.GetValues<Subsystem>())
        {
            foreach (var abi in Triple.AbisFor(Os.Veridian, s))
                Assert.Equal((s, abi), (Triple.Parse($"x86_64-veridian-{s.Name()}-{abi.Name()}").Subsystem, Triple.Parse($"x86_64-veridian-{s.Name()}-{abi.Name()}").Abi));
        }
    }
}
