using System.Text;
using System.Text.Json;

namespace Veridian.Triples.Emit;

/// <summary>
/// <c>rust</c>: a Rust target specification, accepted by rustc 1.95
/// (<c>RUSTC_BOOTSTRAP=1 rustc -Zunstable-options --print cfg --target &lt;file&gt;.json</c> shows <c>target_os="veridian"</c>).
/// Keys are written in ordinal order, as rustc prints its own specs.
/// </summary>
internal static class RustTargetEmitter
{
    public static string Emit(TargetInfo t, EmitOptions o)
    {
        var spec = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["arch"] = t.Arch.Name(),
            ["cpu"] = t.Cpu,
            ["data-layout"] = RustDataLayout(t, o.RustLlvmMajor),
            ["features"] = RustFeatures(t),
            ["llvm-target"] = t.LlvmTriple,
            ["max-atomic-width"] = t.MaxAtomicWidth,
            ["os"] = t.Os.Name(),
            ["vendor"] = "unknown",
            ["target-endian"] = t.Endianness switch { Endianness.Little => "little", Endianness.Big => "big" },
            ["target-pointer-width"] = t.PointerWidth,
            ["target-c-int-width"] = t.CTypes.Int * 8,
            ["code-model"] = t.CodeModel switch
            {
                CodeModel.Small => "small",
                CodeModel.Kernel => "kernel",
                CodeModel.Medium => "medium",
                CodeModel.Large => "large",
            },
            ["relocation-model"] = t.RelocationModel switch
            {
                RelocationModel.Static => "static",
                RelocationModel.Pie or RelocationModel.Pic => "pic",
            },
            ["position-independent-executables"] = t.RelocationModel == RelocationModel.Pie,
            ["disable-redzone"] = !t.RedZone,
            ["tls-model"] = t.ClangTlsModel,
            ["metadata"] = new SortedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["description"] = t.Description,
                ["host_tools"] = false,
                ["std"] = false,
                ["tier"] = null,
            },
        };
        if (t.LlvmAbi.Length > 0)
            spec["llvm-abiname"] = t.LlvmAbi;
        if (t.Abi != Abi.None)
            spec["env"] = t.Abi.Name();
        if (t.Abi is Abi.Relibc or Abi.Gnu)
            spec["target-family"] = new[] { "unix" };
        switch (t.LinkerFlavor)
        {
            case LinkerFlavor.Lld:
                // No unwinder in the kernel or in relibc-cs; static executables linked by ld.lld.
                spec["panic-strategy"] = "abort";
                spec["linker-flavor"] = "gnu-lld";
                spec["linker"] = o.Linker;
                if (t.Abi == Abi.Relibc)
                {
                    spec["crt-static-default"] = true;
                    spec["crt-static-respected"] = true;
                }
                spec["pre-link-args"] = new SortedDictionary<string, string[]>(StringComparer.Ordinal)
                {
                    ["gnu-lld"] = ["-z", $"max-page-size={t.PageSize}"],
                };
                break;
            case LinkerFlavor.ClangDriver:
                spec["linker-flavor"] = "gnu-cc";
                spec["linker"] = o.CCompiler;
                spec["dynamic-linking"] = true;
                spec["has-thread-local"] = true;
                spec["pre-link-args"] = new SortedDictionary<string, string[]>(StringComparer.Ordinal)
                {
                    ["gnu-cc"] = [$"--target={t.LlvmTriple}", "-fuse-ld=lld"],
                };
                break;
        }
        if (t.FloatPolicy == FloatPolicy.GeneralRegistersOnly)
        {
            switch (t.Arch)
            {
                // rustc requires the soft-float ABI on x86 when SSE is off.
                case Arch.X86_64:
                    spec["rustc-abi"] = "softfloat";
                    break;
                // As rustc's aarch64-unknown-none-softfloat: cfg target_abi = "softfloat".
                case Arch.AArch64:
                    spec["abi"] = "softfloat";
                    break;
                case Arch.RiscV64:
                    break;
            }
        }
        var json = JsonSerializer.Serialize(spec, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return json.Replace("\r\n", "\n") + "\n";
    }

    /// <summary>The data layout rustc's LLVM expects: LLVM 20 and later put the x86-style address spaces into AArch64's layout.</summary>
    internal static string RustDataLayout(TargetInfo t, int llvmMajor) =>
        t.Arch == Arch.AArch64 && llvmMajor >= 20 && !t.DataLayout.Contains("-p270:", StringComparison.Ordinal)
            ? t.DataLayout.Replace("e-m:e-", "e-m:e-p270:32:32-p271:32:32-p272:64:64-", StringComparison.Ordinal)
            : t.DataLayout;

    /// <summary>The feature string; the x86 soft-float ABI also needs LLVM's soft-float feature.</summary>
    internal static string RustFeatures(TargetInfo t) =>
        t.Arch == Arch.X86_64 && t.FloatPolicy == FloatPolicy.GeneralRegistersOnly ? t.Features + ",+soft-float" : t.Features;
}
