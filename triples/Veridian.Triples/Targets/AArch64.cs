namespace Veridian.Triples;

// The aarch64 family: aarch64-veridian-kernel-none, aarch64-veridian-user-relibc, aarch64-linux-gnu.
public static partial class TargetDatabase
{
    private const string AArch64DataLayout = "e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128-Fn32";

    private const string AArch64HardFeatures = "+v8a,+fp-armv8,+neon";

    private static readonly CTypeLayout s_aarch64CTypes = new()
    {
        // AAPCS64: plain char and wchar_t are unsigned; long double is IEEE binary128.
        CharSigned = false, Short = 2, Int = 4, Long = 8, LongLong = 8, Pointer = 8, SizeT = 8,
        WcharT = 4, WcharSigned = false, Float = 4, Double = 8,
        LongDouble = 16, LongDoubleMantissaBits = 113, HasInt128 = true, MaxAlign = 16,
    };

    // HOST-FACTS §6: virt machine, ELF loaded at its own addresses, entry at EL1. The CPU is max rather than
    // HOST-FACTS' cortex-a57 (Armv8.0): max has PAN (Armv8.1), which the kernel turns on (docs/kernel.md).
    private static readonly QemuRecipe s_aarch64System = new()
    {
        Mode = QemuMode.System,
        Binary = "qemu-system-aarch64",
        Machine = "virt",
        Cpu = "max",
        Memory = "128M",
        Firmware = "",
        Console = "PL011 UART at 0x09000000 (DR +0x0, FR +0x18 bit 5 = TX full) on stdio",
        // Semihosting carries the guest's exit code (measured: SYS_EXIT with code 9 → QEMU status 9);
        // PSCI SYSTEM_OFF (x0 = 0x84000008; hvc #0) also powers off, always with status 0.
        Exit = ExitMethod.Semihosting,
        ExitDevice = "semihosting SYS_EXIT: x0 = 0x18, x1 = &{0x20026, code}, hlt #0xf000",
        Args = ["-M", "virt", "-cpu", "max", "-m", "128M", "-display", "none", "-nic", "none", "-serial", "stdio",
                "-monitor", "none", "-no-reboot", "-semihosting-config", "enable=on,target=native"],
    };

    private static IEnumerable<TargetInfo> AArch64Targets() =>
    [
        new TargetInfo
        {
            Canonical = "aarch64-veridian-kernel-none",
            Description = "VeridianOS kernel for aarch64 (QEMU virt, EL1, general registers only)",
            Arch = Arch.AArch64, Os = Os.Veridian, Subsystem = Subsystem.Kernel, Abi = Abi.None,
            LlvmTriple = "aarch64-unknown-none-elf",
            Cpu = "generic",
            // What clang sets for -mgeneral-regs-only: no FP/NEON code, so traps need not save FP state.
            Features = "+v8a,-fp-armv8,-neon",
            LlvmAbi = "",
            DataLayout = AArch64DataLayout,
            PointerWidth = 64,
            Endianness = Endianness.Little,
            CTypes = s_aarch64CTypes,
            MaxAtomicWidth = 128,
            CodeModel = CodeModel.Small,
            RelocationModel = RelocationModel.Static,
            RedZone = false,
            FloatPolicy = FloatPolicy.GeneralRegistersOnly,
            StackProtector = StackProtector.None,
            TlsModel = TlsModel.LocalExec,
            PageSize = 4096,
            // RAM starts at 0x40000000, where QEMU puts the DTB; the kernel goes 1 MiB above.
            LoadAddress = 0x40100000,
            EntrySymbol = "_start",
            EntryState = "EL1, MMU and caches off, x0 = DTB address; every CPU may enter, so the stub parks CPUs other than 0, sets sp (adrp + add :lo12:) and enables FP/SIMD (cpacr_el1 bits 20-21) only if it runs FP code",
            Macros = VeridianMacros(Subsystem.Kernel, Abi.None),
            Freestanding = true,
            Sysroot = SysrootKind.None,
            SysrootPath = "",
            ElfMachine = 183,
            ElfFlags = 0,
            Qemu = s_aarch64System,
        },
        new TargetInfo
        {
            Canonical = "aarch64-veridian-user-relibc",
            Description = "VeridianOS user programs for aarch64, static, linked against relibc-cs",
            Arch = Arch.AArch64, Os = Os.Veridian, Subsystem = Subsystem.User, Abi = Abi.Relibc,
            LlvmTriple = "aarch64-unknown-none-elf",
            Cpu = "generic",
            Features = AArch64HardFeatures,
            LlvmAbi = "",
            DataLayout = AArch64DataLayout,
            PointerWidth = 64,
            Endianness = Endianness.Little,
            CTypes = s_aarch64CTypes,
            MaxAtomicWidth = 128,
            CodeModel = CodeModel.Small,
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
            ElfMachine = 183,
            ElfFlags = 0,
            Qemu = s_aarch64System,
        },
        new TargetInfo
        {
            Canonical = "aarch64-linux-gnu",
            Description = "Linux/glibc on aarch64 (runs under qemu-aarch64 with Debian's cross glibc)",
            Arch = Arch.AArch64, Os = Os.Linux, Subsystem = Subsystem.User, Abi = Abi.Gnu,
            LlvmTriple = "aarch64-unknown-linux-gnu",
            Cpu = "generic",
            Features = AArch64HardFeatures,
            LlvmAbi = "",
            DataLayout = AArch64DataLayout,
            PointerWidth = 64,
            Endianness = Endianness.Little,
            CTypes = s_aarch64CTypes,
            MaxAtomicWidth = 128,
            CodeModel = CodeModel.Small,
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
            SysrootPath = "/usr/aarch64-linux-gnu",
            ElfMachine = 183,
            ElfFlags = 0,
            Qemu = new QemuRecipe
            {
                Mode = QemuMode.User, Binary = "qemu-aarch64", Machine = "", Cpu = "", Memory = "", Firmware = "",
                Console = "the process's stdout/stderr", Exit = ExitMethod.ProcessExit, ExitDevice = "",
                Args = ["-L", "/usr/aarch64-linux-gnu"],
            },
        },
    ];
}
