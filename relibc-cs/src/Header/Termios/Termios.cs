using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Platform;

namespace Relibc.Header.Termios;

/// <summary><c>struct termios</c>, glibc's for Linux: four flag words, the line discipline, 32 control characters, two speeds (60 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct Termios
{
    public uint InputFlags, OutputFlags, ControlFlags, LocalFlags;
    public byte Line;
    public fixed byte Control[32];
    public uint InputSpeed, OutputSpeed;
}

/// <summary>
/// termios.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/termios.h.html) over the terminal ioctls
/// (<c>Pal.TerminalControl</c>): the kernel's struct termios has 19 control characters and no speed fields, so
/// tcgetattr fills the rest with _POSIX_VDISABLE and both speeds from c_cflag's CBAUD bits, and the speed functions work
/// on those bits, as glibc 2.36 does.
/// </summary>
public static unsafe class Terminal
{
    private const int KernelControlCount = 19, KernelSize = 36;
    private const uint Baud = 0x100F /* CBAUD | CBAUDEX */, B57600 = 0x1001, MaxBaud = 0x100F, InputBaud0 = 0x80000000;
    private const uint TcGets = 0x5401, TcSets = 0x5402, TcSbrk = 0x5409, TcXonc = 0x540A, TcFlsh = 0x540B, TiocGsid = 0x5429, TcSbrkP = 0x5425;

    /// <summary>tcgetattr — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tcgetattr.html (ENOTTY for a descriptor that is not a terminal)</summary>
    [UnmanagedCallersOnly(EntryPoint = "tcgetattr")]
    public static int TcGetAttr(int fd, Termios* t)
    {
        var k = stackalloc byte[64];
        if (Errno.Errno.Result(Pal.TerminalAttributes(fd, k)) < 0)
            return -1;
        t->InputFlags = *(uint*)k;
        t->OutputFlags = *(uint*)(k + 4);
        t->ControlFlags = *(uint*)(k + 8);
        t->LocalFlags = *(uint*)(k + 12);
        t->Line = k[16];
        for (var i = 0; i < 32; i++)
            t->Control[i] = i < KernelControlCount ? k[17 + i] : (byte)0;
        t->InputSpeed = t->OutputSpeed = t->ControlFlags & Baud;
        return 0;
    }

    /// <summary>tcsetattr — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tcsetattr.html (TCSANOW, TCSADRAIN, TCSAFLUSH; EINVAL otherwise)</summary>
    [UnmanagedCallersOnly(EntryPoint = "tcsetattr")]
    public static int TcSetAttr(int fd, int action, Termios* t)
    {
        if ((uint)action > 2)
        {
            Errno.Errno.Set(E.INVAL);
            return -1;
        }
        var k = stackalloc byte[KernelSize];
        *(uint*)k = t->InputFlags;
        *(uint*)(k + 4) = t->OutputFlags;
        *(uint*)(k + 8) = t->ControlFlags;
        *(uint*)(k + 12) = t->LocalFlags;
        k[16] = t->Line;
        for (var i = 0; i < KernelControlCount; i++)
            k[17 + i] = t->Control[i];
        return (int)Errno.Errno.Result(Pal.TerminalControl(fd, TcSets + (uint)action, (nint)k));
    }

    /// <summary>cfgetispeed — https://pubs.opengroup.org/onlinepubs/9699919799/functions/cfgetispeed.html (0 after cfsetispeed(B0), as glibc)</summary>
    [UnmanagedCallersOnly(EntryPoint = "cfgetispeed")]
    public static uint CfGetISpeed(Termios* t) => (t->InputFlags & InputBaud0) != 0 ? 0 : t->ControlFlags & Baud;

    /// <summary>cfgetospeed — https://pubs.opengroup.org/onlinepubs/9699919799/functions/cfgetospeed.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "cfgetospeed")]
    public static uint CfGetOSpeed(Termios* t) => t->ControlFlags & Baud;

    private static bool ValidSpeed(uint speed) => (speed & ~0xFu) == 0 || (speed >= B57600 && speed <= MaxBaud);

    private static int SetOutput(Termios* t, uint speed)
    {
        if (!ValidSpeed(speed))
        {
            Errno.Errno.Set(E.INVAL);
            return -1;
        }
        t->OutputSpeed = speed;
        t->ControlFlags = t->ControlFlags & ~Baud | speed;
        return 0;
    }

    private static int SetInput(Termios* t, uint speed)
    {
        if (!ValidSpeed(speed))
        {
            Errno.Errno.Set(E.INVAL);
            return -1;
        }
        t->InputSpeed = speed;
        if (speed == 0)
            t->InputFlags |= InputBaud0; // B0: the input speed follows the output speed
        else
        {
            t->InputFlags &= ~InputBaud0;
            t->ControlFlags = t->ControlFlags & ~Baud | speed;
        }
        return 0;
    }

