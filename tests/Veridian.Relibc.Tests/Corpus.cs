using Veridian.Triples;

namespace Veridian.Tests;

/// <summary>The C programs of relibc-cs/tests/ and how to build and run one for a target.</summary>
public static class Corpus
{
    public static readonly string[] Architectures = ["x86_64", "aarch64", "riscv64"];

    /// <summary>Every program × architecture, for [MemberData].</summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(Repo.PathOf("relibc-cs", "tests"), "*.c").Order(StringComparer.Ordinal))
        {
            foreach (var arch in Architectures)
                data.Add(Path.GetFileNameWithoutExtension(file), arch);
        }
        return data;
    }

    /// <summary>The reason a program is in relibc-cs/tests/quarantine.txt, or null.</summary>
    public static string? Quarantine(string program)
    {
        foreach (var line in File.ReadLines(Repo.PathOf("relibc-cs", "tests", "quarantine.txt")))
        {
            if (line.StartsWith('#') || line.Length == 0)
                continue;
            var space = line.IndexOf(' ');
            if (space > 0 && line[..space] == program)
                return line[(space + 1)..];
        }
        return null;
    }

    /// <summary>The default sysroot only (a VERIDIAN_SYSROOT of the user's must not decide what is tested).</summary>
    public static readonly IReadOnlyDictionary<string, string?> Environment = new Dictionary<string, string?> { ["VERIDIAN_SYSROOT"] = null };

    /// <summary>
    /// <c>veridian cc --target T -O2 program.c -o output -lm</c>; fails the test with the compiler's messages. Every
    /// program links -lm: glibc needs it for math.h and fenv.h, and relibc-cs's libm.a (empty: libm is in libc.a) must
    /// take it too.
    /// </summary>
    public static void Compile(string program, string triple, string output)
    {
        var result = VeridianCli.Run(["cc", "--target", triple, "-O2", Repo.PathOf(["relibc-cs", "tests", .. program.Split('/')]) + ".c", "-o", output, "-lm"], environment: Environment);
        Assert.True(result.ExitCode == 0, $"veridian cc --target {triple} {program}.c failed:\n{result}");
    }

    /// <summary>Runs an executable of <paramref name="triple"/>: natively, or under its qemu-user recipe.</summary>
    public static ProcessResult Run(string triple, string executable, string workingDirectory, string[]? args = null, int timeoutMs = 60_000)
    {
        var target = TargetDatabase.Resolve(triple);
        return target.Qemu.Mode == QemuMode.Native
            ? Repo.Run(executable, args ?? [], workingDirectory, timeoutMs: timeoutMs)
            : Repo.Run(target.Qemu.Binary, [.. target.Qemu.Args, executable, .. args ?? []], workingDirectory, timeoutMs: timeoutMs);
    }
}
