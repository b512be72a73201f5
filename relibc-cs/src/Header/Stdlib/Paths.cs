using System;
using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Header.String;
using Relibc.Platform;

namespace Relibc.Header.Stdlib;

/// <summary>stdlib.h's file-system functions: mkstemp, mkdtemp, realpath.</summary>
public static unsafe class Paths
{
    private const int PathMax = 4096, AtFdCwd = -100;

    private static ReadOnlySpan<byte> Letters => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"u8;

    /// <summary>Replaces the template's six trailing X with random letters and digits, trying up to 100 names with <paramref name="make"/>; -1 and errno when none worked.</summary>
    private static int Unique(byte* template, delegate*<byte*, int> make)
    {
        var length = Str.Length(template);
        if (length < 6)
            return Invalid();
        var x = template + length - 6;
        for (var i = 0; i < 6; i++)
        {
            if (x[i] != 'X')
                return Invalid();
        }
        var random = stackalloc byte[6];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (Pal.RandomBytes(random, 6) < 6)
            {
                var t = new Time.TimeSpec();
                Pal.ClockTime(1, &t);
                var mix = (ulong)t.Nanoseconds * 0x9E3779B97F4A7C15UL + (ulong)attempt;
                for (var i = 0; i < 6; i++)
                    random[i] = (byte)(mix >> (8 * i));
            }
            for (var i = 0; i < 6; i++)
                x[i] = Letters[random[i] % 62];
            var r = make(template);
            if (r >= 0)
                return r;
            if (r != -E.EXIST)
            {
                Errno.Errno.Set((int)-r);
                return -1;
            }
        }
        Errno.Errno.Set(E.EXIST);
        return -1;
    }

    private static int Invalid()
    {
        Errno.Errno.Set(E.INVAL);
        return -1;
    }

    // O_RDWR | O_CREAT | O_EXCL, mode 0600.
    private static int MakeFile(byte* path) => (int)Pal.OpenAt(AtFdCwd, path, 2 | 0x40 | 0x80, 0x180);

    private static int MakeDirectory(byte* path)
    {
        var r = Pal.MakeDirectory(AtFdCwd, path, 0x1C0);
        return r < 0 ? (int)r : 0;
    }

    /// <summary>mkstemp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mkstemp.html (O_RDWR|O_CREAT|O_EXCL, mode 0600; EINVAL unless the template ends in XXXXXX).</summary>
    [UnmanagedCallersOnly(EntryPoint = "mkstemp")]
    public static int MkSTemp(byte* template) => Unique(template, &MakeFile);

    /// <summary>mkdtemp — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mkdtemp.html (mode 0700).</summary>
    [UnmanagedCallersOnly(EntryPoint = "mkdtemp")]
    public static byte* MkDTemp(byte* template) => Unique(template, &MakeDirectory) < 0 ? null : template;

    /// <summary>
    /// realpath — https://pubs.opengroup.org/onlinepubs/9699919799/functions/realpath.html: the absolute path with no
    /// '.', '..', repeated '/' or symbolic link (at most 40 followed: ELOOP), into <paramref name="resolved"/> (PATH_MAX
    /// bytes) or, when that is null, a block the caller frees. Every component must exist (ENOENT, ENOTDIR).
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "realpath")]
    public static byte* RealPath(byte* path, byte* resolved)
    {
        if (path == null)
        {
            Errno.Errno.Set(E.INVAL);
            return null;
        }
        if (*path == 0)
        {
            Errno.Errno.Set(E.NOENT);
            return null;
        }
        // pending: what is still to resolve (a stack of text, consumed from the front); output: the resolved prefix.
        var pending = stackalloc byte[PathMax * 2];
        var output = stackalloc byte[PathMax];
        var link = stackalloc byte[PathMax];
        var pendingLength = Str.Length(path);
        if (pendingLength >= PathMax)
        {
            Errno.Errno.Set(E.NAMETOOLONG);
            return null;
        }
        Str.Copy(pending, path, pendingLength + 1);
        nuint outLength = 0;
        if (*path != '/')
        {
            if (Pal.WorkingDirectory(output, PathMax) < 0)
            {
                Errno.Errno.Set(E.NAMETOOLONG);
                return null;
            }
            outLength = Str.Length(output);
            if (outLength == 1)
                outLength = 0; // "/": components append "/name"
        }
        nuint at = 0;
        var links = 0;
        while (at < pendingLength)
        {
            while (at < pendingLength && pending[at] == '/')
                at++;
            var start = at;
            while (at < pendingLength && pending[at] != '/')
                at++;
            var n = at - start;
            if (n == 0 || (n == 1 && pending[start] == '.'))
                continue;
            if (n == 2 && pending[start] == '.' && pending[start + 1] == '.')
            {
                while (outLength > 0 && output[outLength - 1] != '/')
                    outLength--;
                if (outLength > 0)
                    outLength--;
                continue;
            }
            if (outLength + 1 + n >= PathMax)
            {
                Errno.Errno.Set(E.NAMETOOLONG);
                return null;
            }
            var before = outLength;
            output[outLength++] = (byte)'/';
            Str.Copy(output + outLength, pending + start, n);
            outLength += n;
            output[outLength] = 0;
            var r = Pal.ReadLink(AtFdCwd, output, link, PathMax - 1);
            if (r >= 0)
            {
                if (++links > 40)
                {
                    Errno.Errno.Set(E.LOOP);
                    return null;
                }
                // The link's target, then what was left after this component, becomes the pending text.
                var rest = pendingLength - at;
                if ((nuint)r + rest >= PathMax * 2 - 1)
                {
                    Errno.Errno.Set(E.NAMETOOLONG);
                    return null;
                }
                Str.Copy(pending + r, pending + at, rest); // (overlapping: Copy is memmove)
                Str.Copy(pending, link, (nuint)r);
                pendingLength = (nuint)r + rest;
                pending[pendingLength] = 0;
                at = 0;
                outLength = link[0] == '/' ? 0 : before;
                continue;
            }
            if (r != -E.INVAL)
            {
                Errno.Errno.Set((int)-r);
                return null;
            }
            // Not a link: it exists. A component followed by more must be a directory.
            if (at < pendingLength)
            {
                Sys_Stat.FileStatus st;
                var s = Pal.Status(AtFdCwd, output, &st, 0);
                if (s < 0)
                {
                    Errno.Errno.Set((int)-s);
                    return null;
                }
                if ((st.Mode & 0xF000) != 0x4000)
                {
                    Errno.Errno.Set(E.NOTDIR);
                    return null;
                }
            }
        }
        if (outLength == 0)
            output[outLength++] = (byte)'/';
        output[outLength] = 0;
        if (resolved == null)
        {
            resolved = (byte*)Malloc.Allocate(outLength + 1, 16);
            if (resolved == null)
            {
                Errno.Errno.Set(E.NOMEM);
                return null;
            }
        }
        Str.Copy(resolved, output, outLength + 1);
        return resolved;
    }
}
