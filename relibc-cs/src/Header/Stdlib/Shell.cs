using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Platform;

namespace Relibc.Header.Stdlib;

/// <summary>system (C17 7.22.4.8; https://pubs.opengroup.org/onlinepubs/9699919799/functions/system.html).</summary>
public static unsafe class Shell
{
    /// <summary>
    /// Runs <c>/bin/sh -c command</c> and returns its wait status (127 in it when the shell could not run); a null
    /// command asks whether a shell exists. While it waits, SIGINT and SIGQUIT are ignored and SIGCHLD blocked in the
    /// caller, as POSIX says; the child gets the caller's original dispositions and mask.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "system")]
    public static int System(byte* command)
    {
        fixed (byte* sh = "/bin/sh\0"u8, name = "sh\0"u8, dashC = "-c\0"u8)
        {
            if (command == null)
                return Pal.Access(-100, sh, 1) == 0 ? 1 : 0;
            const int SigInt = 2, SigQuit = 3, SigChld = 17;
            Pal.SignalAction(SigInt, true, 1, 0, 0, out var intHandler, out var intFlags, out var intMask);
            Pal.SignalAction(SigQuit, true, 1, 0, 0, out var quitHandler, out var quitFlags, out var quitMask);
            ulong chld = 1UL << (SigChld - 1), saved;
            Pal.SignalMask(0, &chld, &saved);
            var pid = Pal.Fork();
            if (pid == 0)
            {
                Pal.SignalAction(SigInt, true, intHandler, intFlags, intMask, out _, out _, out _);
                Pal.SignalAction(SigQuit, true, quitHandler, quitFlags, quitMask, out _, out _, out _);
                Pal.SignalMask(2, &saved, null);
                var argv = stackalloc byte*[4];
                argv[0] = name;
                argv[1] = dashC;
                argv[2] = command;
                argv[3] = null;
                Pal.Execute(sh, argv, Env.Variables);
                Pal.Exit(127);
            }
            var status = -1;
            if (pid < 0)
                Errno.Errno.Set((int)-pid);
            else
            {
                nint r;
                while ((r = Pal.Wait((int)pid, &status, 0)) == -E.INTR)
                {
                }
                if (r < 0)
                {
                    Errno.Errno.Set((int)-r);
                    status = -1;
                }
            }
            Pal.SignalAction(SigInt, true, intHandler, intFlags, intMask, out _, out _, out _);
            Pal.SignalAction(SigQuit, true, quitHandler, quitFlags, quitMask, out _, out _, out _);
            Pal.SignalMask(2, &saved, null);
            return status;
        }
    }
}
