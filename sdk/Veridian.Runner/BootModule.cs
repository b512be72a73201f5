using System.Globalization;
using System.Text;
using Veridian.Diagnostics;

namespace Veridian.Runner;

/// <summary>
/// The kernel's boot module (docs/boot-image.md): a folder packed as a cpio archive in the "newc" format, which
/// QEMU loads as the initrd. Deterministic — same tree, same bytes: entries in ordinal order of their paths
/// (a directory before what it holds), inode numbers counted from 1, owner 0:0, modification time 0, mode 0755
/// for directories and executables (any execute bit) and 0644 for other files; symbolic links keep their target.
/// </summary>
public static class BootModule
{
    /// <summary>newc's sizes are 8 hexadecimal digits.</summary>
    public const long MaxFileSize = uint.MaxValue;

    /// <summary>The archive of everything under <paramref name="root"/> (which is not itself an entry).</summary>
    public static byte[] FromFolder(string root)
    {
        if (!Directory.Exists(root))
        {
            throw DiagnosticException.Error(RunnerCodes.BootModuleNotFound, $"the boot module folder '{root}' does not exist",
                hint: "pass a folder (packed on the fly) or a cpio archive made by `veridian boot-module`");
        }
        var full = Path.GetFullPath(root);
        var paths = Directory.EnumerateFileSystemEntries(full, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, ReturnSpecialDirectories = false })
            .Select(p => Path.GetRelativePath(full, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        using var output = new MemoryStream();
        uint inode = 1;
        foreach (var relative in paths)
        {
            var path = Path.Combine(full, relative);
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target)
                Entry(output, inode++, relative, 0xA1FF, Encoding.UTF8.GetBytes(target));
            else if (Directory.Exists(path))
                Entry(output, inode++, relative, 0x41ED, []);
            else if (info.Exists)
            {
                if (info.Length > MaxFileSize)
                {
                    throw DiagnosticException.Error(RunnerCodes.BootModuleTooLarge, $"'{relative}' is {info.Length} bytes; a cpio newc entry holds at most {MaxFileSize}",
                        new SourceLocation(path, 0), "leave it out of the boot module");
                }
                var executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
                Entry(output, inode++, relative, executable ? 0x81EDu : 0x81A4u, File.ReadAllBytes(path));
            }
            else
            {
                throw DiagnosticException.Error(RunnerCodes.BootModuleTooLarge, $"'{relative}' is neither a file, a folder nor a symbolic link (a device or socket)",
                    new SourceLocation(path, 0), "leave it out of the boot module");
            }
        }
        Entry(output, 0, "TRAILER!!!", 0, []);
        return output.ToArray();
    }

    private static void Entry(Stream output, uint inode, string name, uint mode, byte[] data)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var header = new StringBuilder("070701", 110);
        uint nlink = (mode & 0xF000) == 0x4000 ? 2u : 1u;
        foreach (var field in new uint[] { inode, mode, 0, 0, mode == 0 ? 0 : nlink, 0, (uint)data.Length, 0, 0, 0, 0, (uint)nameBytes.Length + 1, 0 })
            header.Append(field.ToString("X8", CultureInfo.InvariantCulture));
        output.Write(Encoding.ASCII.GetBytes(header.ToString()));
        output.Write(nameBytes);
        output.WriteByte(0);
        Pad(output);
        output.Write(data);
        Pad(output);
    }

    private static void Pad(Stream output)
    {
        while (output.Length % 4 != 0)
            output.WriteByte(0);
    }
}
