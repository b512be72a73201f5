using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Header.Stdlib;
using Relibc.Header.String;
using Relibc.Platform;

namespace Relibc.Header.Glob;

/// <summary><c>glob_t</c>: the count, the NULL-terminated list, the reserved slots in front, and room for glibc's extra fields.</summary>
[StructLayout(LayoutKind.Sequential, Size = 72)]
public unsafe struct GlobResult
{
    public nuint PathCount;
    public byte** PathV;
    public nuint Offsets;
    public int Flags;
}

/// <summary>
/// glob.h (https://pubs.opengroup.org/onlinepubs/9699919799/functions/glob.html), with glibc's flag and error values:
/// the pattern is split at '/', each component with a '*', '?' or '[' is matched against its directory's entries by
/// fnmatch (FNM_PERIOD: a leading '.' only matches a '.'), the others are taken as they are (the whole path must exist).
/// A directory that cannot be read goes to errfunc, and GLOB_ERR or a nonzero answer stops with GLOB_ABORTED (as glibc,
/// not for ENOTDIR). The new paths are sorted by strcmp (the C locale's collation) unless GLOB_NOSORT.
/// </summary>
public static unsafe class Globs
{
    public const int Err = 1, Mark = 2, NoSort = 4, DoOffs = 8, NoCheck = 16, Append = 32, NoEscape = 64;
    public const int NoSpace = 1, Aborted = 2, NoMatch = 3;
    private const int PathMax = 4096;

    /// <summary>The growing list of one call.</summary>
    private struct List
    {
        public byte** Items;
        public nuint Count, Capacity;
    }

    /// <summary>glob — https://pubs.opengroup.org/onlinepubs/9699919799/functions/glob.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "glob")]
    public static int GlobExport(byte* pattern, int flags, delegate* unmanaged<byte*, int, int> errfunc, GlobResult* g)
    {
        if ((flags & Append) == 0)
        {
            g->PathCount = 0;
            g->PathV = null;
            if ((flags & DoOffs) == 0)
                g->Offsets = 0;
        }
        var list = new List();
        var path = (byte*)Malloc.Allocate(PathMax, 16);
        if (path == null)
            return NoSpace;
        nuint start = 0;
        var p = pattern;
        if (*p == '/')
        {
            path[start++] = (byte)'/';
            while (*p == '/')
                p++;
        }
        int r;
        var patternLength = Str.Length(pattern);
        if (!Magic(pattern, patternLength, flags))
        {
            // No wildcard anywhere: the path itself, as written (its escapes removed), if it exists.
            nuint at = 0;
            for (nuint i = 0; i < patternLength && at < PathMax - 2; i++)
            {
                if (pattern[i] == '\\' && (flags & NoEscape) == 0 && i + 1 < patternLength)
                    i++;
                path[at++] = pattern[i];
            }
            path[at] = 0;
            r = Exists(path) ? Found(path, at, flags, &list) : 0;
        }
        else
            r = Expand(path, start, p, flags, errfunc, &list);
        Malloc.Free(path);
        if (r == 0 && list.Count == 0)
        {
            if ((flags & NoCheck) == 0)
                r = NoMatch;
            else if (!Add(&list, pattern, Str.Length(pattern), false))
                r = NoSpace;
        }
        if (r == 0 || (r == Aborted && list.Count > 0))
        {
            if ((flags & NoSort) == 0)
                Sort(list.Items, list.Count);
            if (!Publish(g, &list, flags))
                r = NoSpace;
        }
        else
        {
            for (nuint i = 0; i < list.Count; i++)
                Malloc.Free(list.Items[i]);
        }
        if (list.Items != null)
            Malloc.Free(list.Items);
        g->Flags = flags;
        return r;
    }

    private static bool Magic(byte* s, nuint n, int flags)
    {
        for (nuint i = 0; i < n; i++)
        {
            var c = s[i];
            if (c == '*' || c == '?' || c == '[')
                return true;
            if (c == '\\' && (flags & NoEscape) == 0 && i + 1 < n)
                i++;
        }
        return false;
    }

