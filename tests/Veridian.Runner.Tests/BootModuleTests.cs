using Veridian.Diagnostics;
using Veridian.Elf;
using Veridian.Tests;

namespace Veridian.Runner.Tests;

/// <summary>The boot module writer against GNU cpio (the oracle), and the arm64 Image made from a kernel ELF.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class BootModuleTests
{
    [Fact]
    public void GNU_cpio_extracts_the_same_tree_with_the_same_modes_from_a_boot_module()
    {
        using var source = new TempDir();
        Directory.CreateDirectory(source["bin"]);
        Directory.CreateDirectory(source["etc/empty"]);
        File.WriteAllText(source["init"], "#!/bin/init\n");
        File.SetUnixFileMode(source["init"], (UnixFileMode)0b111_101_101);
        File.WriteAllBytes(source["bin/data"], Enumerable.Range(0, 70_001).Select(i => (byte)(i * 7)).ToArray());
        File.WriteAllText(source["etc/motd"], "");
        File.CreateSymbolicLink(source["bin/sh"], "../init");
        using var work = new TempDir();
        File.WriteAllBytes(work["m.cpio"], BootModule.FromFolder(source.Path));
        Directory.CreateDirectory(work["x"]);
        var extract = Repo.Run("/bin/sh", ["-c", $"cpio -idm --quiet < '{work["m.cpio"]}'"], workingDirectory: work["x"]);
        Assert.True(extract.ExitCode == 0, extract.ToString());
        var list = Repo.Run("/bin/sh", ["-c", $"cpio -it --quiet < '{work["m.cpio"]}'"]);
        Assert.Equal("bin\nbin/data\nbin/sh\netc\netc/empty\netc/motd\ninit\n", list.StdOut);
        Assert.Equal(File.ReadAllBytes(source["bin/data"]), File.ReadAllBytes(work["x/bin/data"]));
        Assert.Equal("#!/bin/init\n", File.ReadAllText(work["x/init"]));
        Assert.Equal("", File.ReadAllText(work["x/etc/motd"]));
        Assert.Equal("../init", new FileInfo(work["x/bin/sh"]).LinkTarget);
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(work["x/init"]));
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(work["x/etc/motd"]));
        Assert.Equal(DateTime.UnixEpoch, File.GetLastWriteTimeUtc(work["x/etc/motd"]));
    }

    [Fact]
    public void The_same_tree_in_two_folders_gives_the_same_archive_bytes()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        foreach (var dir in new[] { a, b })
        {
            Directory.CreateDirectory(dir["z/y"]);
            File.WriteAllText(dir["z/y/f"], "x");
            File.WriteAllText(dir["init"], "i");
        }
        File.SetLastWriteTimeUtc(b["init"], new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(BootModule.FromFolder(a.Path), BootModule.FromFolder(b.Path));
    }

    [Fact]
    public void A_missing_boot_module_folder_is_VDN3110()
    {
        var e = Assert.Throws<DiagnosticException>(() => BootModule.FromFolder("/nonexistent/boot-module"));
        Assert.Equal(RunnerCodes.BootModuleNotFound, e.Diagnostics[0].Code);
    }

    [Fact]
    public void The_arm64_Image_of_the_kernel_holds_each_loadable_segment_at_its_offset_from_the_load_address()
    {
        using var copy = new TempDir();
        TempDir.CopyTree(Repo.PathOf("kernel"), copy["kernel"]);
        var kernel = new Veridian.Build.BuildEngine().BuildFolder(copy["kernel"], Veridian.Triples.TargetDatabase.Resolve("aarch64-veridian-kernel-none")).Output;
        var image = Arm64Image.FromElf(kernel);
        var elf = ElfFile.ReadFile(kernel);
        var loads = elf.Segments.Where(s => s.Type == ElfConstants.PT_LOAD && s.FileSize > 0).ToList();
        var base_ = loads.Min(s => s.PhysicalAddress);
        Assert.Equal(0x40100000UL, base_);
        foreach (var s in loads)
            Assert.True(elf.GetSegmentData(s).Span[..(int)s.FileSize].SequenceEqual(image.AsSpan((int)(s.PhysicalAddress - base_), (int)s.FileSize)));
        Assert.Equal("ARM\x64"u8.ToArray(), image[56..60]);
        Assert.Equal(0x100000UL, BitConverter.ToUInt64(image, 8));
    }
}