    /// <summary>cfsetospeed — https://pubs.opengroup.org/onlinepubs/9699919799/functions/cfsetospeed.html (EINVAL for a value that is no B constant)</summary>
    [UnmanagedCallersOnly(EntryPoint = "cfsetospeed")]
    public static int CfSetOSpeed(Termios* t, uint speed) => SetOutput(t, speed);

    /// <summary>cfsetispeed — https://pubs.opengroup.org/onlinepubs/9699919799/functions/cfsetispeed.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "cfsetispeed")]
    public static int CfSetISpeed(Termios* t, uint speed) => SetInput(t, speed);

    /// <summary>cfsetspeed — BSD's and glibc's: both speeds.</summary>
    [UnmanagedCallersOnly(EntryPoint = "cfsetspeed")]
    public static int CfSetSpeed(Termios* t, uint speed) => SetInput(t, speed) < 0 || SetOutput(t, speed) < 0 ? -1 : 0;

    /// <summary>cfmakeraw — BSD's and glibc's: no input or output processing, no echo, no signals, 8-bit characters, reads of one byte.</summary>
    [UnmanagedCallersOnly(EntryPoint = "cfmakeraw")]
    public static void CfMakeRaw(Termios* t)
    {
        t->InputFlags &= ~(0x1u | 0x2 | 0x8 | 0x20 | 0x40 | 0x80 | 0x100 | 0x400); // IGNBRK BRKINT PARMRK ISTRIP INLCR IGNCR ICRNL IXON
        t->OutputFlags &= ~0x1u; // OPOST
        t->LocalFlags &= ~(0x8u | 0x40 | 0x2 | 0x1 | 0x8000); // ECHO ECHONL ICANON ISIG IEXTEN
        t->ControlFlags &= ~(0x30u | 0x100); // CSIZE PARENB
        t->ControlFlags |= 0x30; // CS8
        t->Control[6] = 1; // VMIN
        t->Control[5] = 0; // VTIME
    }

    /// <summary>tcdrain — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tcdrain.html (TCSBRK with 1: wait for the output)</summary>
    [UnmanagedCallersOnly(EntryPoint = "tcdrain")]
    public static int TcDrain(int fd) => (int)Errno.Errno.Result(Pal.TerminalControl(fd, TcSbrk, 1));

    /// <summary>tcflow — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tcflow.html (TCOOFF 0 … TCION 3)</summary>
    [UnmanagedCallersOnly(EntryPoint = "tcflow")]
    public static int TcFlow(int fd, int action) => (int)Errno.Errno.Result(Pal.TerminalControl(fd, TcXonc, action));

    /// <summary>tcflush — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tcflush.html (TCIFLUSH 0, TCOFLUSH 1, TCIOFLUSH 2)</summary>
    [UnmanagedCallersOnly(EntryPoint = "tcflush")]
    public static int TcFlush(int fd, int queue) => (int)Errno.Errno.Result(Pal.TerminalControl(fd, TcFlsh, queue));

    /// <summary>tcsendbreak — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tcsendbreak.html (a duration in tenths of a second beyond 0, as glibc)</summary>
    [UnmanagedCallersOnly(EntryPoint = "tcsendbreak")]
    public static int TcSendBreak(int fd, int duration) =>
        (int)Errno.Errno.Result(duration <= 0 ? Pal.TerminalControl(fd, TcSbrk, 0) : Pal.TerminalControl(fd, TcSbrkP, (duration + 99) / 100));

    /// <summary>tcgetsid — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tcgetsid.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "tcgetsid")]
    public static int TcGetSid(int fd)
    {
        int sid;
        return Errno.Errno.Result(Pal.TerminalControl(fd, TiocGsid, (nint)(&sid))) < 0 ? -1 : sid;
    }

    /// <summary>tcgetpgrp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tcgetpgrp.html (unistd.h; ENOTTY unless fd is the controlling terminal)</summary>
    [UnmanagedCallersOnly(EntryPoint = "tcgetpgrp")]
    public static int TcGetPGrp(int fd)
    {
        int group;
        return Errno.Errno.Result(Pal.TerminalControl(fd, 0x540F /* TIOCGPGRP */, (nint)(&group))) < 0 ? -1 : group;
    }

    /// <summary>tcsetpgrp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tcsetpgrp.html (unistd.h)</summary>
    [UnmanagedCallersOnly(EntryPoint = "tcsetpgrp")]
    public static int TcSetPGrp(int fd, int group) => (int)Errno.Errno.Result(Pal.TerminalControl(fd, 0x5410 /* TIOCSPGRP */, (nint)(&group)));
}
