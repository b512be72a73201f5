using Veridian.Tests;
using System.Collections.Concurrent;
using Veridian.Toolchain;
using Veridian.Triples;

namespace Veridian.Elf.Tests;

/// <summary>
/// ELF files compiled by clang-19 and linked by ld.lld-19 once per test run, into a temporary folder: for x86_64,
/// aarch64 and riscv64 a freestanding object, a freestanding static executable (with a Xen/PVH note), a Linux
/// dynamic executable and a Linux shared library (cross glibc), plus ELF32 and big-endian objects.
/// </summary>
public static class Fixtures
{
    private const string Freestanding = """
        int counter = 3;
        static int hidden_state;
        const char message[] = "veridian";
        _Thread_local int tls_value;
        int helper(int x) { return x * 2 + hidden_state++; }
        int (*table[])(int) = { helper };
        __attribute__((weak)) int maybe(void) { return 1; }
        long big_table[64];
        void _start(void) { counter += table[0](counter) + message[1] + tls_value + maybe() + (int)big_table[counter & 63]; for (;;) {} }
        #ifdef PVH
        __asm__(".pushsection .note.pvh,\"a\",%note\n.p2align 2\n.long 4\n.long 4\n.long 18\n.asciz \"Xen\"\n.long _start\n.popsection\n");
        #endif
        """;

    private const string Hosted = """
        #include <stdio.h>
        #include <string.h>
        extern int shared_counter;
        int shared_counter = 1;
        int copy_and_print(const char *s) { char b[64]; strcpy(b, s); return printf("%s %d\n", b, shared_counter++); }
        #ifndef LIB
        int main(int argc, char **argv) { return copy_and_print(argv[0]) > 0 && argc > 5; }
        #endif
        """;

    public static readonly string[] Architectures = ["x86_64", "aarch64", "riscv64"];

    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_files = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Fixture name → path, e.g. <c>aarch64-object</c>, <c>riscv64-linux-exe</c>, <c>i386-object</c>.</summary>
    public static IReadOnlyDictionary<string, string> Files => s_files.Value;

