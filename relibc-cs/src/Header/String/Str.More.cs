using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Header.Stdlib;

namespace Relibc.Header.String;

/// <summary>The rest of string.h: duplication, tokens, stp*, the C locale's collation, error messages.</summary>
public static unsafe class StrMore
{
    private static byte* s_tokenState;
    private static ErrorText s_unknown;

    private struct ErrorText
    {
        public fixed byte Bytes[32];
    }

    /// <summary>strdup — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strdup.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strdup")]
    public static byte* StrDup(byte* s) => Duplicate(s, Str.Length(s));

    /// <summary>strndup — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strndup.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strndup")]
    public static byte* StrNDup(byte* s, nuint max)
    {
        nuint n = 0;
        while (n < max && s[n] != 0)
            n++;
        return Duplicate(s, n);
    }

    /// <summary>stpcpy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/stpcpy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "stpcpy")]
    public static byte* StpCpy(byte* destination, byte* source)
    {
        var n = Str.Length(source);
        Str.Copy(destination, source, n + 1);
        return destination + n;
    }

    /// <summary>stpncpy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/stpncpy.html (returns the end of the copy, or destination+n).</summary>
    [UnmanagedCallersOnly(EntryPoint = "stpncpy")]
    public static byte* StpNCpy(byte* destination, byte* source, nuint n)
    {
        nuint i = 0;
        for (; i < n && source[i] != 0; i++)
            destination[i] = source[i];
        Str.Fill(destination + i, 0, n - i);
        return destination + i;
    }

    /// <summary>memccpy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/memccpy.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "memccpy")]
    public static void* MemCCpy(void* destination, void* source, int c, nuint n)
    {
        var d = (byte*)destination;
        var s = (byte*)source;
        for (nuint i = 0; i < n; i++)
        {
            d[i] = s[i];
            if (s[i] == (byte)c)
                return d + i + 1;
        }
        return null;
    }

    /// <summary>strpbrk — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strpbrk.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strpbrk")]
    public static byte* StrPBrk(byte* s, byte* accept)
    {
        for (; *s != 0; s++)
        {
            for (var a = accept; *a != 0; a++)
            {
                if (*a == *s)
                    return s;
            }
        }
        return null;
    }

    /// <summary>strtok — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strtok.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strtok")]
    public static byte* StrTok(byte* s, byte* separators)
    {
        fixed (byte** state = &s_tokenState)
            return Token(s, separators, state);
    }

    /// <summary>strtok_r — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strtok_r.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "strtok_r")]
    public static byte* StrTokR(byte* s, byte* separators, byte** state) => Token(s, separators, state);

    /// <summary>strcoll — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strcoll.html (the C locale: strcmp).</summary>
    [UnmanagedCallersOnly(EntryPoint = "strcoll")]
    public static int StrColl(byte* a, byte* b) => Str.Compare(a, b, nuint.MaxValue);

    /// <summary>strxfrm — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strxfrm.html (the C locale: a copy).</summary>
    [UnmanagedCallersOnly(EntryPoint = "strxfrm")]
    public static nuint StrXfrm(byte* destination, byte* source, nuint n)
    {
        var length = Str.Length(source);
        if (length < n)
            Str.Copy(destination, source, length + 1);
        return length;
    }

    /// <summary>strerror — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strerror.html (glibc's texts).</summary>
    [UnmanagedCallersOnly(EntryPoint = "strerror")]
    public static byte* StrError(int code)
    {
        var known = Message(code);
        if (known != null)
            return known;
        fixed (ErrorText* t = &s_unknown)
        {
            UnknownText(code, t->Bytes, 32);
            return t->Bytes;
        }
    }

    /// <summary>strerror_r — https://pubs.opengroup.org/onlinepubs/9699919799/functions/strerror_r.html (XSI: returns 0, EINVAL or ERANGE).</summary>
    [UnmanagedCallersOnly(EntryPoint = "strerror_r")]
    public static int StrErrorR(int code, byte* buffer, nuint size)
    {
        var known = Message(code);
        var text = stackalloc byte[32];
        if (known == null)
            UnknownText(code, text, 32);
        var source = known != null ? known : text;
        var length = Str.Length(source);
        if (size == 0)
            return E.RANGE;
        var n = length < size ? length : size - 1;
        Str.Copy(buffer, source, n);
        buffer[n] = 0;
        return known == null ? E.INVAL : length < size ? 0 : E.RANGE;
    }

