using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Header.Stdlib;
using Relibc.Header.String;
using Relibc.Platform;

namespace Relibc.Header.Spawn;

/// <summary>
/// spawn.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/spawn.h.html). The child is a fork; it applies
/// the attributes, then the file actions in order, then execs. A failure on the way is written to a close-on-exec
/// pipe and the child exits with 127; the caller reads the pipe until exec closes it (or the error comes), reaps a
/// failed child and returns its error, as glibc does. The functions return an error number and leave errno alone.
/// </summary>
public static unsafe class Spawn
{
    public const int ResetIds = 0x01, SetProcessGroup = 0x02, SetDefaultSignals = 0x04, SetSignalMask = 0x08,
        SetSchedulerParameters = 0x10, SetSchedulerPolicy = 0x20, UseVfork = 0x40, SetSession = 0x80;
    private const int AllFlags = 0xFF;
    private const int ActionOpen = 1, ActionClose = 2, ActionDup2 = 3;

    /// <summary>posix_spawn — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawn.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawn")]
    public static int PosixSpawn(int* pid, byte* path, FileActions* actions, SpawnAttributes* attributes, byte** argv, byte** envp) =>
        Start(pid, path, actions, attributes, argv, envp, false);

    /// <summary>posix_spawnp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawnp.html (a file without '/' is searched for in PATH, as execvp, without its /bin/sh fallback).</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawnp")]
    public static int PosixSpawnP(int* pid, byte* file, FileActions* actions, SpawnAttributes* attributes, byte** argv, byte** envp) =>
        Start(pid, file, actions, attributes, argv, envp, true);

    private static int Start(int* pid, byte* path, FileActions* actions, SpawnAttributes* attributes, byte** argv, byte** envp, bool search)
    {
        // The child's error, if it fails before exec, comes back through a close-on-exec pipe: end of file means exec.
        var pipe = stackalloc int[2];
        var r = Pal.Pipe(pipe, Fcntl.Fcntl.CloseOnExec);
        if (r < 0)
            return (int)-r;
        // No handler may run in the child before its exec: every signal is blocked across the fork.
        ulong all = ~0UL, old = 0;
        Pal.SignalMask(2, &all, &old);
        var child = Pal.Fork();
        if (child == 0)
        {
            Pal.Close(pipe[0]);
            Child(path, actions, attributes, argv, envp, search, pipe[1], old);
        }
        Pal.SignalMask(2, &old, null);
        Pal.Close(pipe[1]);
        int result = 0, error = 0;
        if (child < 0)
            result = (int)-child;
        else
        {
            nint n;
            while ((n = Pal.Read(pipe[0], (byte*)&error, 4)) == -E.INTR)
            {
            }
            if (n == 4)
            {
                int status;
                while (Pal.Wait((int)child, &status, 0) == -E.INTR)
                {
                }
                result = error;
            }
            else if (pid != null)
                *pid = (int)child;
        }
        Pal.Close(pipe[0]);
        return result;
    }

    /// <summary>The child's side: never returns. <paramref name="report"/> is the pipe's write end.</summary>
    private static void Child(byte* path, FileActions* actions, SpawnAttributes* a, byte** argv, byte** envp, bool search, int report, ulong mask)
    {
        Pthread.Threads.AfterFork();
        var r = Apply(actions, a, ref mask, ref report);
        if (r >= 0)
        {
            Pal.SignalMask(2, &mask, null);
            if (search)
            {
                Unistd.Process.Search(path, argv, envp, false);
                r = -Errno.Errno.Value;
            }
            else
                r = Pal.Execute(path, argv, envp);
        }
        var error = r < 0 ? (int)-r : E.INVAL;
        Pal.Write(report, (byte*)&error, 4);
        Pal.Exit(127);
    }

