using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Header.String;

namespace Relibc.Header.Stdlib;

/// <summary>
/// Changing the environment (https://pubs.opengroup.org/onlinepubs/9699919799/functions/setenv.html): the first change
/// copies environ into an array of relibc-cs's own, which grows as needed; setenv's strings are allocated (and kept:
/// a program may still hold a pointer getenv gave it), putenv's are the caller's, as POSIX says.
/// </summary>
public static unsafe class Environment
{
    private static nuint s_capacity;
    private static bool s_owned;

    private static bool ValidName(byte* name)
    {
        if (name == null || *name == 0)
            return false;
        for (var p = name; *p != 0; p++)
        {
            if (*p == '=')
                return false;
        }
        return true;
    }

    private static nuint Count()
    {
        nuint n = 0;
        if (Env.Variables != null)
        {
            while (Env.Variables[n] != null)
                n++;
        }
        return n;
    }

    /// <summary>Makes environ ours with room for one more entry; false (ENOMEM) if it cannot.</summary>
    private static bool Room()
    {
        var n = Count();
        if (s_owned && n + 1 < s_capacity)
            return true;
        var capacity = (n + 1) * 2 + 8;
        var fresh = (byte**)Malloc.Allocate(capacity * (nuint)sizeof(byte*), 16);
        if (fresh == null)
        {
            Errno.Errno.Set(E.NOMEM);
            return false;
        }
        for (nuint i = 0; i < n; i++)
            fresh[i] = Env.Variables[i];
        fresh[n] = null;
        if (s_owned)
            Malloc.Free(Env.Variables);
        Env.Variables = fresh;
        s_capacity = capacity;
        s_owned = true;
        return true;
    }

    /// <summary>The index of the entry for <paramref name="name"/> (length <paramref name="length"/>), or -1.</summary>
    private static nint Find(byte* name, nuint length)
    {
        if (Env.Variables == null)
            return -1;
        for (nint i = 0; Env.Variables[i] != null; i++)
        {
            if (Str.Compare(Env.Variables[i], name, length) == 0 && Env.Variables[i][length] == '=')
                return i;
        }
        return -1;
    }

    private static int Put(byte* entry, nuint nameLength)
    {
        var at = Find(entry, nameLength);
        if (at >= 0)
        {
            Env.Variables[at] = entry;
            return 0;
        }
        if (!Room())
            return -1;
        var n = Count();
        Env.Variables[n] = entry;
        Env.Variables[n + 1] = null;
        return 0;
    }

    /// <summary>setenv — https://pubs.opengroup.org/onlinepubs/9699919799/functions/setenv.html (EINVAL for an empty name or one with '=').</summary>
    [UnmanagedCallersOnly(EntryPoint = "setenv")]
    public static int SetEnv(byte* name, byte* value, int overwrite)
    {
        if (!ValidName(name))
        {
            Errno.Errno.Set(E.INVAL);
            return -1;
        }
        var nameLength = Str.Length(name);
        if (overwrite == 0 && Find(name, nameLength) >= 0)
            return 0;
        var valueLength = Str.Length(value);
        var entry = (byte*)Malloc.Allocate(nameLength + valueLength + 2, 16);
        if (entry == null)
        {
            Errno.Errno.Set(E.NOMEM);
            return -1;
        }
        Str.Copy(entry, name, nameLength);
        entry[nameLength] = (byte)'=';
        Str.Copy(entry + nameLength + 1, value, valueLength + 1);
        return Put(entry, nameLength);
    }

    /// <summary>unsetenv — https://pubs.opengroup.org/onlinepubs/9699919799/functions/unsetenv.html (every entry of the name).</summary>
    [UnmanagedCallersOnly(EntryPoint = "unsetenv")]
    public static int UnsetEnv(byte* name)
    {
        if (!ValidName(name))
        {
            Errno.Errno.Set(E.INVAL);
            return -1;
        }
        var length = Str.Length(name);
        nint at;
        while ((at = Find(name, length)) >= 0)
        {
            for (var i = at; Env.Variables[i] != null; i++)
                Env.Variables[i] = Env.Variables[i + 1];
        }
        return 0;
    }

    /// <summary>putenv — https://pubs.opengroup.org/onlinepubs/9699919799/functions/putenv.html (the string itself becomes the entry; one without '=' is EINVAL).</summary>
    [UnmanagedCallersOnly(EntryPoint = "putenv")]
    public static int PutEnv(byte* entry)
    {
        nuint length = 0;
        while (entry[length] != 0 && entry[length] != '=')
            length++;
        if (entry[length] != '=' || length == 0)
        {
            Errno.Errno.Set(E.INVAL);
            return -1;
        }
        return Put(entry, length);
    }

    /// <summary>clearenv (glibc, musl): empties the environment.</summary>
    [UnmanagedCallersOnly(EntryPoint = "clearenv")]
    public static int ClearEnv()
    {
        if (Env.Variables != null && !Room())
            return -1;
        if (Env.Variables != null)
            Env.Variables[0] = null;
        return 0;
    }
}
