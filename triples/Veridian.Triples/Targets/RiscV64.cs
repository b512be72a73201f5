namespace Veridian.Triples;

// The riscv64 family: riscv64-veridian-kernel-none, riscv64-veridian-user-relibc, riscv64-linux-gnu.
public static partial class TargetDatabase
{
    private const string RiscV64DataLayout = "e-m:e-p:64:64-i64:64-i128:128-n32:64-S128";

    // RV64GC (= IMAFDC + Zicsr + Zifencei) with linker relaxation, as clang's -march=rv64gc; the ABI is lp64d.
    private const string RiscV64Features = "+m,+a,+f,+d,+c,+zicsr,+zifencei,+relax";

    private static readonly CTypeLayout s_riscv64CTypes = new()
    {
        // RISC-V psABI: plain char is unsigned, wchar_t is int, long double is IEEE binary128.
        CharSigned = false, Short = 2, Int = 4, Long = 8, LongLong = 8, Pointer = 8, SizeT = 8,
        WcharT = 4, WcharSigned = true, Float = 4, Double = 8,
        LongDouble = 16, LongDoubleMantissaBits = 113, HasInt128 = true, MaxAlign = 16,
    };

    // HOST-FACTS §6: virt machine with QEMU's OpenSBI (-bios default), kernel entered in S-mode. Measured: the
    // sifive_test finisher is writable from S-mode under OpenSBI 1.1 (0x3333 | 7 << 16 → QEMU status 7), while
    // SBI SRST exits 0 even with reason "system failure".
    private static readonly QemuRecipe s_riscv64System = new()
    {
        Mode = QemuMode.System,
        Binary = "qemu-system-riscv64",
        Machine = "virt",
        Cpu = "",
        Memory = "128M",
        Firmware = "default",
        Console = "ns16550a UART at 0x10000000 (THR +0, LSR +5 bit 5) or SBI legacy putchar (a7 = 1) on stdio; OpenSBI prints its banner first",
        Exit = ExitMethod.SifiveTest,
        ExitDevice = "sifive_test at 0x100000 (0x5555 = exit 0, 0x3333 | code << 16 = exit code)",
        Args = ["-M", "virt", "-m", "128M", "-bios", "default", "-display", "none", "-nic", "none", "-serial", "stdio",
                "-monitor", "none", "-no-reboot"],
    };

    private static IEnumerable<TargetInfo> RiscV64Targets() =>
    [
        new TargetInfo
        {
            Canonical = "riscv64-veridian-kernel-none",
            Description = "VeridianOS kernel for riscv64 (QEMU virt + OpenSBI, S-mode, medany, RV64GC/lp64d)",
            Arch = Arch.RiscV64, Os = Os.Veridian, Subsystem = Subsystem.Kernel, Abi = Abi.None,
            LlvmTriple = "riscv64-unknown-none-elf",
            Cpu = "generic-rv64",
            Features = RiscV64Features,
            LlvmAbi = "lp64d",
            DataLayout = RiscV64DataLayout,
            PointerWidth = 64,
            Endianness = Endianness.Little,
            CTypes = s_riscv64CTypes,
            MaxAtomicWidth = 64,
            // medany is required: the kernel sits at 0x80200000, beyond medlow's ±2 GiB around 0 (lld: R_RISCV_HI20 out of range).
            CodeModel = CodeModel.Medium,
            RelocationModel = RelocationModel.Static,
            RedZone = false,
            // The target says so: lp64d passes floats in FP registers and lld refuses to mix lp64 and lp64d
            // objects, so the kernel keeps the user ABI; the boot stub sets sstatus.FS before any C code.
            FloatPolicy = FloatPolicy.Hard,
            StackProtector = StackProtector.None,
            TlsModel = TlsModel.LocalExec,
            PageSize = 4096,
            LoadAddress = 0x80200000,
            EntrySymbol = "_start",
            EntryState = "S-mode under OpenSBI, MMU off, entered at the LOWEST loaded address (QEMU 7.2 ignores e_entry on riscv: put .text.boot first at the load address), a0 = hart id, a1 = DTB address; the stub sets sp with lla under .option norelax and sets sstatus.FS (csrs sstatus, 0x2000) before C code",
            Macros = VeridianMacros(Subsystem.Kernel, Abi.None),
            Freestanding = true,
            Sysroot = SysrootKind.None,
            SysrootPath = "",
            ElfMachine = 243,
            ElfFlags = 0x5,
            Qemu = s_riscv64System,
        },
        new TargetInfo
        {
            Canonical = "riscv64-veridian-user-relibc",
            Description = "VeridianOS user programs for riscv64 (RV64GC/lp64d), static, linked against relibc-cs",
            Arch = Arch.RiscV64, Os = Os.Veridian, Subsystem = Subsystem.User, Abi = Abi.Relibc,
            LlvmTriple = "riscv64-unknown-none-elf",
            Cpu = "generic-rv64",
            Features = RiscV64Features,
            LlvmAbi = "lp64d",
            DataLayout = RiscV64DataLayout,
            PointerWidth = 64,
            Endianness = Endianness.Little,
            CTypes = s_riscv64CTypes,
            MaxAtomicWidth = 64,
            CodeModel = CodeModel.Medium,
            RelocationModel = RelocationModel.Static,
            RedZone = false,
            FloatPolicy = FloatPolicy.Hard,
            StackProtector = StackProtector.None,
            TlsModel = TlsModel.LocalExec,
            PageSize = 4096,
            LoadAddress = 0x400000,
            EntrySymbol = "_start",
            EntryState = UserEntryState,
            Macros = VeridianMacros(Subsystem.User, Abi.Relibc),
            Freestanding = false,
            Sysroot = SysrootKind.Veridian,
            SysrootPath = "",
            ElfMachine = 243,
            ElfFlags = 0x5,
            Qemu = s_riscv64System,
        },
        new TargetInfo
        {
            Canonical = "riscv64-linux-gnu",
            Description = "Linux/glibc on riscv64 (runs under qemu-riscv64 with Debian's cross glibc)",
            Arch = Arch.RiscV64, Os = Os.Linux, Subsystem = Subsystem.User, Abi = Abi.Gnu,
            LlvmTriple = "riscv64-unknown-linux-gnu",
            Cpu = "generic-rv64",
            Features = RiscV64Features,
            LlvmAbi = "lp64d",
            DataLayout = RiscV64DataLayout,
            PointerWidth = 64,
            Endianness = Endianness.Little,
            CTypes = s_riscv64CTypes,
            MaxAtomicWidth = 64,
            CodeModel = CodeModel.Medium,
            RelocationModel = RelocationModel.Pie,
            RedZone = false,
            FloatPolicy = FloatPolicy.Hard,
            StackProtector = StackProtector.Strong,
            TlsModel = TlsModel.GlobalDynamic,
            PageSize = 4096,
            LoadAddress = null,
            EntrySymbol = "_start",
            EntryState = LinuxEntryState,
            Macros = [],
            Freestanding = false,
            Sysroot = SysrootKind.CrossGlibc,
            SysrootPath = "/usr/riscv64-linux-gnu",
            ElfMachine = 243,
            ElfFlags = 0x5,
            Qemu = new QemuRecipe
            {
                Mode = QemuMode.User, Binary = "qemu-riscv64", Machine = "", Cpu = "", Memory = "", Firmware = "",
                Console = "the process's stdout/stderr", Exit = ExitMethod.ProcessExit, ExitDevice = "",
                Args = ["-L", "/usr/riscv64-linux-gnu"],
            },
        },
    ];
}
