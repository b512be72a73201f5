using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Veridian.Pkg.IO;

/// <summary>The kind of a directory entry as <c>lstat</c> sees it (links are never followed).</summary>
public enum NodeKind
{
    None,
    File,
    Directory,
    Symlink,
    Other,
}

/// <summary>What <see cref="Posix.Lstat"/> returns: the kind and the permission bits (including setuid/setgid/sticky).</summary>
public readonly record struct NodeInfo(NodeKind Kind, int Mode);

/// <summary>
/// The few POSIX calls .NET lacks that pkg needs: <c>statx</c> without following links (its layout is the same on every
/// Linux architecture, unlike <c>struct stat</c>) and <c>rename</c> of anything (flushes are <see cref="Common.FileSync"/>).
/// </summary>
internal static partial class Posix
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxTypeAndMode = 0x3;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;

    [DllImport("libc", SetLastError = true, EntryPoint = "statx")]
    private static extern int StatxNative(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", SetLastError = true, EntryPoint = "rename")]
    private static extern int RenameNative([MarshalAs(UnmanagedType.LPUTF8Str)] string from, [MarshalAs(UnmanagedType.LPUTF8Str)] string to);

    /// <summary>Kind and mode of <paramref name="path"/> without following a final symlink.</summary>
    public static NodeInfo Lstat(string path)
    {
        var buffer = new byte[256];
        if (StatxNative(AtFdCwd, path, AtSymlinkNoFollow, StatxTypeAndMode, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is ENOENT or ENOTDIR)
                return new NodeInfo(NodeKind.None, 0);
            throw new IOException($"cannot stat '{path}': errno {errno}");
        }
        // struct statx: stx_mode is a u16 at offset 28.
        int mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28));
        var kind = (mode & 0xF000) switch
        {
            0x8000 => NodeKind.File,
            0x4000 => NodeKind.Directory,
            0xA000 => NodeKind.Symlink,
            _ => NodeKind.Other,
        };
        return new NodeInfo(kind, mode & 0xFFF);
    }

    /// <summary>rename(2): atomic, replaces <paramref name="to"/>, never follows a symlink (File.Move refuses dangling links).</summary>
    public static void Rename(string from, string to)
    {
        if (RenameNative(from, to) != 0)
            throw new IOException($"cannot rename '{from}' to '{to}': errno {Marshal.GetLastPInvokeError()}");
    }
}