    /// <summary>The attributes in POSIX's order (session and group, scheduling, ids, signals), then the file actions in theirs; 0 or a negated errno.</summary>
    private static nint Apply(FileActions* actions, SpawnAttributes* a, ref ulong mask, ref int report)
    {
        nint r;
        if (a != null)
        {
            var flags = a->Flags;
            if ((flags & SetSession) != 0 && (r = Pal.NewSession()) < 0)
                return r;
            if ((flags & SetProcessGroup) != 0 && (r = Pal.SetProcessGroup(0, a->ProcessGroup)) < 0)
                return r;
            if ((flags & SetSchedulerPolicy) != 0)
            {
                if ((r = Pal.SetScheduler(0, a->Policy, &a->Priority)) < 0)
                    return r;
            }
            else if ((flags & SetSchedulerParameters) != 0 && (r = Pal.SetSchedulerPriority(0, &a->Priority)) < 0)
                return r;
            if ((flags & ResetIds) != 0 && (r = Pal.ResetEffectiveIds()) < 0)
                return r;
            if ((flags & SetDefaultSignals) != 0)
            {
                for (var s = 1; s <= 64; s++)
                {
                    if ((a->DefaultSignals & (1UL << (s - 1))) != 0 && s != 9 && s != 19)
                        Pal.SignalAction(s, true, 0, 0, 0, out _, out _, out _);
                }
            }
            if ((flags & SetSignalMask) != 0)
                mask = a->SignalMask;
        }
        if (actions == null)
            return 0;
        for (var i = 0; i < actions->Used; i++)
        {
            var act = &actions->Actions[i];
            // The report pipe moves out of the way of a descriptor the action is about to replace or close.
            var replaced = act->Kind == ActionDup2 ? act->Target : act->Fd;
            if (replaced == report)
            {
                var moved = Pal.Control(report, Fcntl.Fcntl.DupFdCloseOnExec, 0);
                if (moved < 0)
                    return moved;
                Pal.Close(report);
                report = (int)moved;
            }
            switch (act->Kind)
            {
                case ActionOpen:
                    r = Pal.OpenAt(Sys_Stat.Stat.AtFdCwd, act->Path, act->OpenFlags, (int)act->Mode);
                    if (r < 0)
                        return r;
                    if (r != act->Fd)
                    {
                        var moved = Pal.DuplicateTo((int)r, act->Fd, 0);
                        Pal.Close((int)r);
                        if (moved < 0)
                            return moved;
                    }
                    break;
                case ActionClose:
                    // POSIX: closing a descriptor that is not open is no error in the child (glibc ignores EBADF too).
                    r = Pal.Close(act->Fd);
                    if (r < 0 && r != -E.BADF)
                        return r;
                    break;
                default:
                    if (act->Fd == act->Target)
                    {
                        // POSIX.1-2017 TC2: dup2 of a descriptor onto itself clears its FD_CLOEXEC.
                        r = Pal.Control(act->Fd, 1, 0);
                        if (r < 0 || (r = Pal.Control(act->Fd, 2, r & ~1)) < 0)
                            return r;
                    }
                    else if ((r = Pal.DuplicateTo(act->Fd, act->Target, 0)) < 0)
                        return r;
                    break;
            }
        }
        return 0;
    }

    /// <summary>posix_spawn_file_actions_init — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawn_file_actions_init.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawn_file_actions_init")]
    public static int FileActionsInit(FileActions* actions)
    {
        Str.Fill((byte*)actions, 0, (nuint)sizeof(FileActions));
        return 0;
    }

    /// <summary>posix_spawn_file_actions_destroy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawn_file_actions_destroy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawn_file_actions_destroy")]
    public static int FileActionsDestroy(FileActions* actions)
    {
        for (var i = 0; i < actions->Used; i++)
        {
            if (actions->Actions[i].Path != null)
                Malloc.Free(actions->Actions[i].Path);
        }
        if (actions->Actions != null)
            Malloc.Free(actions->Actions);
        Str.Fill((byte*)actions, 0, (nuint)sizeof(FileActions));
        return 0;
    }

    /// <summary>posix_spawn_file_actions_addopen — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawn_file_actions_addopen.html (the path is copied).</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawn_file_actions_addopen")]
    public static int AddOpen(FileActions* actions, int fd, byte* path, int flags, uint mode)
    {
        if (fd < 0)
            return E.BADF;
        var length = Str.Length(path) + 1;
        var copy = (byte*)Malloc.Allocate(length, 16);
        if (copy == null)
            return E.NOMEM;
        Str.Copy(copy, path, length);
        var r = Add(actions, ActionOpen, fd, 0, flags, mode, copy);
        if (r != 0)
            Malloc.Free(copy);
        return r;
    }

    /// <summary>posix_spawn_file_actions_addclose — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawn_file_actions_addclose.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawn_file_actions_addclose")]
    public static int AddClose(FileActions* actions, int fd) => fd < 0 ? E.BADF : Add(actions, ActionClose, fd, 0, 0, 0, null);

    /// <summary>posix_spawn_file_actions_adddup2 — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawn_file_actions_adddup2.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawn_file_actions_adddup2")]
    public static int AddDup2(FileActions* actions, int fd, int target) =>
        fd < 0 || target < 0 ? E.BADF : Add(actions, ActionDup2, fd, target, 0, 0, null);

