using Veridian.Compiler;
using Veridian.Diagnostics;
using Veridian.Toolchain;
using Veridian.Triples;

namespace Veridian.CsSoak;

/// <summary>One configuration our compiler is checked in: a Linux triple and an optimisation level.</summary>
public sealed record Config(string Triple, OptLevel Level)
{
    public string Dir => $"{Triple}-{(Level == OptLevel.O0 ? "O0" : "O2")}";
    public string LevelFlag => Level == OptLevel.O0 ? "-O0" : "-O2";

    public static readonly IReadOnlyList<string> Triples = ["x86_64-linux-gnu", "aarch64-linux-gnu", "riscv64-linux-gnu"];

    /// <summary>The three Linux triples at -O0 and -O2.</summary>
    public static IReadOnlyList<Config> All { get; } = [.. Triples.SelectMany(t => new[] { new Config(t, OptLevel.O0), new Config(t, OptLevel.O2) })];

    public static Config Parse(string triple, string level) => new(triple, level.TrimStart('-') switch
    {
        "O0" or "0" => OptLevel.O0,
        "O2" or "2" => OptLevel.O2,
        _ => throw new ArgumentException($"level {level}: use -O0 or -O2"),
    });
}

/// <summary>Our side: <c>CSharpCompiler.Translate</c> → <c>CompileIr</c> → static link against the cross glibc → qemu-user.</summary>
public static class VeridianPipeline
{
    /// <summary>The IR for a triple, or the diagnostic text when the compiler rejects the program (or crashes).</summary>
    public static (string? Ir, string Error) Translate(IReadOnlyList<SourceFile> sources, string triple)
    {
        try
        {
            return (CSharpCompiler.Translate(sources, TargetDatabase.Resolve(triple)), "");
        }
        catch (DiagnosticException e)
        {
            return (null, string.Join("\n", e.Diagnostics.Select(d => d.ToString())));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, "compiler crash: " + e);
        }
    }

    /// <summary>Compiles and links IR into <paramref name="exe"/>; the error text when that fails.</summary>
    public static string? Build(string ir, Config config, string exe)
    {
        var target = TargetDatabase.Resolve(config.Triple);
        var obj = exe + ".o";
        try
        {
            Timings.Measure("codegen " + config.LevelFlag, () => { CSharpCompiler.CompileIr(ir, target, config.Level, obj); return 0; });
            Timings.Measure("link", () => Linker.Link(new LinkRequest { Target = target, Output = exe, Items = [new LinkItem(LinkItemKind.File, obj), .. CSharpCompiler.RuntimeLibraries(target)], Static = true }));
            return null;
        }
        catch (DiagnosticException e)
        {
            return string.Join("\n", e.Diagnostics.Select(d => d.ToString()));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return "compiler crash: " + e;
        }
        finally
        {
            File.Delete(obj);
        }
    }

    /// <summary>The command that runs a Linux executable of <paramref name="triple"/> on this (x86_64) host.</summary>
    public static (string File, string[] Args) Runner(string triple, string exe) => triple.Split('-')[0] switch
    {
        "x86_64" => (exe, []),
        "aarch64" => ("qemu-aarch64", [exe]),
        "riscv64" => ("qemu-riscv64", [exe]),
        var a => throw new ArgumentException($"no runner for {a}"),
    };

    public static RunResult Run(string triple, string exe, string workDir, TimeSpan timeout)
    {
        var (file, args) = Runner(triple, exe);
        return RunResult.Of(file, args, workDir, timeout);
    }
}
