using Veridian.Compiler;
using Veridian.Tests;
using Veridian.Toolchain;
using Veridian.Triples;

namespace Veridian.Compiler.Tests;

/// <summary>The annotated corpus tests/csharp/*.cs: each file states its output in <c>// expect:</c> lines.</summary>
public static class Corpus
{
    public static string Dir => Repo.PathOf("tests", "csharp");
    public static string Shim => Path.Combine(Dir, "shim", "Out.cs");

    public static IEnumerable<string> Names =>
        Directory.GetFiles(Dir, "*.cs").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static string Expected(string name) =>
        string.Concat(File.ReadLines(Path.Combine(Dir, name + ".cs"))
            .Where(l => l.StartsWith("// expect: ", StringComparison.Ordinal))
            .Select(l => l["// expect: ".Length..] + "\n"));

    public static IReadOnlyList<SourceFile> Sources(string name) =>
        [SourceFile.Read(Path.Combine(Dir, name + ".cs")), SourceFile.Read(Shim)];

    /// <summary>Links <paramref name="obj"/> statically against the cross glibc, as a C program is.</summary>
    public static void Link(TargetInfo target, string obj, string exe, params string[] more) =>
        Linker.Link(new LinkRequest
        {
            Target = target,
            Output = exe,
            Items = [new LinkItem(LinkItemKind.File, obj), .. more.Select(m => new LinkItem(LinkItemKind.File, m)), .. CSharpCompiler.RuntimeLibraries(target)],
            Static = true,
        });

    /// <summary>Runs a Linux-triple program (qemu-user for foreign architectures).</summary>
    public static ProcessResult RunLinux(TargetInfo target, string exe) => target.Arch switch
    {
        Arch.X86_64 => Repo.Run(exe, [], timeoutMs: 60_000),
        Arch.AArch64 => Repo.Run("qemu-aarch64", [exe], timeoutMs: 60_000),
        Arch.RiscV64 => Repo.Run("qemu-riscv64", [exe], timeoutMs: 60_000),
    };
}
