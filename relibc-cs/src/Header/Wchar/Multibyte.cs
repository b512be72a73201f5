using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Header.Locale;

namespace Relibc.Header.Wchar;

/// <summary><c>mbstate_t</c>: the bits of a partly read UTF-8 character and how many continuation bytes it still needs.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct MbState
{
    public int Needed;
    public uint Value;
}

/// <summary>
/// The multibyte conversions of wchar.h and stdlib.h (C17 7.29.6, 7.22.7–8). In the C locale a character is one byte
/// below 0x80 (a byte from 0x80 on is EILSEQ, as glibc's C locale, which is ASCII); under C.UTF-8 it is UTF-8 as glibc's
/// C.UTF-8 has it: ISO 10646's 31-bit form (up to six bytes, U+7FFFFFFF — wider than RFC 3629's U+10FFFF), shortest form
/// only and no surrogates, both checked when the sequence is complete. Each function given no state has its own.
/// </summary>
public static unsafe class Multibyte
{
    private static MbState s_mbrtowc, s_mbrlen, s_wcrtomb, s_mbsrtowcs, s_wcsrtombs;
    internal static nuint Invalid => nuint.MaxValue;
    internal static nuint Incomplete => nuint.MaxValue - 1;

    /// <summary>
    /// mbrtowc's work: the bytes of <paramref name="s"/> (at most <paramref name="n"/>) that complete a character, 0 for
    /// the null character, <see cref="Incomplete"/> (the state keeps what was read) or <see cref="Invalid"/> (EILSEQ).
    /// </summary>
    internal static nuint Decode(uint* wc, byte* s, nuint n, MbState* st)
    {
        if (!Locales.Utf8)
        {
            if (n == 0)
                return Incomplete;
            if (*s >= 0x80)
            {
                Errno.Errno.Set(E.ILSEQ);
                return Invalid;
            }
            if (wc != null)
                *wc = *s;
            return *s == 0 ? 0u : 1u;
        }
        // The state: the continuation bytes still needed (low byte) and the sequence's length (bits 8–11).
        var needed = st->Needed & 0xFF;
        var length = st->Needed >> 8;
        var value = st->Value;
        nuint i = 0;
        if (needed == 0)
        {
            if (n == 0)
                return Incomplete;
            var b = s[i++];
            if (b < 0x80)
            {
                if (wc != null)
                    *wc = b;
                return b == 0 ? 0u : 1u;
            }
            if (b >= 0xC2 && b <= 0xDF) { needed = 1; value = b & 0x1Fu; }
            else if (b >= 0xE0 && b <= 0xEF) { needed = 2; value = b & 0x0Fu; }
            else if (b >= 0xF0 && b <= 0xF7) { needed = 3; value = b & 0x07u; }
            else if (b >= 0xF8 && b <= 0xFB) { needed = 4; value = b & 0x03u; }
            else if (b >= 0xFC && b <= 0xFD) { needed = 5; value = b & 0x01u; }
            else
            {
                Errno.Errno.Set(E.ILSEQ);
                return Invalid;
            }
            length = needed + 1;
        }
        while (needed > 0)
        {
            if (i == n)
            {
                st->Needed = needed | length << 8;
                st->Value = value;
                return Incomplete;
            }
            var b = s[i];
            if (b < 0x80 || b > 0xBF)
            {
                st->Needed = 0;
                st->Value = 0;
                Errno.Errno.Set(E.ILSEQ);
                return Invalid;
            }
            value = value << 6 | (b & 0x3Fu);
            needed--;
            i++;
        }
        st->Needed = 0;
        st->Value = 0;
        // Checked once the sequence is complete, as glibc does: a longer form than needed, or a surrogate.
        var least = length == 2 ? 0x80u : length == 3 ? 0x800u : length == 4 ? 0x10000u : length == 5 ? 0x200000u : 0x4000000u;
        if (value < least || (value >= 0xD800 && value <= 0xDFFF))
        {
            Errno.Errno.Set(E.ILSEQ);
            return Invalid;
        }
        if (wc != null)
            *wc = value;
        return i;
    }

