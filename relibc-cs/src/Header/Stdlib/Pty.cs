using System.Runtime.InteropServices;
using Relibc.Platform;

namespace Relibc.Header.Stdlib;

/// <summary>stdlib.h's pseudo-terminal functions (XSI) on Linux's /dev/ptmx and devpts.</summary>
public static unsafe class Pty
{
    private const uint TiocGptn = 0x80045430, TiocSptlck = 0x40045431;
    private static NameBuffer s_name;

    private struct NameBuffer
    {
        public fixed byte Text[32];
    }

    /// <summary>posix_openpt — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_openpt.html (open("/dev/ptmx", flags))</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_openpt")]
    public static int PosixOpenPt(int flags)
    {
        fixed (byte* path = "/dev/ptmx\0"u8)
            return (int)Errno.Errno.Result(Pal.OpenAt(Sys_Stat.Stat.AtFdCwd, path, flags, 0));
    }

    /// <summary>grantpt — https://pubs.opengroup.org/onlinepubs/9699919799/functions/grantpt.html (devpts gives the slave its owner and mode; a descriptor that is no master is EINVAL)</summary>
    [UnmanagedCallersOnly(EntryPoint = "grantpt")]
    public static int GrantPt(int fd)
    {
        uint n;
        var r = Pal.TerminalControl(fd, TiocGptn, (nint)(&n));
        if (r == -Errno.E.NOTTY)
            r = -Errno.E.INVAL;
        return Errno.Errno.Result(r) < 0 ? -1 : 0;
    }

    /// <summary>unlockpt — https://pubs.opengroup.org/onlinepubs/9699919799/functions/unlockpt.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "unlockpt")]
    public static int UnlockPt(int fd)
    {
        var unlock = 0;
        var r = Pal.TerminalControl(fd, TiocSptlck, (nint)(&unlock));
        if (r == -Errno.E.NOTTY)
            r = -Errno.E.INVAL;
        return Errno.Errno.Result(r) < 0 ? -1 : 0;
    }

    /// <summary>ptsname — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ptsname.html ("/dev/pts/N" in a static buffer; null and errno when fd is no master)</summary>
    [UnmanagedCallersOnly(EntryPoint = "ptsname")]
    public static byte* PtsName(int fd)
    {
        uint n;
        if (Errno.Errno.Result(Pal.TerminalControl(fd, TiocGptn, (nint)(&n))) < 0)
            return null;
        fixed (byte* b = s_name.Text)
        fixed (byte* prefix = "/dev/pts/\0"u8)
        {
            String.Str.Copy(b, prefix, 9);
            var digits = stackalloc byte[12];
            var k = 0;
            do
            {
                digits[k++] = (byte)('0' + n % 10);
                n /= 10;
            } while (n != 0);
            var p = b + 9;
            while (k > 0)
                *p++ = digits[--k];
            *p = 0;
            return b;
        }
    }
}
