namespace Veridian.Triples;

/// <summary>
/// Every fact about one resolved target. Every member is <c>required</c>: a target entry in
/// <see cref="TargetDatabase"/> that omits a fact does not compile. Facts derived from these
/// (clang flags, sysroot paths) are computed in TargetInfo.Clang.cs and TargetInfo.Sysroot.cs.
/// </summary>
public sealed partial record TargetInfo
{
    /// <summary>The canonical triple, e.g. <c>x86_64-veridian-kernel-none</c> or <c>aarch64-linux-gnu</c>.</summary>
    public required string Canonical { get; init; }

    /// <summary>One line saying what the target is for.</summary>
    public required string Description { get; init; }

    public required Arch Arch { get; init; }
    public required Os Os { get; init; }
    public required Subsystem Subsystem { get; init; }
    public required Abi Abi { get; init; }

    /// <summary>The LLVM 19 triple (LLVM has no VeridianOS OS type), e.g. <c>x86_64-unknown-none-elf</c>.</summary>
    public required string LlvmTriple { get; init; }

    /// <summary>The LLVM CPU name (<c>x86-64</c>, <c>generic</c>, <c>generic-rv64</c>).</summary>
    public required string Cpu { get; init; }

    /// <summary>The LLVM target-machine feature string, comma-separated <c>+feat</c>/<c>-feat</c> (matches what clang puts on functions).</summary>
    public required string Features { get; init; }

    /// <summary>The LLVM target ABI name (<c>lp64d</c> on riscv64), or empty when the architecture has none to choose.</summary>
    public required string LlvmAbi { get; init; }

    /// <summary>The LLVM data layout string; a test checks it against libLLVM and clang.</summary>
    public required string DataLayout { get; init; }

    /// <summary>Pointer width in bits.</summary>
    public required int PointerWidth { get; init; }

    public required Endianness Endianness { get; init; }

    /// <summary>C type sizes, <c>char</c> signedness, <c>long double</c> format.</summary>
    public required CTypeLayout CTypes { get; init; }

    /// <summary>The widest lock-free atomic in bits.</summary>
    public required int MaxAtomicWidth { get; init; }

    public required CodeModel CodeModel { get; init; }
    public required RelocationModel RelocationModel { get; init; }

    /// <summary>Whether leaf functions may use the 128 bytes below the stack pointer (x86_64 SysV); off in kernels, where interrupts push onto the same stack.</summary>
    public required bool RedZone { get; init; }

    /// <summary>Whether FP/SIMD registers may be used.</summary>
    public required FloatPolicy FloatPolicy { get; init; }

    public required StackProtector StackProtector { get; init; }
    public required TlsModel TlsModel { get; init; }

    /// <summary>Page size in bytes (also the linker's <c>-z max-page-size</c>).</summary>
    public required int PageSize { get; init; }

    /// <summary>The address the image is linked at (the kernel linker script's origin), or null for position-independent executables placed by the loader.</summary>
    public required ulong? LoadAddress { get; init; }

    /// <summary>The entry symbol (<c>_start</c>).</summary>
    public required string EntrySymbol { get; init; }

    /// <summary>The machine state at the entry symbol (mode, registers, stack), as the boot stub or crt0 must expect it.</summary>
    public required string EntryState { get; init; }

    /// <summary>Macros the SDK predefines for this target (besides clang's own, e.g. <c>__x86_64__</c>).</summary>
    public required IReadOnlyList<MacroDefinition> Macros { get; init; }

    /// <summary>Freestanding (<c>-ffreestanding</c>): no hosted C library may be assumed.</summary>
    public required bool Freestanding { get; init; }

    /// <summary>Where C headers and libraries come from.</summary>
    public required SysrootKind Sysroot { get; init; }

    /// <summary>For <see cref="SysrootKind.CrossGlibc"/>/<see cref="SysrootKind.Host"/>: the fixed root (<c>/usr/aarch64-linux-gnu</c>, <c>/</c>); empty otherwise.</summary>
    public required string SysrootPath { get; init; }

    /// <summary>ELF <c>e_machine</c> (62 x86_64, 183 aarch64, 243 riscv).</summary>
    public required int ElfMachine { get; init; }

    /// <summary>ELF <c>e_flags</c> the objects carry (riscv64 lp64d + RVC: 0x5).</summary>
    public required uint ElfFlags { get; init; }

    /// <summary>How to run this target's binaries.</summary>
    public required QemuRecipe Qemu { get; init; }

    /// <summary>The parsed canonical triple.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Triple Triple => Triple.Parse(Canonical);

    /// <summary>True for kernel-subsystem targets (linked with the kernel linker script at <see cref="LoadAddress"/>, run under qemu-system).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsKernel => Subsystem == Subsystem.Kernel;

    public override string ToString() => Canonical;
}
