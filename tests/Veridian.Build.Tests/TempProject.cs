using Veridian.Build;
using Veridian.Build.Cache;
using Veridian.Build.Execution;
using Veridian.Build.Graph;

namespace Veridian.Build.Tests;

/// <summary>A project folder under /tmp with its own cache folder, deleted after the test.</summary>
internal sealed class TempProject : IDisposable
{
    public const string Kernels = "[\"x86_64-veridian-kernel-none\", \"aarch64-veridian-kernel-none\", \"riscv64-veridian-kernel-none\"]";

    public TempProject(string? cacheDir = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "vdn-build-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        Dir = Path.Combine(Root, "proj");
        Directory.CreateDirectory(Dir);
        CacheDir = cacheDir ?? Path.Combine(Root, "cache");
    }

    public string Root { get; }

    public string Dir { get; }

    public string CacheDir { get; }

    public string PathOf(string rel) => Path.Combine(Dir, rel);

    public TempProject Write(string rel, string text)
    {
        var path = PathOf(rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public BuildResult Build(bool allTargets = true, string profile = "debug", int jobs = 2, params string[] targets) =>
        new BuildEngine(cache: new ActionCache(CacheDir, ActionCache.DefaultLimit))
            .Build(new BuildRequest(Dir, targets, allTargets, profile), new BuildOptions { Jobs = jobs });

    /// <summary>A small multi-file freestanding C kernel: main.c and util.c include util.h, math.c includes math.h only.</summary>
    public static TempProject MultiFileC(string? cacheDir = null, string? name = "multi")
    {
        var p = new TempProject(cacheDir);
        p.Write("veridian.toml", $"""
            [project]
            name = "{name}"
            version = "1.0.0"
            kind = "kernel"
            languages = ["c"]
            sources = ["src/**/*.c"]
            include-dirs = ["include"]
            defines = ["ANSWER=42"]
            targets = {Kernels}
            """);
        p.Write("include/util.h", "#pragma once\nint util_twice(int x);\n");
        p.Write("include/math.h", "#pragma once\nint math_square(int x);\n");
        p.Write("src/main.c", """
            #include "util.h"
            #include "math.h"
            volatile int sink;
            __attribute__((section(".text.boot"))) void _start(void) { sink = util_twice(ANSWER) + math_square(3); for (;;) { } }
            """);
        p.Write("src/util.c", "#include \"util.h\"\nint util_twice(int x) { return 2 * x; }\n");
        p.Write("src/lib/math.c", "#include \"math.h\"\nint math_square(int x) { return x * x; }\n");
        return p;
    }

    /// <summary>Every file under out/ (except the state and compile_commands.json), relative path → SHA-256.</summary>
    public SortedDictionary<string, string> Outputs()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var outDir = PathOf("out");
        foreach (var f in Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(Dir, f).Replace('\\', '/');
            if (rel.StartsWith("out/.veridian/", StringComparison.Ordinal) || rel.EndsWith("compile_commands.json", StringComparison.Ordinal))
                continue;
            result[rel] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)));
        }
        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
