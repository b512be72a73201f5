namespace Veridian.Triples;

// The x86_64 family: x86_64-veridian-kernel-none, x86_64-veridian-user-relibc, x86_64-linux-gnu.
public static partial class TargetDatabase
{
    private const string X86_64DataLayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128";

    // clang's default x86-64 features (SysV psABI baseline: SSE2).
    private const string X86_64HardFeatures = "+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87";

    private static readonly CTypeLayout s_x86_64CTypes = new()
    {
        CharSigned = true, Short = 2, Int = 4, Long = 8, LongLong = 8, Pointer = 8, SizeT = 8,
        WcharT = 4, WcharSigned = true, Float = 4, Double = 8,
        LongDouble = 16, LongDoubleMantissaBits = 64, HasInt128 = true, MaxAlign = 16,
    };

    // HOST-FACTS §6: PVH boot through SeaBIOS; clean serial with -display none -nic none.
    private static readonly QemuRecipe s_x86_64System = new()
    {
        Mode = QemuMode.System,
        Binary = "qemu-system-x86_64",
        Machine = "pc",
        // max: QEMU TCG's every feature, among them SMEP and SMAP, which the kernel turns on (docs/kernel.md).
        Cpu = "max",
        Memory = "128M",
        Firmware = "",
        Console = "COM1 (16550 UART at I/O port 0x3f8) on stdio",
        Exit = ExitMethod.IsaDebugExit,
        ExitDevice = "isa-debug-exit,iobase=0xf4,iosize=0x04",
        Args = ["-M", "pc", "-cpu", "max", "-m", "128M", "-display", "none", "-nic", "none", "-serial", "stdio", "-monitor", "none",
                "-no-reboot", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"],
    };

    private static IEnumerable<TargetInfo> X86_64Targets() =>
    [
        new TargetInfo
        {
            Canonical = "x86_64-veridian-kernel-none",
            Description = "VeridianOS kernel for x86_64 (PVH boot, no SSE/x87, no red zone)",
            Arch = Arch.X86_64, Os = Os.Veridian, Subsystem = Subsystem.Kernel, Abi = Abi.None,
            LlvmTriple = "x86_64-unknown-none-elf",
            Cpu = "x86-64",
            // What clang sets for -mgeneral-regs-only: no MMX/SSE/x87 code, so traps need not save FP state.
            Features = "+cmov,+cx8,+fxsr,-mmx,-sse,-sse2,-x87",
            LlvmAbi = "",
            DataLayout = X86_64DataLayout,
            PointerWidth = 64,
            Endianness = Endianness.Little,
            CTypes = s_x86_64CTypes,
            MaxAtomicWidth = 64,
            // Kernel model: 32-bit sign-extended absolute addresses; fits both the PVH image at 0x100000 and
            // upstream's higher-half link address 0xFFFFFFFF80100000.
            CodeModel = CodeModel.Kernel,
            RelocationModel = RelocationModel.Static,
            RedZone = false,
            FloatPolicy = FloatPolicy.GeneralRegistersOnly,
            StackProtector = StackProtector.None,
            TlsModel = TlsModel.LocalExec,
            PageSize = 4096,
            LoadAddress = 0x100000,
            EntrySymbol = "_start",
            EntryState = "PVH: QEMU enters the address in the .note PVH note (XEN_ELFNOTE_PHYS32_ENTRY, type 18) in 32-bit protected mode, paging off, ebx = hvm_start_info; the boot stub builds page tables, enables long mode and sets its own stack",
            Macros = VeridianMacros(Subsystem.Kernel, Abi.None),
            Freestanding = true,
            Sysroot = SysrootKind.None,
            SysrootPath = "",
            ElfMachine = 62,
            ElfFlags = 0,
            Qemu = s_x86_64System,
        },
        new TargetInfo
        {
            Canonical = "x86_64-veridian-user-relibc",
            Description = "VeridianOS user programs for x86_64, static, linked against relibc-cs",
            Arch = Arch.X86_64, Os = Os.Veridian, Subsystem = Subsystem.User, Abi = Abi.Relibc,
            LlvmTriple = "x86_64-unknown-none-elf",
            Cpu = "x86-64",
            Features = X86_64HardFeatures,
            LlvmAbi = "",
            DataLayout = X86_64DataLayout,
            PointerWidth = 64,
            Endianness = Endianness.Little,
            CTypes = s_x86_64CTypes,
            MaxAtomicWidth = 64,
            CodeModel = CodeModel.Small,
            RelocationModel = RelocationModel.Static,
            RedZone = true,
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
            ElfMachine = 62,
            ElfFlags = 0,
            Qemu = s_x86_64System,
        },
        new TargetInfo
        {
            Canonical = "x86_64-linux-gnu",
            Description = "Linux/glibc on x86_64 (runs natively; tests the toolchain and relibc-cs's Linux backend)",
            Arch = Arch.X86_64, Os = Os.Linux, Subsystem = Subsystem.User, Abi = Abi.Gnu,
            LlvmTriple = "x86_64-unknown-linux-gnu",
            Cpu = "x86-64",
            Features = X86_64HardFeatures,
            LlvmAbi = "",
            DataLayout = X86_64DataLayout,
            PointerWidth = 64,
            Endianness = Endianness.Little,
            CTypes = s_x86_64CTypes,
            MaxAtomicWidth = 64,
            CodeModel = CodeModel.Small,
            RelocationModel = RelocationModel.Pie,
            RedZone = true,
            FloatPolicy = FloatPolicy.Hard,
            StackProtector = StackProtector.Strong,
            TlsModel = TlsModel.GlobalDynamic,
            PageSize = 4096,
            LoadAddress = null,
            EntrySymbol = "_start",
            EntryState = LinuxEntryState,
            Macros = [],
            Freestanding = false,
            Sysroot = SysrootKind.Host,
            SysrootPath = "/",
            ElfMachine = 62,
            ElfFlags = 0,
            Qemu = new QemuRecipe
            {
                Mode = QemuMode.Native, Binary = "", Machine = "", Cpu = "", Memory = "", Firmware = "",
                Console = "the process's stdout/stderr", Exit = ExitMethod.ProcessExit, ExitDevice = "", Args = [],
            },
        },
    ];
}