    /// <summary>GCC-built binaries already on the host (Debian's /bin/ls, the cross glibc's libc.so.6 with its
    /// version definitions): a second source of real-world input for the golden checks.</summary>
    public static readonly IReadOnlyDictionary<string, string> HostFiles = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["host-x86_64-ls"] = "/bin/ls",
        ["host-aarch64-libc"] = "/usr/aarch64-linux-gnu/lib/libc.so.6",
        ["host-riscv64-libc"] = "/usr/riscv64-linux-gnu/lib/libc.so.6",
    };

    public static string PathOf(string name) => HostFiles.TryGetValue(name, out var host) ? host : Files[name];

    /// <summary>Fixture names plus the host binaries, for the golden checks.</summary>
    public static TheoryData<string> NamesWithHostFiles()
    {
        var data = Names();
        foreach (var n in HostFiles.Keys)
            data.Add(n);
        return data;
    }

    public static byte[] Bytes(string name) => File.ReadAllBytes(Files[name]);

    /// <summary>Where to cut a file of <paramref name="length"/> bytes to truncate it: inside and at the ends of the ELF
    /// header's fields, then every 32nd of the file; ascending, each below <paramref name="length"/>.</summary>
    public static IEnumerable<int> TruncationPoints(int length)
    {
        var cuts = new SortedSet<int> { 0, 3, 15, 16, 51, 52, 63, 64, 100, 200 };
        for (var k = 1; k < 32; k++)
            cuts.Add(length * k / 32);
        return cuts.Where(c => c < length);
    }

    /// <summary>The fixture names, for [MemberData].</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var n in AllNames)
            data.Add(n);
        return data;
    }

    public static IEnumerable<string> AllNames =>
        Architectures.SelectMany(a => new[] { $"{a}-object", $"{a}-static-exe", $"{a}-linux-exe", $"{a}-linux-lib" })
            .Concat(["i386-object", "armv7-object", "aarch64_be-object", "riscv32-object"])
            .Concat(Architectures.SelectMany(a => new[] { $"{a}-veridian-object", $"{a}-veridian-kernel", $"{a}-veridian-user" }));

    private static IReadOnlyDictionary<string, string> Build()
    {
        var dir = Directory.CreateTempSubdirectory("veridian-elf-fixtures-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        File.WriteAllText(Path.Combine(dir, "free.c"), Freestanding);
        File.WriteAllText(Path.Combine(dir, "hosted.c"), Hosted);
        var files = new ConcurrentDictionary<string, string>();
        var jobs = new List<(string Name, string[][] Steps)>();
        foreach (var a in Architectures)
        {
            string[] march = a == "riscv64" ? ["-march=rv64gc", "-mabi=lp64d"] : [];
            string[] linuxTarget = [$"--target={a}-linux-gnu", "-fuse-ld=lld", "-O2", "-fstack-protector-strong", "-Wl,--build-id=sha1"];
            string[] extra = a == "x86_64" ? ["-Wl,-z,now"] : []; // one full-RELRO binary
            var obj = Path.Combine(dir, $"{a}-object");
            jobs.Add(($"{a}-object", [["clang-19", $"--target={a}-unknown-none-elf", .. march, "-ffreestanding", "-O2", "-c", "free.c", "-o", obj]]));
            var pvhObj = Path.Combine(dir, $"{a}-pvh.o");
            jobs.Add(($"{a}-static-exe",
            [
                ["clang-19", $"--target={a}-unknown-none-elf", .. march, "-ffreestanding", "-fno-pic", "-O2", "-DPVH", "-c", "free.c", "-o", pvhObj],
                ["ld.lld-19", "-static", "-e", "_start", "--build-id=sha1", pvhObj, "-o", Path.Combine(dir, $"{a}-static-exe")],
            ]));
            jobs.Add(($"{a}-linux-exe", [["clang-19", .. linuxTarget, .. extra, "hosted.c", "-o", Path.Combine(dir, $"{a}-linux-exe")]]));
            jobs.Add(($"{a}-linux-lib", [["clang-19", .. linuxTarget, "-DLIB", "-shared", "-fPIC", "-Wl,-soname,libfixture.so.1", "-Wl,-rpath,/opt/fixture/lib",
                "hosted.c", "-o", Path.Combine(dir, $"{a}-linux-lib")]]));
        }
        foreach (var (name, target) in new[] { ("i386-object", "i386-unknown-none-elf"), ("armv7-object", "armv7a-none-eabi"),
                     ("aarch64_be-object", "aarch64_be-unknown-none-elf"), ("riscv32-object", "riscv32-unknown-none-elf") })
            jobs.Add((name, [["clang-19", $"--target={target}", "-ffreestanding", "-O2", "-c", "free.c", "-o", Path.Combine(dir, name)]]));

        var failures = new ConcurrentBag<string>();
        // Our own pipeline (Veridian.Toolchain: clang front end, in-process LLVM, ld.lld-19 with the target's
        // link rules): an object, a kernel image at the kernel target's load address, a static user image.
        var pipeline = Architectures.Select(a => (Action)(() =>
        {
            var kernel = TargetDatabase.Resolve($"{a}-veridian-kernel-none");
            var user = TargetDatabase.Resolve($"{a}-veridian-user-relibc");
            var source = Path.Combine(dir, "free.c");
            try
            {
                var obj = Path.Combine(dir, $"{a}-veridian-object");
                CompilePipeline.Compile(new CompileRequest { Target = kernel, Input = source, Output = obj, Opt = OptLevel.O2, WorkingDirectory = dir });
                var userObj = Path.Combine(dir, $"{a}-veridian-user.o");
                CompilePipeline.Compile(new CompileRequest { Target = user, Input = source, Output = userObj, Opt = OptLevel.O2, WorkingDirectory = dir });
                Linker.Link(new LinkRequest { Target = kernel, Output = Path.Combine(dir, $"{a}-veridian-kernel"), Items = [LinkItem.File(obj)], WorkingDirectory = dir });
                Linker.Link(new LinkRequest
                {
                    Target = user, Output = Path.Combine(dir, $"{a}-veridian-user"), Items = [LinkItem.File(userObj)],
                    NoStdLib = true, NoStartFiles = true, WorkingDirectory = dir,
                });
                foreach (var kind in new[] { "object", "kernel", "user" })
                    files[$"{a}-veridian-{kind}"] = Path.Combine(dir, $"{a}-veridian-{kind}");
            }
            catch (Veridian.Diagnostics.DiagnosticException e)
            {
                failures.Add($"{a} through Veridian.Toolchain: {string.Join("; ", e.Diagnostics)}");
            }
        }));
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = 2 }, [.. pipeline]);
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, job =>
        {
            foreach (var step in job.Steps)
            {
                var r = Repo.Run(step[0], step[1..], workingDirectory: dir, timeoutMs: 120_000);
                if (r.ExitCode != 0)
                {
                    failures.Add($"{job.Name}: {string.Join(' ', step)}\n{r}");
                    return;
                }
            }
            files[job.Name] = Path.Combine(dir, job.Name);
        });
        if (!failures.IsEmpty)
            throw new InvalidOperationException("building the ELF fixtures failed:\n" + string.Join("\n", failures));
        return new SortedDictionary<string, string>(files, StringComparer.Ordinal);
    }
}
