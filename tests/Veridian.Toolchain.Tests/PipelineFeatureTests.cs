using Veridian.Tests;

namespace Veridian.Toolchain.Tests;

/// <summary>End-to-end behaviour of veridian cc: outputs per mode, -g, depfiles, -flto, assembly inputs, determinism, kernel links.</summary>
public sealed class PipelineFeatureTests
{
    private static string Fixture(string name) => Repo.PathOf("tests", "Veridian.Toolchain.Tests", "Fixtures", name);

    private static void Ok(ProcessResult r) => Assert.True(r.ExitCode == 0, r.ToString());

    [Theory]
    [InlineData("x86_64")]
    [InlineData("aarch64")]
    [InlineData("riscv64")]
    public void Debug_info_survives_the_pipeline(string arch)
    {
        using var dir = new TempDir();
        Ok(Cli.Run(dir.Path, "cc", $"--target={arch}-veridian-kernel-none", "-O2", "-g", "-c", Fixture("dep.c"), "-o", "d.o"));
        var dwarf = Repo.Run("llvm-dwarfdump-19", ["--debug-info", Path.Combine(dir.Path, "d.o")]);
        Ok(dwarf);
        Assert.Contains("DW_TAG_subprogram", dwarf.StdOut);
        Assert.Contains("\"dep_value\"", dwarf.StdOut);
        var lines = Repo.Run("llvm-dwarfdump-19", ["--debug-line", Path.Combine(dir.Path, "d.o")]);
        Assert.Contains("dep.c", lines.StdOut);
    }

