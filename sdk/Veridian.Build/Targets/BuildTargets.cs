using Veridian.Diagnostics;

namespace Veridian.Build.Targets;

/// <summary>
/// Resolves a triple written in a project or on the command line into a <see cref="BuildTarget"/>.
/// </summary>
public static class BuildTargets
{
    private static readonly string[] s_arches = ["x86_64", "aarch64", "riscv64"];

    /// <summary>The canonical names of every target the engine can build.</summary>
    public static IReadOnlyList<string> All { get; } = s_arches.Select(a => $"{a}-veridian-kernel").ToList();

    /// <summary>Resolves <paramref name="triple"/> or returns null.</summary>
    public static BuildTarget? TryResolve(string triple)
    {
        var parts = triple.Split('-');
        if (parts.Length < 3 || parts[1] != "veridian" || parts[2] != "kernel" || parts.Length > 4 || parts.Length == 4 && parts[3] != "none")
            return null;
        var arch = parts[0] switch
        {
            "x86_64" or "amd64" => "x86_64",
            "aarch64" or "arm64" => "aarch64",
            "riscv64" or "riscv64gc" => "riscv64",
            _ => null,
        };
        if (arch is null)
            return null;
        var llvm = $"{arch}-unknown-none-elf";
        List<string> args = [$"--target={llvm}", "-ffreestanding", "-fno-stack-protector", "-fno-pic", "-nostdlib"];
        var load = "0x100000";
        switch (arch)
        {
            case "x86_64":
                args.Add("-mno-red-zone");
                break;
            case "aarch64":
                load = "0x40100000";
                break;
            case "riscv64":
                args.AddRange(["-march=rv64gc", "-mabi=lp64d", "-mcmodel=medany"]);
                load = "0x80200000";
                break;
        }
        return new BuildTarget
        {
            Canonical = $"{arch}-veridian-kernel",
            LlvmTriple = llvm,
            ClangArgs = args,
            IsKernel = true,
            KernelLinkerScript = KernelScript(load),
        };
    }

    /// <summary>Resolves <paramref name="triple"/>, or throws VDN1106 with a did-you-mean.</summary>
    public static BuildTarget Resolve(string triple, SourceLocation? location = null)
    {
        if (TryResolve(triple) is { } t)
            return t;
        var guess = Suggest.Closest(triple, All);
        throw DiagnosticException.Error(BuildCodes.UnknownTarget, $"unknown target '{triple}'" + (guess is null ? "" : $"; did you mean '{guess}'?"),
            location, $"targets are: {string.Join(", ", All)}");
    }

    /// <summary>The kernel linker script contract (BOARD.md): ENTRY(_start), .text.boot first at the load address.</summary>
    private static string KernelScript(string loadAddress) => $$"""
        ENTRY(_start)
        SECTIONS
        {
          . = {{loadAddress}};
          .text : { KEEP(*(.text.boot)) *(.text .text.*) }
          .note : { KEEP(*(.note*)) }
          .rodata : { *(.rodata .rodata.*) }
          .init_array : { __init_array_start = .; KEEP(*(SORT(.init_array.*))) KEEP(*(.init_array)) __init_array_end = .; }
          .data : { *(.data .data.*) *(.sdata .sdata.*) }
          .bss : { __bss_start = .; *(.bss .bss.*) *(.sbss .sbss.*) *(COMMON) __bss_end = .; }
          /DISCARD/ : { *(.comment) }
        }

        """;
}