    /// <summary>wcrtomb's work: the bytes of <paramref name="wc"/> in <paramref name="s"/> (at most 4), or <see cref="Invalid"/> (EILSEQ).</summary>
    internal static nuint Encode(byte* s, uint wc)
    {
        if (!Locales.Utf8)
        {
            if (wc >= 0x80)
            {
                Errno.Errno.Set(E.ILSEQ);
                return Invalid;
            }
            *s = (byte)wc;
            return 1;
        }
        if (wc < 0x80)
        {
            *s = (byte)wc;
            return 1;
        }
        if (wc < 0x800)
        {
            s[0] = (byte)(0xC0 | wc >> 6);
            s[1] = (byte)(0x80 | wc & 0x3F);
            return 2;
        }
        if (wc >= 0xD800 && wc <= 0xDFFF || wc > 0x7FFFFFFF)
        {
            Errno.Errno.Set(E.ILSEQ);
            return Invalid;
        }
        // The length, then the bytes from the last: 6 bits each, the lead's marker and what is left in front.
        nuint count = wc < 0x10000 ? 3u : wc < 0x200000 ? 4u : wc < 0x4000000 ? 5u : 6u;
        var v = wc;
        for (var k = count - 1; k > 0; k--)
        {
            s[k] = (byte)(0x80 | v & 0x3F);
            v >>= 6;
        }
        s[0] = (byte)((0xFF00 >> (int)count) & 0xFF | v);
        return count;
    }

    private static MbState* Own(MbState* given, MbState* own) => given != null ? given : own;

    /// <summary>mbrtowc — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mbrtowc.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "mbrtowc")]
    public static nuint MbRToWc(uint* wc, byte* s, nuint n, MbState* st)
    {
        fixed (MbState* own = &s_mbrtowc)
            return Restart(wc, s, n, Own(st, own));
    }

    /// <summary>mbrtowc with s == NULL: mbrtowc(NULL, "", 1, ps), which resets the state (EILSEQ if a character was incomplete).</summary>
    private static nuint Restart(uint* wc, byte* s, nuint n, MbState* st)
    {
        if (s == null)
        {
            // An incomplete character is EILSEQ and stays in the state, as in glibc.
            if (st->Needed != 0)
            {
                Errno.Errno.Set(E.ILSEQ);
                return Invalid;
            }
            return 0;
        }
        return Decode(wc, s, n, st);
    }

    /// <summary>mbrlen — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mbrlen.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "mbrlen")]
    public static nuint MbRLen(byte* s, nuint n, MbState* st)
    {
        fixed (MbState* own = &s_mbrlen)
            return Restart(null, s, n, Own(st, own));
    }

    /// <summary>mbsinit — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mbsinit.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "mbsinit")]
    public static int MbsInit(MbState* st) => st == null || st->Needed == 0 ? 1 : 0;

    /// <summary>wcrtomb — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcrtomb.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcrtomb")]
    public static nuint WcRToMb(byte* s, uint wc, MbState* st)
    {
        fixed (MbState* own = &s_wcrtomb)
        {
            var state = Own(st, own);
            state->Needed = 0;
            var buffer = stackalloc byte[4];
            return Encode(s != null ? s : buffer, s != null ? wc : 0);
        }
    }

    /// <summary>btowc — https://pubs.opengroup.org/onlinepubs/9699919799/functions/btowc.html (WEOF for EOF and for every byte from 0x80 on, in both locales)</summary>
    [UnmanagedCallersOnly(EntryPoint = "btowc")]
    public static uint BToWc(int c) => c >= 0 && c < 0x80 ? (uint)c : 0xFFFFFFFF;

    /// <summary>wctob — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wctob.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wctob")]
    public static int WcToB(uint c) => c < 0x80 ? (int)c : -1;

    /// <summary>
    /// mbsnrtowcs/mbsrtowcs's work: at most <paramref name="bytes"/> bytes of *src into at most <paramref name="count"/>
    /// wide characters (all of them when <paramref name="dst"/> is null, which only counts). *src moves past what was
    /// converted, to null at the terminator (when writing).
    /// </summary>
    internal static nuint ToWide(uint* dst, byte** src, nuint bytes, nuint count, MbState* st)
    {
        var s = *src;
        nuint written = 0;
        while (dst == null || written < count)
        {
            uint wc;
            var r = Decode(&wc, s, bytes, st);
            if (r == Invalid)
            {
                if (dst != null)
                    *src = s;
                return Invalid;
            }
            if (r == Incomplete)
            {
                s += bytes;
                break;
            }
            if (dst != null)
                dst[written] = wc;
            if (wc == 0)
            {
                if (dst != null)
                    *src = null;
                return written;
            }
            written++;
            s += r;
            bytes -= r;
        }
        if (dst != null)
            *src = s;
        return written;
    }

