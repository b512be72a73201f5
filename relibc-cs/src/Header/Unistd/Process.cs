using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Header.Stdlib;
using Relibc.Header.String;
using Relibc.Platform;
using Veridian.Interop;

namespace Relibc.Header.Unistd;

/// <summary>unistd.h's process calls: fork, the exec family, ids, sessions, sleep, sysconf.</summary>
public static unsafe class Process
{
    /// <summary>
    /// fork — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fork.html. The child has one thread, the
    /// caller's, with a copy of its TLS; its control block learns its new tid. (After fork in a multithreaded program
    /// the child may only call async-signal-safe functions, as POSIX says: a lock another thread held stays held.)
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "fork")]
    public static int Fork()
    {
        var r = Pal.Fork();
        if (r == 0)
            Pthread.Threads.AfterFork();
        return (int)Errno.Errno.Result(r);
    }

    /// <summary>execve — https://pubs.opengroup.org/onlinepubs/9699919799/functions/execve.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "execve")]
    public static int ExecVE(byte* path, byte** argv, byte** envp) => (int)Errno.Errno.Result(Pal.Execute(path, argv, envp));

    /// <summary>execv — https://pubs.opengroup.org/onlinepubs/9699919799/functions/execv.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "execv")]
    public static int ExecV(byte* path, byte** argv) => (int)Errno.Errno.Result(Pal.Execute(path, argv, Env.Variables));

    /// <summary>execvp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/execvp.html (searches PATH when the file has no '/').</summary>
    [UnmanagedCallersOnly(EntryPoint = "execvp")]
    public static int ExecVP(byte* file, byte** argv) => Search(file, argv, Env.Variables, true);

    /// <summary>execl — https://pubs.opengroup.org/onlinepubs/9699919799/functions/execl.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "execl")]
    public static int ExecL(byte* path, byte* arg0, VaList args)
    {
        var argv = Collect(arg0, ref args);
        if (argv == null)
            return -1;
        var r = (int)Errno.Errno.Result(Pal.Execute(path, argv, Env.Variables));
        Malloc.Free(argv);
        return r;
    }

    /// <summary>execlp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/execlp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "execlp")]
    public static int ExecLP(byte* file, byte* arg0, VaList args)
    {
        var argv = Collect(arg0, ref args);
        if (argv == null)
            return -1;
        var r = Search(file, argv, Env.Variables, true);
        Malloc.Free(argv);
        return r;
    }

    /// <summary>execle — https://pubs.opengroup.org/onlinepubs/9699919799/functions/execle.html (the environment follows the NULL).</summary>
    [UnmanagedCallersOnly(EntryPoint = "execle")]
    public static int ExecLE(byte* path, byte* arg0, VaList args)
    {
        var argv = Collect(arg0, ref args);
        if (argv == null)
            return -1;
        var envp = (byte**)args.NextPointer();
        var r = (int)Errno.Errno.Result(Pal.Execute(path, argv, envp));
        Malloc.Free(argv);
        return r;
    }

    /// <summary>The NULL-terminated argument list of an execl call, in a block the caller frees (null: ENOMEM).</summary>
    private static byte** Collect(byte* arg0, ref VaList args)
    {
        nuint capacity = 16, count = 0;
        var argv = (byte**)Malloc.Allocate(capacity * (nuint)sizeof(byte*), 16);
        if (argv == null)
            return null;
        var next = arg0;
        while (true)
        {
            if (count == capacity)
            {
                var bigger = (byte**)Malloc.Allocate(capacity * 2 * (nuint)sizeof(byte*), 16);
                if (bigger == null)
                {
                    Malloc.Free(argv);
                    return null;
                }
                Str.Copy((byte*)bigger, (byte*)argv, capacity * (nuint)sizeof(byte*));
                Malloc.Free(argv);
                argv = bigger;
                capacity *= 2;
            }
            argv[count++] = next;
            if (next == null)
                return argv;
            next = (byte*)args.NextPointer();
        }
    }

    /// <summary>
    /// execvp's search: a file with a '/' is run as it is; otherwise each directory of PATH (default
    /// "/usr/local/bin:/bin:/usr/bin") in turn. A file that is not an executable format (ENOEXEC) runs under /bin/sh,
    /// as POSIX says (when <paramref name="shell"/>: posix_spawnp does not, as glibc's since 2.27); the error reported is
    /// EACCES if some candidate was not permitted, else the last one.
    /// </summary>
    internal static int Search(byte* file, byte** argv, byte** envp, bool shell)
    {
        if (*file == 0)
        {
            Errno.Errno.Set(E.NOENT);
            return -1;
        }
        var slash = false;
        for (var p = file; *p != 0; p++)
            slash |= *p == '/';
        if (slash)
            return Run(file, argv, envp, shell);
        var path = Env.Find(Literal("PATH\0"u8));
        if (path == null)
            path = Literal("/usr/local/bin:/bin:/usr/bin\0"u8);
        var fileLength = Str.Length(file);
        var candidate = stackalloc byte[4096];
        var denied = false;
        var error = E.NOENT;
        while (true)
        {
            var end = path;
            while (*end != 0 && *end != ':')
                end++;
            var dirLength = (nuint)(end - path);
            if (dirLength + fileLength + 2 <= 4096)
            {
                Str.Copy(candidate, path, dirLength);
                var at = dirLength;
                if (dirLength == 0)
                    candidate[at++] = (byte)'.'; // an empty entry is the current directory
                candidate[at++] = (byte)'/';
                Str.Copy(candidate + at, file, fileLength + 1);
                Run(candidate, argv, envp, shell);
                error = Errno.Errno.Value;
                if (error == E.ACCES)
                    denied = true;
                else if (error != E.NOENT && error != E.NOTDIR)
                    break;
            }
            if (*end == 0)
                break;
            path = end + 1;
        }
        Errno.Errno.Set(denied ? E.ACCES : error);
        return -1;
    }

    /// <summary>A u8 literal's address: literals are read-only data, never copied (docs/csharp-subset.md), so it stays valid.</summary>
    private static byte* Literal(System.ReadOnlySpan<byte> text)
    {
        fixed (byte* p = text)
            return p;
    }

    private static int Run(byte* path, byte** argv, byte** envp, bool viaShell)
    {
        var r = Pal.Execute(path, argv, envp);
        if (r != -E.NOEXEC || !viaShell)
            return (int)Errno.Errno.Result(r);
        // Not a binary: a shell script without #!, run by /bin/sh with the file as its script.
        nuint count = 0;
        while (argv[count] != null)
            count++;
        var shell = stackalloc byte*[(int)count + 2];
        shell[0] = Literal("sh\0"u8);
        shell[1] = path;
        for (nuint i = 1; i <= count; i++)
            shell[i + 1] = argv[i];
        return (int)Errno.Errno.Result(Pal.Execute(Literal("/bin/sh\0"u8), shell, envp));
    }

    /// <summary>getppid — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getppid.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "getppid")]
    public static int GetPPid() => (int)Pal.ParentProcessId();

    /// <summary>getuid — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getuid.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "getuid")]
    public static uint GetUid() => (uint)Pal.UserId(false);

    /// <summary>geteuid — https://pubs.opengroup.org/onlinepubs/9699919799/functions/geteuid.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "geteuid")]
    public static uint GetEUid() => (uint)Pal.UserId(true);

    /// <summary>getgid — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getgid.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "getgid")]
    public static uint GetGid() => (uint)Pal.GroupId(false);

    /// <summary>getegid — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getegid.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "getegid")]
    public static uint GetEGid() => (uint)Pal.GroupId(true);

    /// <summary>getpgid — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getpgid.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "getpgid")]
    public static int GetPGid(int pid) => (int)Errno.Errno.Result(Pal.ProcessGroup(pid));

    /// <summary>getpgrp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getpgrp.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "getpgrp")]
    public static int GetPGrp() => (int)Pal.ProcessGroup(0);

    /// <summary>setpgid — https://pubs.opengroup.org/onlinepubs/9699919799/functions/setpgid.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "setpgid")]
    public static int SetPGid(int pid, int group) => (int)Errno.Errno.Result(Pal.SetProcessGroup(pid, group));

    /// <summary>getsid — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getsid.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "getsid")]
    public static int GetSid(int pid) => (int)Errno.Errno.Result(Pal.Session(pid));

    /// <summary>setsid — https://pubs.opengroup.org/onlinepubs/9699919799/functions/setsid.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "setsid")]
    public static int SetSid() => (int)Errno.Errno.Result(Pal.NewSession());

    /// <summary>sleep — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sleep.html (the seconds left when a signal interrupts it).</summary>
    [UnmanagedCallersOnly(EntryPoint = "sleep")]
    public static uint Sleep(uint seconds)
    {
        var request = new Time.TimeSpec { Seconds = seconds };
        var left = new Time.TimeSpec();
        if (Pal.Sleep(1, false, &request, &left) == -E.INTR)
            return (uint)left.Seconds + (left.Nanoseconds > 0 ? 1u : 0u);
        return 0;
    }

    /// <summary>gethostname — https://pubs.opengroup.org/onlinepubs/9699919799/functions/gethostname.html (the node name of uname; truncated to the buffer).</summary>
    [UnmanagedCallersOnly(EntryPoint = "gethostname")]
    public static int GetHostName(byte* name, nuint size)
    {
        var u = stackalloc byte[6 * 65];
        if (Errno.Errno.Result(Pal.SystemName(u)) < 0)
            return -1;
        nuint i = 0;
        for (; i + 1 < size && u[65 + i] != 0; i++)
            name[i] = u[65 + i];
        if (size > 0)
            name[i] = 0;
        return 0;
    }

    /// <summary>
    /// sysconf — https://pubs.opengroup.org/onlinepubs/9699919799/functions/sysconf.html: _SC_ARG_MAX, _SC_CHILD_MAX,
    /// _SC_CLK_TCK, _SC_OPEN_MAX, _SC_PAGESIZE, _SC_NPROCESSORS_CONF/ONLN (numbering as glibc's); others EINVAL.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "sysconf")]
    public static long SysConf(int name)
    {
        switch (name)
        {
            case 0: return 2097152;          // _SC_ARG_MAX
            case 1: return 1024;             // _SC_CHILD_MAX (a floor; Linux's limit is per user)
            case 2: return 100;              // _SC_CLK_TCK
            case 4: return 1024;             // _SC_OPEN_MAX
            case 30: return 4096;            // _SC_PAGESIZE
            case 83 or 84: return Pal.ProcessorCount(); // _SC_NPROCESSORS_CONF, _SC_NPROCESSORS_ONLN
            default:
                Errno.Errno.Set(E.INVAL);
                return -1;
        }
    }
}
