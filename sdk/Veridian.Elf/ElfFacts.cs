using static Veridian.Elf.ElfConstants;

namespace Veridian.Elf;

/// <summary>
/// What a build or package check wants to know about a binary, derived from an <see cref="ElfFile"/>:
/// architecture, ABI flags, linking and hardening. Computing it decodes notes, the dynamic section and symbols.
/// </summary>
public sealed record ElfFacts
{
    /// <summary>The architecture in Veridian's spelling (<c>x86_64</c>, <c>aarch64</c>, <c>riscv64</c>, …), or null when unknown.</summary>
    public required string? Architecture { get; init; }

    /// <summary>ABI flags: RISC-V <c>rvc</c>, <c>float-abi=double</c>, <c>rve</c>, <c>tso</c>; AArch64 <c>bti</c>, <c>pac</c>; x86 <c>ibt</c>, <c>shstk</c>.</summary>
    public required IReadOnlyList<string> AbiFlags { get; init; }

    /// <summary>The RISC-V float ABI from e_flags (<c>soft</c>, <c>single</c>, <c>double</c>, <c>quad</c>), null for other machines.</summary>
    public required string? FloatAbi { get; init; }

    /// <summary>The program interpreter, or null (static, or not an executable).</summary>
    public required string? Interpreter { get; init; }

    /// <summary>True for a position-independent executable (ET_DYN with DF_1_PIE or an interpreter).</summary>
    public required bool Pie { get; init; }

    /// <summary><c>none</c>, <c>partial</c> (PT_GNU_RELRO) or <c>full</c> (RELRO plus BIND_NOW).</summary>
    public required string Relro { get; init; }

    /// <summary>True when the stack is not executable (PT_GNU_STACK without PF_X, or an object's
    /// <c>.note.GNU-stack</c> without SHF_EXECINSTR); null when the file does not say.</summary>
    public required bool? NonExecutableStack { get; init; }

    /// <summary>True when the file references the stack protector (<c>__stack_chk_fail</c> or <c>__stack_chk_guard</c>).</summary>
    public required bool StackProtector { get; init; }

    /// <summary>True when some segment is both writable and executable.</summary>
    public required bool WritableAndExecutableSegment { get; init; }

    /// <summary>Facts for <paramref name="file"/>.</summary>
    public static ElfFacts Of(ElfFile file)
    {
        var flags = new List<string>();
        string? floatAbi = null;
        if (file.Machine == ElfMachine.RiscV)
        {
            floatAbi = ((file.Flags & EF_RISCV_FLOAT_ABI) >> 1) switch
            {
                0 => "soft",
                1 => "single",
                2 => "double",
                _ => "quad",
            };
            if ((file.Flags & EF_RISCV_RVC) != 0)
                flags.Add("rvc");
            flags.Add("float-abi=" + floatAbi);
            if ((file.Flags & EF_RISCV_RVE) != 0)
                flags.Add("rve");
            if ((file.Flags & EF_RISCV_TSO) != 0)
                flags.Add("tso");
        }
        foreach (var note in file.Notes)
        {
            foreach (var (type, value) in note.GnuProperties)
            {
                if (type == GNU_PROPERTY_AARCH64_FEATURE_1_AND && file.Machine == ElfMachine.AArch64)
                {
                    if ((value & 1) != 0) flags.Add("bti");
                    if ((value & 2) != 0) flags.Add("pac");
                    if ((value & 4) != 0) flags.Add("gcs");
                }
                else if (type == GNU_PROPERTY_X86_FEATURE_1_AND && file.Machine is ElfMachine.X86_64 or ElfMachine.I386)
                {
                    if ((value & 1) != 0) flags.Add("ibt");
                    if ((value & 2) != 0) flags.Add("shstk");
                }
            }
        }
        if (file.RiscVArch is { } isa)
            flags.Add("isa=" + isa);

        var hasRelro = file.Segments.Any(s => s.Type == PT_GNU_RELRO);
        var bindNow = (file.DynamicFlags & DF_BIND_NOW) != 0 || (file.DynamicFlags1 & DF_1_NOW) != 0 ||
            file.DynamicEntries.Any(e => e.Tag == DT_BIND_NOW);
        var stack = file.Segments.FirstOrDefault(s => s.Type == PT_GNU_STACK);
        bool? nxStack = stack is not null ? (stack.Flags & PF_X) == 0
            : file.FindSection(".note.GNU-stack") is { } gnuStack ? (gnuStack.Flags & SHF_EXECINSTR) == 0
            : null;
        var interp = file.Interpreter;
        return new ElfFacts
        {
            Architecture = ArchitectureOf(file),
            AbiFlags = flags,
            FloatAbi = floatAbi,
            Interpreter = interp,
            Pie = file.Type == ElfType.SharedObject && ((file.DynamicFlags1 & DF_1_PIE) != 0 || interp is not null),
            Relro = !hasRelro ? "none" : bindNow ? "full" : "partial",
            NonExecutableStack = nxStack,
            StackProtector = file.Symbols.Concat(file.DynamicSymbols).Any(s => s.Name is "__stack_chk_fail" or "__stack_chk_guard"),
            WritableAndExecutableSegment = file.Segments.Any(s => s.Type == PT_LOAD && (s.Flags & (PF_W | PF_X)) == (PF_W | PF_X)),
        };
    }

    /// <summary>The architecture name for a file's machine and class, as Veridian triples spell it.</summary>
    public static string? ArchitectureOf(ElfFile file) => file.Machine switch
    {
        ElfMachine.X86_64 => file.Class == ElfClass.Elf64 ? "x86_64" : "x86_64-x32",
        ElfMachine.AArch64 => file.Class == ElfClass.Elf64 ? (file.Endianness == ElfEndianness.Little ? "aarch64" : "aarch64_be") : "aarch64-ilp32",
        ElfMachine.RiscV => file.Class == ElfClass.Elf64 ? "riscv64" : "riscv32",
        ElfMachine.I386 => "i386",
        ElfMachine.Arm => file.Endianness == ElfEndianness.Little ? "arm" : "armeb",
        _ => null,
    };
}