    private static byte* Duplicate(byte* s, nuint n)
    {
        var copy = (byte*)Malloc.Allocate(n + 1, 16);
        if (copy == null)
            return null;
        Str.Copy(copy, s, n);
        copy[n] = 0;
        return copy;
    }

    private static byte* Token(byte* s, byte* separators, byte** state)
    {
        if (s == null)
            s = *state;
        if (s == null)
            return null;
        while (*s != 0 && IsIn(*s, separators))
            s++;
        if (*s == 0)
        {
            *state = null;
            return null;
        }
        var token = s;
        while (*s != 0 && !IsIn(*s, separators))
            s++;
        if (*s != 0)
        {
            *s = 0;
            *state = s + 1;
        }
        else
        {
            *state = null;
        }
        return token;
    }

    private static bool IsIn(byte c, byte* set)
    {
        for (; *set != 0; set++)
        {
            if (*set == c)
                return true;
        }
        return false;
    }

    private static void UnknownText(int code, byte* buffer, int size)
    {
        var sink = new Stdio.Sink { Buffer = buffer, Capacity = (nuint)size - 1 };
        fixed (byte* prefix = "Unknown error "u8)
            sink.Put(prefix, 14);
        var digits = stackalloc byte[12];
        var n = 0;
        var negative = code < 0;
        var v = negative ? -(long)code : code;
        do
        {
            digits[n++] = (byte)('0' + v % 10);
            v /= 10;
        }
        while (v != 0);
        if (negative)
            digits[n++] = (byte)'-';
        while (n > 0)
            sink.Put(&digits[--n], 1);
        buffer[sink.Count < sink.Capacity ? sink.Count : sink.Capacity] = 0;
    }

    /// <summary>glibc's message for the errno values relibc-cs defines, or null.</summary>
    internal static byte* Message(int code)
    {
        var text = code switch
        {
            0 => "Success\0"u8,
            E.PERM => "Operation not permitted\0"u8,
            E.NOENT => "No such file or directory\0"u8,
            E.SRCH => "No such process\0"u8,
            E.INTR => "Interrupted system call\0"u8,
            E.IO => "Input/output error\0"u8,
            E.NXIO => "No such device or address\0"u8,
            E.TOOBIG => "Argument list too long\0"u8,
            E.NOEXEC => "Exec format error\0"u8,
            E.BADF => "Bad file descriptor\0"u8,
            E.CHILD => "No child processes\0"u8,
            E.AGAIN => "Resource temporarily unavailable\0"u8,
            E.NOMEM => "Cannot allocate memory\0"u8,
            E.ACCES => "Permission denied\0"u8,
            E.FAULT => "Bad address\0"u8,
            E.BUSY => "Device or resource busy\0"u8,
            E.EXIST => "File exists\0"u8,
            E.XDEV => "Invalid cross-device link\0"u8,
            E.NODEV => "No such device\0"u8,
            E.NOTDIR => "Not a directory\0"u8,
            E.ISDIR => "Is a directory\0"u8,
            E.INVAL => "Invalid argument\0"u8,
            E.NFILE => "Too many open files in system\0"u8,
            E.MFILE => "Too many open files\0"u8,
            E.NOTTY => "Inappropriate ioctl for device\0"u8,
            E.FBIG => "File too large\0"u8,
            E.NOSPC => "No space left on device\0"u8,
            E.SPIPE => "Illegal seek\0"u8,
            E.ROFS => "Read-only file system\0"u8,
            E.MLINK => "Too many links\0"u8,
            E.PIPE => "Broken pipe\0"u8,
            E.DOM => "Numerical argument out of domain\0"u8,
            E.RANGE => "Numerical result out of range\0"u8,
            E.NAMETOOLONG => "File name too long\0"u8,
            E.NOSYS => "Function not implemented\0"u8,
            E.NOTEMPTY => "Directory not empty\0"u8,
            E.OVERFLOW => "Value too large for defined data type\0"u8,
            E.ILSEQ => "Invalid or incomplete multibyte or wide character\0"u8,
            _ => default,
        };
        if (text.Length == 0)
            return null;
        fixed (byte* p = text)
            return p; // u8 literals are read-only data: the pointer outlives the fixed block
    }
}
