using Veridian.Diagnostics;
using Veridian.Elf;

namespace Veridian.Runner;

/// <summary>
/// The raw arm64 <c>Image</c> of an aarch64 kernel ELF: QEMU's virt machine loads an initrd (and passes the DTB in
/// x0) only for a Linux-protocol image, never for an ELF. The kernel's entry stub starts with the 64-byte Image
/// header (magic <c>ARM\x64</c> at 56, text_offset at 8), so the image is the loadable segments laid out from the
/// lowest physical address, gaps zero-filled — what <c>llvm-objcopy -O binary</c> gives, without the tool.
/// </summary>
public static class Arm64Image
{
    public static byte[] FromElf(string path)
    {
        var elf = ElfFile.ReadFile(path);
        var loads = elf.Segments.Where(s => s.Type == ElfConstants.PT_LOAD && s.FileSize > 0).OrderBy(s => s.PhysicalAddress).ToList();
        if (loads.Count == 0)
            throw DiagnosticException.Error(RunnerCodes.WrongMachine, $"'{path}' has no loadable segment", new SourceLocation(path, 0), "pass a kernel image");
        ulong start = loads[0].PhysicalAddress;
        ulong end = loads.Max(s => s.PhysicalAddress + s.FileSize);
        if (end - start > 256UL << 20)
            throw DiagnosticException.Error(RunnerCodes.WrongMachine, $"'{path}' spans {end - start} bytes of physical memory; not a kernel image", new SourceLocation(path, 0), "pass a kernel image");
        var image = new byte[end - start];
        foreach (var segment in loads)
            elf.GetSegmentData(segment).Span[..(int)segment.FileSize].CopyTo(image.AsSpan((int)(segment.PhysicalAddress - start)));
        if (image.Length < 64 || image[56] != (byte)'A' || image[57] != (byte)'R' || image[58] != (byte)'M' || image[59] != 0x64)
        {
            throw DiagnosticException.Error(RunnerCodes.NotRunnable, $"'{path}' does not start with an arm64 Image header, so QEMU would not load a boot module for it",
                new SourceLocation(path, 0), "start the entry stub with the Image header (kernel/arch/aarch64/boot.S shows it)");
        }
        return image;
    }
}
