using System.Globalization;

namespace Veridian.Triples;

public sealed partial record TargetInfo
{
    /// <summary>Every fact as (name, text) in a fixed order, for <c>veridian targets show</c>'s table.</summary>
    public IReadOnlyList<(string Name, string Value)> Facts(string sysroot)
    {
        static string Yes(bool b) => b ? "yes" : "no";
        static string Hex(ulong v) => "0x" + v.ToString("x", CultureInfo.InvariantCulture);
        var c = CTypes;
        return
        [
            ("triple", Canonical),
            ("description", Description),
            ("arch", Arch.Name()),
            ("os", Os.Name()),
            ("subsystem", Subsystem.Name()),
            ("abi", Abi.Name()),
            ("llvm triple", LlvmTriple),
            ("cpu", Cpu),
            ("features", Features),
            ("llvm abi", LlvmAbi.Length == 0 ? "(none)" : LlvmAbi),
            ("data layout", DataLayout),
            ("pointer width", PointerWidth.ToString(CultureInfo.InvariantCulture)),
            ("endianness", Endianness switch { Endianness.Little => "little", Endianness.Big => "big" }),
            ("char", c.CharSigned ? "signed" : "unsigned"),
            ("C type sizes", $"short {c.Short}, int {c.Int}, long {c.Long}, long long {c.LongLong}, pointer {c.Pointer}, size_t {c.SizeT}, float {c.Float}, double {c.Double}"),
            ("wchar_t", $"{c.WcharT} bytes, {(c.WcharSigned ? "signed" : "unsigned")}"),
            ("long double", $"{c.LongDouble} bytes, {c.LongDoubleMantissaBits}-bit mantissa ({(c.LongDoubleMantissaBits == 64 ? "x87 extended" : "IEEE binary128")})"),
            ("__int128", Yes(c.HasInt128)),
            ("max alignment", c.MaxAlign.ToString(CultureInfo.InvariantCulture)),
            ("max atomic width", MaxAtomicWidth.ToString(CultureInfo.InvariantCulture)),
            ("code model", $"{ClangCodeModel} (LLVM {CodeModel})"),
            ("relocation model", RelocationModel switch { RelocationModel.Static => "static", RelocationModel.Pie => "pie", RelocationModel.Pic => "pic" }),
            ("red zone", Yes(RedZone)),
            ("float/SIMD", FloatPolicy switch { FloatPolicy.Hard => "hard (FP/SIMD registers allowed)", FloatPolicy.GeneralRegistersOnly => "general registers only" }),
            ("stack protector", StackProtector switch { StackProtector.None => "none", StackProtector.Strong => "strong" }),
            ("TLS model", ClangTlsModel),
            ("page size", PageSize.ToString(CultureInfo.InvariantCulture)),
            ("load address", LoadAddress is { } a ? Hex(a) : "(position independent)"),
            ("entry", $"{EntrySymbol}: {EntryState}"),
            ("macros", Macros.Count == 0 ? "(clang's own)" : string.Join(' ', Macros)),
            ("freestanding", Yes(Freestanding)),
            ("sysroot", Sysroot switch
            {
                SysrootKind.None => "(none)",
                SysrootKind.Veridian => $"{IncludeDir(sysroot)}, {LibDir(sysroot)}",
                SysrootKind.CrossGlibc or SysrootKind.Host => $"{IncludeDir(sysroot)}, {LibDir(sysroot)}",
            }),
            ("ELF machine, flags", $"{ElfMachine}, {Hex(ElfFlags)}"),
            ("clang args", string.Join(' ', [.. ClangArgs, .. SysrootArgs(sysroot)])),
            ("qemu", Qemu.Mode switch
            {
                QemuMode.System => string.Join(' ', [Qemu.Binary, .. Qemu.Args, "-kernel", "<elf>"]),
                QemuMode.User => string.Join(' ', [Qemu.Binary, .. Qemu.Args, "<elf>"]),
                QemuMode.Native => "(native)",
            }),
            ("qemu console", Qemu.Console),
            ("qemu exit", Qemu.ExitDevice.Length == 0 ? Qemu.Exit.ToString() : $"{Qemu.Exit}: {Qemu.ExitDevice}"),
        ];
    }
}
