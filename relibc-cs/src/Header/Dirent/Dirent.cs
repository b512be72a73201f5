using System.Runtime.InteropServices;
using Relibc.Header.Stdlib;
using Relibc.Platform;

namespace Relibc.Header.Dirent;

/// <summary>A directory stream: the descriptor and a buffer of the kernel's records, which have struct dirent's layout.</summary>
public unsafe struct DirectoryStream
{
    public const int Size = 8192;
    public int Fd;
    public int Position;
    public int Length;
    public fixed byte Buffer[Size];
}

/// <summary>
/// dirent.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/dirent.h.html). readdir returns a record of the
/// stream's buffer (d_ino, d_off, d_reclen, d_type, d_name: the layout of Linux's getdents64 records), valid until
/// the next readdir or closedir on that stream.
/// </summary>
public static unsafe class Dirent
{
    private const int Directory = 0x10000, CloseOnExec = 0x80000;

    /// <summary>opendir — https://pubs.opengroup.org/onlinepubs/9699919799/functions/opendir.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "opendir")]
    public static DirectoryStream* OpenDir(byte* path)
    {
        var fd = Errno.Errno.Result(Pal.OpenAt(Sys_Stat.Stat.AtFdCwd, path, Directory | CloseOnExec, 0));
        return fd < 0 ? null : Wrap((int)fd);
    }

    /// <summary>fdopendir — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fdopendir.html (ENOTDIR for a file that is not a directory).</summary>
    [UnmanagedCallersOnly(EntryPoint = "fdopendir")]
    public static DirectoryStream* FdOpenDir(int fd)
    {
        Sys_Stat.FileStatus st;
        if (Errno.Errno.Result(Pal.Status(fd, &st)) < 0)
            return null;
        if ((st.Mode & 0xF000) != 0x4000)
        {
            Errno.Errno.Set(Errno.E.NOTDIR);
            return null;
        }
        return Wrap(fd);
    }

    private static DirectoryStream* Wrap(int fd)
    {
        var d = (DirectoryStream*)Malloc.Allocate((nuint)sizeof(DirectoryStream), 16);
        if (d == null)
        {
            Pal.Close(fd);
            return null;
        }
        d->Fd = fd;
        d->Position = d->Length = 0;
        return d;
    }

    /// <summary>readdir — https://pubs.opengroup.org/onlinepubs/9699919799/functions/readdir.html (null at the end, errno untouched; null and errno on an error).</summary>
    [UnmanagedCallersOnly(EntryPoint = "readdir")]
    public static byte* ReadDir(DirectoryStream* d) => Next(d);

    private static byte* Next(DirectoryStream* d)
    {
        if (d->Position >= d->Length)
        {
            var n = Errno.Errno.Result(Pal.ReadDirectory(d->Fd, d->Buffer, DirectoryStream.Size));
            if (n <= 0)
                return null;
            d->Length = (int)n;
            d->Position = 0;
        }
        var record = d->Buffer + d->Position;
        d->Position += *(ushort*)(record + 16);
        return record;
    }

    /// <summary>closedir — https://pubs.opengroup.org/onlinepubs/9699919799/functions/closedir.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "closedir")]
    public static int CloseDir(DirectoryStream* d)
    {
        var r = Errno.Errno.Result(Pal.Close(d->Fd));
        Malloc.Free(d);
        return (int)r;
    }

    /// <summary>rewinddir — https://pubs.opengroup.org/onlinepubs/9699919799/functions/rewinddir.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "rewinddir")]
    public static void RewindDir(DirectoryStream* d)
    {
        Pal.Seek(d->Fd, 0, 0);
        d->Position = d->Length = 0;
    }

    /// <summary>dirfd — https://pubs.opengroup.org/onlinepubs/9699919799/functions/dirfd.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "dirfd")]
    public static int DirFd(DirectoryStream* d) => d->Fd;
}
