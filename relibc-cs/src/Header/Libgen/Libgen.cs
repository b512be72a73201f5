using System.Runtime.InteropServices;

namespace Relibc.Header.Libgen;

/// <summary>libgen.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/libgen.h.html): the POSIX versions, which may change their argument.</summary>
public static unsafe class Libgen
{
    private static DotBuffer s_dot;

    private struct DotBuffer
    {
        public fixed byte Text[2];
    }

    private static byte* Dot()
    {
        fixed (byte* p = s_dot.Text)
        {
            p[0] = (byte)'.';
            p[1] = 0;
            return p;
        }
    }

    /// <summary>basename — https://pubs.opengroup.org/onlinepubs/9699919799/functions/basename.html ("." for null or empty; trailing slashes removed; "/" for all slashes).</summary>
    [UnmanagedCallersOnly(EntryPoint = "basename")]
    public static byte* BaseName(byte* path)
    {
        if (path == null || *path == 0)
            return Dot();
        nint end = (nint)String.Str.Length(path) - 1;
        while (end > 0 && path[end] == '/')
            path[end--] = 0;
        var start = end;
        while (start > 0 && path[start - 1] != '/')
            start--;
        return path + start;
    }

    /// <summary>dirname — https://pubs.opengroup.org/onlinepubs/9699919799/functions/dirname.html ("." when there is no slash).</summary>
    [UnmanagedCallersOnly(EntryPoint = "dirname")]
    public static byte* DirName(byte* path)
    {
        if (path == null || *path == 0)
            return Dot();
        nint length = (nint)String.Str.Length(path);
        nint slashes = 0;
        while (path[slashes] == '/')
            slashes++;
        if (slashes == length)
        {
            path[length == 2 ? 2 : 1] = 0; // all slashes: "//" stays, any other count is "/"
            return path;
        }
        nint i = length - 1;
        while (i > 0 && path[i] == '/')
            i--;
        while (i >= 0 && path[i] != '/')
            i--;
        if (i < 0)
            return Dot();
        var slashEnd = i;
        while (i > 0 && path[i] == '/')
            i--;
        // The directory is the root: "//" stays "//" (POSIX lets a leading pair mean something else; glibc keeps it).
        if (i == 0 && path[0] == '/')
            i = slashEnd == 1 ? 1 : 0;
        path[i + 1] = 0;
        return path;
    }
}
