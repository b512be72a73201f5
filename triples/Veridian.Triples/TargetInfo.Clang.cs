namespace Veridian.Triples;

public sealed partial record TargetInfo
{
    /// <summary>
    /// ld.lld for freestanding targets and those on the SDK's sysroot (VeridianOS, <c>&lt;arch&gt;-linux-relibc</c>: the SDK
    /// knows their crt objects and libc.a); the clang driver for glibc targets, whose start files and loader clang finds.
    /// </summary>
    public LinkerFlavor LinkerFlavor => Sysroot switch
    {
        SysrootKind.None or SysrootKind.Veridian => LinkerFlavor.Lld,
        SysrootKind.CrossGlibc or SysrootKind.Host => LinkerFlavor.ClangDriver,
    };

    /// <summary>
    /// The ld.lld flags of a static image for this target — owned here, next to the compile flags: <c>-static</c>,
    /// the page size, the entry symbol (<paramref name="entry"/> or <see cref="EntrySymbol"/>) and a SHA-1 build id.
    /// The linker (<c>Veridian.Toolchain.Linker</c>) and the emitters (CMake, clang config) both take them from here.
    /// </summary>
    public IReadOnlyList<string> LldImageArgs(string? entry = null) =>
        ["-static", "-z", $"max-page-size={PageSize}", "-e", entry ?? EntrySymbol, "--build-id=sha1"];

    /// <summary>
    /// The exact clang front-end flags for this target, derived from the facts above (no include paths: see
    /// <see cref="SysrootArgs"/>). <c>clang-19 $(ClangArgs) -c x.c</c> compiles for the target.
    /// </summary>
    public IReadOnlyList<string> ClangArgs
    {
        get
        {
            var args = new List<string> { $"--target={LlvmTriple}" };
            args.AddRange(ClangCpuArgs);
            args.Add($"-mcmodel={ClangCodeModel}");
            args.AddRange(RelocationModel switch
            {
                RelocationModel.Static => ["-fno-pic", "-fno-pie"],
                RelocationModel.Pie => ["-fPIE"],
                RelocationModel.Pic => ["-fPIC"],
            });
            // Only x86_64 SysV has a red zone; AAPCS64 and the RISC-V psABI have none to turn off.
            if (Arch == Arch.X86_64 && !RedZone)
                args.Add("-mno-red-zone");
            if (FloatPolicy == FloatPolicy.GeneralRegistersOnly)
                args.Add("-mgeneral-regs-only");
            if (Freestanding)
                args.Add("-ffreestanding");
            // relibc-cs's libm sets errno (math_errhandling has MATH_ERRNO, docs/relibc.md "libm"); clang's musl
            // environment assumes it does not and would turn sqrt(-1) into a bare instruction that leaves errno alone.
            if (Sysroot == SysrootKind.Veridian && !Freestanding)
                args.Add("-fmath-errno");
            args.Add(StackProtector switch
            {
                StackProtector.None => "-fno-stack-protector",
                StackProtector.Strong => "-fstack-protector-strong",
            });
            args.Add($"-ftls-model={ClangTlsModel}");
            args.AddRange(Macros.Select(m => m.ToClangArg()));
            return args;
        }
    }

    /// <summary>The CPU selection flags: <c>-march=x86-64</c>, <c>-mcpu=generic</c>, or <c>-march=rv64imafdc_zicsr_zifencei -mabi=lp64d</c>.</summary>
    public IReadOnlyList<string> ClangCpuArgs => Arch switch
    {
        Arch.X86_64 => [$"-march={Cpu}"],
        Arch.AArch64 => [$"-mcpu={Cpu}"],
        Arch.RiscV64 => [$"-march={RiscVIsaString}", $"-mabi={LlvmAbi}"],
    };

    /// <summary>clang's <c>-mcmodel=</c> spelling of <see cref="CodeModel"/> (RISC-V calls Medium "medany").</summary>
    public string ClangCodeModel => CodeModel switch
    {
        CodeModel.Small => Arch == Arch.RiscV64 ? "medlow" : "small",
        CodeModel.Kernel => "kernel",
        CodeModel.Medium => Arch == Arch.RiscV64 ? "medany" : "medium",
        CodeModel.Large => "large",
    };

    /// <summary>clang's <c>-ftls-model=</c> spelling of <see cref="TlsModel"/>.</summary>
    public string ClangTlsModel => TlsModel switch
    {
        TlsModel.LocalExec => "local-exec",
        TlsModel.InitialExec => "initial-exec",
        TlsModel.GlobalDynamic => "global-dynamic",
    };

    /// <summary>
    /// The RISC-V ISA string built from <see cref="Features"/>: <c>rv64i</c>, then single-letter extensions in
    /// canonical order (m a f d c), then multi-letter ones joined by '_'. Empty on other architectures.
    /// </summary>
    public string RiscVIsaString
    {
        get
        {
            if (Arch != Arch.RiscV64)
                return "";
            var enabled = Features.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Where(f => f.StartsWith('+')).Select(f => f[1..]).ToHashSet(StringComparer.Ordinal);
            var isa = $"rv{PointerWidth}i" + string.Concat("mafdqc".Where(c => enabled.Contains(c.ToString())));
            // Multi-letter ISA extensions start with z, s or x; other features (relax) are not part of -march.
            var multi = enabled.Where(f => f.Length > 1 && f[0] is 'z' or 's' or 'x').Order(StringComparer.Ordinal);
            return string.Join('_', new[] { isa }.Concat(multi));
        }
    }
}