    /// <summary>wcsnrtombs/wcsrtombs's work: at most <paramref name="chars"/> wide characters of *src into at most <paramref name="count"/> bytes (no partial character).</summary>
    internal static nuint ToMultibyte(byte* dst, uint** src, nuint chars, nuint count)
    {
        var s = *src;
        nuint written = 0;
        var buffer = stackalloc byte[4];
        for (nuint i = 0; i < chars; i++)
        {
            var r = Encode(buffer, s[i]);
            if (r == Invalid)
            {
                if (dst != null)
                    *src = s + i;
                return Invalid;
            }
            if (s[i] == 0)
            {
                if (dst != null)
                {
                    if (written >= count)
                    {
                        *src = s + i;
                        return written;
                    }
                    dst[written] = 0;
                    *src = null;
                }
                return written;
            }
            if (dst != null)
            {
                if (written + r > count)
                {
                    *src = s + i;
                    return written;
                }
                for (nuint k = 0; k < r; k++)
                    dst[written + k] = buffer[k];
            }
            written += r;
        }
        if (dst != null)
            *src = s + chars;
        return written;
    }

    /// <summary>mbsrtowcs — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mbsrtowcs.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "mbsrtowcs")]
    public static nuint MbsRToWcs(uint* dst, byte** src, nuint count, MbState* st)
    {
        fixed (MbState* own = &s_mbsrtowcs)
            return ToWide(dst, src, nuint.MaxValue, count, Own(st, own));
    }

    /// <summary>mbsnrtowcs — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mbsnrtowcs.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "mbsnrtowcs")]
    public static nuint MbsNRToWcs(uint* dst, byte** src, nuint bytes, nuint count, MbState* st)
    {
        fixed (MbState* own = &s_mbsrtowcs)
            return ToWide(dst, src, bytes, count, Own(st, own));
    }

    /// <summary>wcsrtombs — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcsrtombs.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcsrtombs")]
    public static nuint WcsRToMbs(byte* dst, uint** src, nuint count, MbState* st) => ToMultibyte(dst, src, nuint.MaxValue, count);

    /// <summary>wcsnrtombs — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcsnrtombs.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcsnrtombs")]
    public static nuint WcsNRToMbs(byte* dst, uint** src, nuint chars, nuint count, MbState* st) => ToMultibyte(dst, src, chars, count);

    /// <summary>mblen — C17 7.22.7.1 (UTF-8 has no shift states: 0 for a null pointer).</summary>
    [UnmanagedCallersOnly(EntryPoint = "mblen")]
    public static int MbLen(byte* s, nuint n) => ToInt(null, s, n);

    /// <summary>mbtowc — C17 7.22.7.2</summary>
    [UnmanagedCallersOnly(EntryPoint = "mbtowc")]
    public static int MbToWc(uint* wc, byte* s, nuint n) => ToInt(wc, s, n);

    private static int ToInt(uint* wc, byte* s, nuint n)
    {
        if (s == null)
            return 0;
        var st = new MbState();
        var r = Decode(wc, s, n, &st);
        if (r == Incomplete)
        {
            Errno.Errno.Set(E.ILSEQ);
            return -1;
        }
        return r == Invalid ? -1 : (int)r;
    }

    /// <summary>wctomb — C17 7.22.7.3</summary>
    [UnmanagedCallersOnly(EntryPoint = "wctomb")]
    public static int WcToMb(byte* s, uint wc)
    {
        if (s == null)
            return 0;
        var r = Encode(s, wc);
        return r == Invalid ? -1 : (int)r;
    }

    /// <summary>mbstowcs — C17 7.22.8.1</summary>
    [UnmanagedCallersOnly(EntryPoint = "mbstowcs")]
    public static nuint MbsToWcs(uint* dst, byte* src, nuint count)
    {
        var st = new MbState();
        return ToWide(dst, &src, nuint.MaxValue, count, &st);
    }

    /// <summary>wcstombs — C17 7.22.8.2</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcstombs")]
    public static nuint WcsToMbs(byte* dst, uint* src, nuint count) => ToMultibyte(dst, &src, nuint.MaxValue, count);

    /// <summary>MB_CUR_MAX (stdlib.h's macro calls it, as glibc's): 6 under C.UTF-8 (glibc's value), else 1.</summary>
    [UnmanagedCallersOnly(EntryPoint = "__ctype_get_mb_cur_max")]
    public static nuint CurrentMax() => Locales.Utf8 ? 6u : 1u;
}