    [Fact]
    public void MD_writes_a_depfile_naming_the_real_object_and_the_header()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "obj"));
        Ok(Cli.Run(dir.Path, "cc", "--target=x86_64-veridian-kernel-none", "-MD", "-c", Fixture("dep.c"), "-o", "obj/dep.o"));
        var d = File.ReadAllText(Path.Combine(dir.Path, "obj", "dep.d"));
        Assert.StartsWith("obj/dep.o:", d);
        Assert.Contains("dep.h", d);
        Ok(Cli.Run(dir.Path, "cc", "--target=x86_64-veridian-kernel-none", "-MMD", "-MF", "custom.d", "-MT", "target-name", "-c", Fixture("dep.c"), "-o", "x.o"));
        Assert.StartsWith("target-name:", File.ReadAllText(Path.Combine(dir.Path, "custom.d")));
    }

    [Theory]
    [InlineData("x86_64")]
    [InlineData("aarch64")]
    [InlineData("riscv64")]
    public void Flto_keeps_bitcode_and_optimises_across_files_at_link(string arch)
    {
        using var dir = new TempDir();
        var target = $"--target={arch}-veridian-kernel-none";
        Ok(Cli.Run(dir.Path, "cc", target, "-O2", "-flto", "-c", Fixture("lto_a.c"), "-o", "a.o"));
        Ok(Cli.Run(dir.Path, "cc", target, "-O2", "-flto", "-c", Fixture("lto_b.c"), "-o", "b.o"));
        Assert.Equal("BC\xC0\xDE", string.Concat(File.ReadAllBytes(Path.Combine(dir.Path, "a.o")).Take(4).Select(b => (char)b)));
        Ok(Cli.Run(dir.Path, "cc", target, "-O2", "-nostdlib", "-e", "entry", "-Wl,--export-dynamic-symbol=entry", "a.o", "b.o", "-o", "img"));
        var dis = Tools.Disassemble(Path.Combine(dir.Path, "img"));
        Assert.Contains("<entry>:", dis);
        // helper was inlined into entry across the two files: no call/branch-and-link to it remains.
        var entry = dis[dis.IndexOf("<entry>:", StringComparison.Ordinal)..];
        entry = entry[..(entry.IndexOf("\n\n", StringComparison.Ordinal) is var end and > 0 ? end : entry.Length)];
        Assert.DoesNotContain("helper", entry);
    }

    [Fact]
    public void Bitcode_in_the_wrapper_format_is_linked_in_process_like_raw_bitcode()
    {
        using var dir = new TempDir();
        var target = "--target=x86_64-veridian-kernel-none";
        Ok(Cli.Run(dir.Path, "cc", target, "-O2", "-flto", "-c", Fixture("lto_a.c"), "-o", "a.o"));
        Ok(Cli.Run(dir.Path, "cc", target, "-O2", "-flto", "-c", Fixture("lto_b.c"), "-o", "b.raw"));
        // The wrapper header (LLVM's BitCodeFormat): magic 0x0B17C0DE, version, offset, size, CPU type, little-endian.
        var raw = File.ReadAllBytes(Path.Combine(dir.Path, "b.raw"));
        var header = new[] { 0x0B17C0DEu, 0u, 20u, (uint)raw.Length, 0u }.SelectMany(BitConverter.GetBytes);
        File.WriteAllBytes(Path.Combine(dir.Path, "b.o"), [.. header, .. raw]);
        Ok(Cli.Run(dir.Path, "cc", target, "-O2", "-nostdlib", "-e", "entry", "-Wl,--export-dynamic-symbol=entry", "a.o", "b.o", "-o", "img"));
        var dis = Tools.Disassemble(Path.Combine(dir.Path, "img"));
        // Both modules went through the one in-process LTO: helper (in the wrapped file) was inlined into entry.
        var entry = dis[dis.IndexOf("<entry>:", StringComparison.Ordinal)..];
        entry = entry[..(entry.IndexOf("\n\n", StringComparison.Ordinal) is var end and > 0 ? end : entry.Length)];
        Assert.DoesNotContain("helper", entry);
    }

    [Theory]
    [InlineData("-S", "out.s", "entry:")]
    [InlineData("-S -emit-llvm", "out.ll", "define")]
    [InlineData("-c -emit-llvm", "out.bc", "BC")]
    public void Each_mode_writes_its_kind_of_output(string flags, string output, string marker)
    {
        using var dir = new TempDir();
        Ok(Cli.Run(dir.Path, ["cc", "--target=aarch64-veridian-kernel-none", "-O2", .. flags.Split(' '), Fixture("lto_a.c"), "-o", output]));
        Assert.Contains(marker, File.ReadAllText(Path.Combine(dir.Path, output)));
    }

    [Theory]
    [InlineData("x86_64", 62)]
    [InlineData("aarch64", 183)]
    [InlineData("riscv64", 243)]
    public void Preprocessed_assembly_links_into_a_kernel_image_at_the_load_address(string arch, int machine)
    {
        using var dir = new TempDir();
        var target = $"--target={arch}-veridian-kernel-none";
        Ok(Cli.Run(dir.Path, "cc", target, "-c", Fixture("boot.S"), "-o", "boot.o"));
        Ok(Cli.Run(dir.Path, "cc", target, "boot.o", "-o", "kernel.elf"));
        var header = Tools.ReadElf("-h", "-n", Path.Combine(dir.Path, "kernel.elf"));
        Assert.Contains($"Machine:", header);
        Assert.Contains("Type:                              EXEC", header);
        Assert.Contains("NT_GNU_BUILD_ID", header);
        var loadAddress = Veridian.Triples.TargetDatabase.Resolve($"{arch}-veridian-kernel-none").LoadAddress!.Value;
        Assert.Contains($"Entry point address:               0x{loadAddress:x}", header);
        _ = machine;
    }

    [Fact]
    public void Same_source_from_two_directories_gives_identical_objects_with_file_prefix_map()
    {
        using var one = new TempDir();
        using var two = new TempDir();
        foreach (var d in new[] { one.Path, two.Path })
        {
            File.Copy(Fixture("dep.c"), Path.Combine(d, "dep.c"));
            File.Copy(Fixture("dep.h"), Path.Combine(d, "dep.h"));
            Ok(Cli.Run(d, "cc", "--target=riscv64-veridian-kernel-none", "-O2", "-g", $"-ffile-prefix-map={d}=.", "-c", Path.Combine(d, "dep.c"), "-o", "dep.o"));
        }
        Assert.Equal(File.ReadAllBytes(Path.Combine(one.Path, "dep.o")), File.ReadAllBytes(Path.Combine(two.Path, "dep.o")));
    }

    [Fact]
    public void Function_sections_put_each_function_in_its_own_section()
    {
        using var dir = new TempDir();
        Ok(Cli.Run(dir.Path, "cc", "--target=x86_64-veridian-kernel-none", "-O2", "-ffunction-sections", "-fdata-sections", "-c", Fixture("parity.c"), "-o", "p.o"));
        var sections = Tools.ReadElf("-S", "-W", Path.Combine(dir.Path, "p.o"));
        Assert.Contains(".text.fib", sections);
        Assert.Contains(".text.saxpy", sections);
        Assert.Contains(".tbss.counter", sections);
    }

    [Fact]
    public void Function_sections_give_each_jump_table_its_own_section_so_gc_sections_can_drop_an_unused_switch()
    {
        using var dir = new TempDir();
        // Dense switches whose cases do different work become jump tables (tables of code addresses); in one shared
        // .rodata their relocations would keep both functions alive.
        var switches = string.Concat(new[] { "used", "unused" }.Select(f =>
            $"int {f}(int x) {{ switch (x) {{ case 0: sink = 1; break; case 1: sink += 3; break; case 2: sink *= 5; break; case 3: sink ^= 7; break; case 4: sink -= 9; break; case 5: sink |= 11; break; case 6: sink &= 13; break; default: return -1; }} return sink; }}\n"));
        File.WriteAllText(Path.Combine(dir.Path, "s.c"), "volatile int sink;\n" + switches + "void _start(void) { volatile int r = used(3); (void)r; for (;;) { } }\n");
        Ok(Cli.Run(dir.Path, "cc", "--target=x86_64-veridian-kernel-none", "-O2", "-ffunction-sections", "-c", "s.c", "-o", "s.o"));
        var sections = Tools.ReadElf("-S", "-W", Path.Combine(dir.Path, "s.o"));
        Assert.Contains(".rodata.used", sections);
        Assert.Contains(".rodata.unused", sections);
        Ok(Cli.Run(dir.Path, "cc", "--target=x86_64-veridian-kernel-none", "-nostdlib", "-static", "-Wl,--gc-sections", "s.o", "-o", "s.elf"));
        var symbols = Repo.Run("llvm-nm-19", [Path.Combine(dir.Path, "s.elf")]).StdOut;
        Assert.Contains(" _start", symbols);
        Assert.DoesNotContain("unused", symbols);
    }

    [Fact]
    public void Archives_are_deterministic()
    {
        using var dir = new TempDir();
        Ok(Cli.Run(dir.Path, "cc", "--target=x86_64-veridian-kernel-none", "-c", Fixture("lto_a.c"), Fixture("lto_b.c")));
        Ok(Cli.Run(dir.Path, "ar", "rcs", "one.a", "lto_a.o", "lto_b.o"));
        File.SetLastWriteTimeUtc(Path.Combine(dir.Path, "lto_a.o"), new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Ok(Cli.Run(dir.Path, "ar", "rcs", "two.a", "lto_a.o", "lto_b.o"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir.Path, "one.a")), File.ReadAllBytes(Path.Combine(dir.Path, "two.a")));
        var symbols = Repo.Run("llvm-nm-19", ["--print-armap", Path.Combine(dir.Path, "one.a")]);
        Assert.Contains("helper", symbols.StdOut);
    }

    [Fact]
    public void Dry_run_prints_the_commands_and_writes_nothing()
    {
        using var dir = new TempDir();
        var r = Cli.Run(dir.Path, "cc", "--target=riscv64-veridian-kernel-none", "-###", "-O2", Fixture("dep.c"), "-o", "k.elf");
        Ok(r);
        Assert.Contains("\"-disable-llvm-passes\"", r.StdErr);
        Assert.Contains("default<O2>", r.StdErr);
        Assert.Contains("ld.lld-19", r.StdErr);
        Assert.Contains("\"--build-id=sha1\"", r.StdErr);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Output_dash_writes_to_stdout()
    {
        using var dir = new TempDir();
        var r = Cli.Run(dir.Path, "cc", "--target=aarch64-veridian-kernel-none", "-O2", "-S", "-o", "-", Fixture("lto_b.c"));
        Ok(r);
        Assert.Contains("add\tw0, w0, #40", r.StdOut);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Dumpmachine_and_version_answer_for_the_target()
    {
        using var dir = new TempDir();
        var r = Cli.Run(dir.Path, "cc", "--target=aarch64-veridian-user-relibc", "-dumpmachine");
        Ok(r);
        Assert.Equal("aarch64-veridian-user-relibc\n", r.StdOut);
        r = Cli.Run(dir.Path, "c++", "--target=aarch64-veridian-user-relibc", "--version");
        Ok(r);
        Assert.Contains("clang version 19", r.StdOut);
    }
}