    private static int Add(FileActions* actions, int kind, int fd, int target, int flags, uint mode, byte* path)
    {
        if (actions->Used == actions->Allocated)
        {
            var capacity = actions->Allocated == 0 ? 8 : actions->Allocated * 2;
            var bigger = (FileAction*)Malloc.Allocate((nuint)capacity * (nuint)sizeof(FileAction), 16);
            if (bigger == null)
                return E.NOMEM;
            if (actions->Actions != null)
            {
                Str.Copy((byte*)bigger, (byte*)actions->Actions, (nuint)actions->Used * (nuint)sizeof(FileAction));
                Malloc.Free(actions->Actions);
            }
            actions->Actions = bigger;
            actions->Allocated = capacity;
        }
        var act = &actions->Actions[actions->Used++];
        act->Kind = kind;
        act->Fd = fd;
        act->Target = target;
        act->OpenFlags = flags;
        act->Mode = mode;
        act->Path = path;
        return 0;
    }

    /// <summary>posix_spawnattr_init — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawnattr_init.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawnattr_init")]
    public static int AttrInit(SpawnAttributes* a)
    {
        Str.Fill((byte*)a, 0, (nuint)sizeof(SpawnAttributes));
        return 0;
    }

    /// <summary>posix_spawnattr_destroy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawnattr_destroy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawnattr_destroy")]
    public static int AttrDestroy(SpawnAttributes* a) => 0;

    /// <summary>posix_spawnattr_getflags — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawnattr_getflags.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawnattr_getflags")]
    public static int GetFlags(SpawnAttributes* a, short* flags)
    {
        *flags = (short)a->Flags;
        return 0;
    }

    /// <summary>posix_spawnattr_setflags — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawnattr_setflags.html (EINVAL for an unknown flag).</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawnattr_setflags")]
    public static int SetFlags(SpawnAttributes* a, short flags)
    {
        if ((flags & ~AllFlags) != 0)
            return E.INVAL;
        a->Flags = flags;
        return 0;
    }

    /// <summary>posix_spawnattr_getpgroup — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawnattr_getpgroup.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawnattr_getpgroup")]
    public static int GetPGroup(SpawnAttributes* a, int* group)
    {
        *group = a->ProcessGroup;
        return 0;
    }

    /// <summary>posix_spawnattr_setpgroup — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawnattr_setpgroup.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawnattr_setpgroup")]
    public static int SetPGroup(SpawnAttributes* a, int group)
    {
        a->ProcessGroup = group;
        return 0;
    }

    /// <summary>posix_spawnattr_getsigdefault — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawnattr_getsigdefault.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawnattr_getsigdefault")]
    public static int GetSigDefault(SpawnAttributes* a, ulong* set)
    {
        *set = a->DefaultSignals;
        return 0;
    }

    /// <summary>posix_spawnattr_setsigdefault — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawnattr_setsigdefault.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawnattr_setsigdefault")]
    public static int SetSigDefault(SpawnAttributes* a, ulong* set)
    {
        a->DefaultSignals = *set;
        return 0;
    }

    /// <summary>posix_spawnattr_getsigmask — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawnattr_getsigmask.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawnattr_getsigmask")]
    public static int GetSigMask(SpawnAttributes* a, ulong* set)
    {
        *set = a->SignalMask;
        return 0;
    }

    /// <summary>posix_spawnattr_setsigmask — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawnattr_setsigmask.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawnattr_setsigmask")]
    public static int SetSigMask(SpawnAttributes* a, ulong* set)
    {
        a->SignalMask = *set;
        return 0;
    }

    /// <summary>posix_spawnattr_getschedparam — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawnattr_getschedparam.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawnattr_getschedparam")]
    public static int GetSchedParam(SpawnAttributes* a, int* priority)
    {
        *priority = a->Priority;
        return 0;
    }

    /// <summary>posix_spawnattr_setschedparam — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawnattr_setschedparam.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawnattr_setschedparam")]
    public static int SetSchedParam(SpawnAttributes* a, int* priority)
    {
        a->Priority = *priority;
        return 0;
    }

    /// <summary>posix_spawnattr_getschedpolicy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawnattr_getschedpolicy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawnattr_getschedpolicy")]
    public static int GetSchedPolicy(SpawnAttributes* a, int* policy)
    {
        *policy = a->Policy;
        return 0;
    }

    /// <summary>posix_spawnattr_setschedpolicy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_spawnattr_setschedpolicy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_spawnattr_setschedpolicy")]
    public static int SetSchedPolicy(SpawnAttributes* a, int policy)
    {
        a->Policy = policy;
        return 0;
    }
}