    /// <summary>Adds the paths that <paramref name="rest"/> matches under path[0..length); 0 or GLOB_NOSPACE / GLOB_ABORTED.</summary>
    private static int Expand(byte* path, nuint length, byte* rest, int flags, delegate* unmanaged<byte*, int, int> errfunc, List* list)
    {
        var end = rest;
        while (*end != 0 && *end != '/')
            end++;
        var n = (nuint)(end - rest);
        var next = end;
        while (*next == '/')
            next++;
        var last = *next == 0;
        if (!Magic(rest, n, flags))
        {
            // A literal component, its escapes removed.
            var at = length;
            for (nuint i = 0; i < n && at < PathMax - 2; i++)
            {
                if (rest[i] == '\\' && (flags & NoEscape) == 0 && i + 1 < n)
                    i++;
                path[at++] = rest[i];
            }
            if (!last)
                path[at++] = (byte)'/';
            path[at] = 0;
            if (last || n == 0)
                return Exists(path) ? Found(path, at, flags, list) : 0;
            return Expand(path, at, next, flags, errfunc, list);
        }
        // The component as its own pattern.
        var component = stackalloc byte[256];
        if (n >= 256)
            return 0;
        Str.Copy(component, rest, n);
        component[n] = 0;
        path[length] = 0;
        fixed (byte* dot = ".\0"u8)
        {
            var fd = Pal.OpenAt(Sys_Stat.Stat.AtFdCwd, length == 0 ? dot : path, 0x10000 | 0x80000, 0);
            if (fd < 0)
            {
                // errfunc is told the directory without its trailing '/', as glibc does.
                if (length > 1)
                    path[length - 1] = 0;
                var stop = fd != -E.NOTDIR && ((errfunc != null && errfunc(length == 0 ? dot : path, (int)-fd) != 0) || (flags & Err) != 0);
                if (length > 1)
                    path[length - 1] = (byte)'/';
                return stop ? Aborted : 0;
            }
            var buffer = (byte*)Malloc.Allocate(8192, 16);
            if (buffer == null)
            {
                Pal.Close((int)fd);
                return NoSpace;
            }
            var result = 0;
            var matchFlags = Fnmatch.Fnmatch.Period | ((flags & NoEscape) != 0 ? Fnmatch.Fnmatch.NoEscape : 0);
            while (result == 0)
            {
                var got = Pal.ReadDirectory((int)fd, buffer, 8192);
                if (got <= 0)
                    break;
                for (var off = 0; off < (int)got && result == 0; off += *(ushort*)(buffer + off + 16))
                {
                    var name = buffer + off + 19;
                    if (!Fnmatch.Fnmatch.Match(component, name, name, matchFlags))
                        continue;
                    var nameLength = Str.Length(name);
                    if (length + nameLength + 2 >= PathMax)
                        continue;
                    Str.Copy(path + length, name, nameLength + 1);
                    if (last)
                        result = Found(path, length + nameLength, flags, list);
                    else
                    {
                        path[length + nameLength] = (byte)'/';
                        path[length + nameLength + 1] = 0;
                        result = Expand(path, length + nameLength + 1, next, flags, errfunc, list);
                    }
                }
            }
            Malloc.Free(buffer);
            Pal.Close((int)fd);
            return result;
        }
    }

    private static bool Exists(byte* path)
    {
        Sys_Stat.FileStatus st;
        return Pal.Status(Sys_Stat.Stat.AtFdCwd, path, &st, Sys_Stat.Stat.AtSymlinkNoFollow) >= 0;
    }

    private static int Found(byte* path, nuint length, int flags, List* list)
    {
        var mark = false;
        if ((flags & Mark) != 0 && (length == 0 || path[length - 1] != '/'))
        {
            Sys_Stat.FileStatus st;
            mark = Pal.Status(Sys_Stat.Stat.AtFdCwd, path, &st, 0) >= 0 && (st.Mode & 0xF000) == 0x4000;
        }
        return Add(list, path, length, mark) ? 0 : NoSpace;
    }

    private static bool Add(List* list, byte* text, nuint length, bool slash)
    {
        if (list->Count == list->Capacity)
        {
            var capacity = list->Capacity == 0 ? 16 : list->Capacity * 2;
            var bigger = (byte**)Malloc.Allocate(capacity * (nuint)sizeof(byte*), 16);
            if (bigger == null)
                return false;
            if (list->Items != null)
            {
                Str.Copy((byte*)bigger, (byte*)list->Items, list->Count * (nuint)sizeof(byte*));
                Malloc.Free(list->Items);
            }
            list->Items = bigger;
            list->Capacity = capacity;
        }
        var copy = (byte*)Malloc.Allocate(length + 2, 16);
        if (copy == null)
            return false;
        Str.Copy(copy, text, length);
        if (slash)
            copy[length++] = (byte)'/';
        copy[length] = 0;
        list->Items[list->Count++] = copy;
        return true;
    }

    /// <summary>Insertion sort by strcmp: glob lists are short, and each comparison is a string comparison anyway.</summary>
    private static void Sort(byte** items, nuint count)
    {
        for (nuint i = 1; i < count; i++)
        {
            var x = items[i];
            var j = i;
            while (j > 0 && Str.Compare(items[j - 1], x, nuint.MaxValue) > 0)
            {
                items[j] = items[j - 1];
                j--;
            }
            items[j] = x;
        }
    }

    /// <summary>Appends the list to gl_pathv (after the gl_offs null slots with GLOB_DOOFFS), NULL-terminated.</summary>
    private static bool Publish(GlobResult* g, List* list, int flags)
    {
        var offs = (flags & DoOffs) != 0 ? g->Offsets : 0;
        var old = g->PathV != null ? g->PathCount : 0;
        var total = offs + old + list->Count + 1;
        var v = (byte**)Malloc.Allocate(total * (nuint)sizeof(byte*), 16);
        if (v == null)
            return false;
        for (nuint i = 0; i < offs; i++)
            v[i] = null;
        for (nuint i = 0; i < old; i++)
            v[offs + i] = g->PathV[offs + i];
        for (nuint i = 0; i < list->Count; i++)
            v[offs + old + i] = list->Items[i];
        v[total - 1] = null;
        if (g->PathV != null)
            Malloc.Free(g->PathV);
        g->PathV = v;
        g->PathCount = old + list->Count;
        return true;
    }

    /// <summary>globfree — https://pubs.opengroup.org/onlinepubs/9699919799/functions/globfree.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "globfree")]
    public static void GlobFree(GlobResult* g)
    {
        if (g->PathV == null)
            return;
        var offs = (g->Flags & DoOffs) != 0 ? g->Offsets : 0;
        for (nuint i = 0; i < g->PathCount; i++)
            Malloc.Free(g->PathV[offs + i]);
        Malloc.Free(g->PathV);
        g->PathV = null;
        g->PathCount = 0;
    }
}
