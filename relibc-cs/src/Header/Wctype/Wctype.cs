using System.Runtime.InteropServices;
using Relibc.Header.Locale;

namespace Relibc.Header.Wctype;

/// <summary>
/// wctype.h and wchar.h's classification (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/wctype.h.html): in
/// the C locale only ASCII has classes (every other code point has none, maps to itself and has no width, as in glibc);
/// under C.UTF-8 every code point has glibc's C.UTF-8 properties (<see cref="Tables"/>, generated from it). The _l
/// functions take the locale object's LC_CTYPE.
/// </summary>
public static unsafe class Wctype
{
    /// <summary>The index into the property tables of <paramref name="c"/>, or -1: none (outside Unicode, or not ASCII in the C locale).</summary>
    internal static int Properties(uint c, bool utf8)
    {
        if (c >= (utf8 ? 0x110000u : 0x80u))
            return -1;
        var starts = Tables.RunStart;
        int lo = 0, hi = starts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= (int)c)
                lo = mid;
            else
                hi = mid - 1;
        }
        return Tables.RunProperty[lo];
    }

    internal static int Is(uint c, int bit, bool utf8)
    {
        var p = Properties(c, utf8);
        return p >= 0 && (Tables.Classes[p] & bit) != 0 ? 1 : 0;
    }

    internal static uint Upper(uint c, bool utf8)
    {
        var p = Properties(c, utf8);
        return p < 0 ? c : (uint)((int)c + Tables.UpperDelta[p]);
    }

    internal static uint Lower(uint c, bool utf8)
    {
        var p = Properties(c, utf8);
        return p < 0 ? c : (uint)((int)c + Tables.LowerDelta[p]);
    }

    /// <summary>wcwidth's work: the columns of <paramref name="c"/>, -1 when it is not printable.</summary>
    internal static int Width(uint c)
    {
        var p = Properties(c, Locales.Utf8);
        return p < 0 ? -1 : Tables.Width[p];
    }

    /// <summary>iswalnum — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswalnum.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswalnum")]
    public static int IswAlnum(uint c) => Is(c, 1, Locales.Utf8);

    /// <summary>iswalnum_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswalnum.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswalnum_l")]
    public static int IswAlnumL(uint c, void* locale) => Is(c, 1, Locales.IsUtf8(locale));

    /// <summary>iswalpha — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswalpha.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswalpha")]
    public static int IswAlpha(uint c) => Is(c, 2, Locales.Utf8);

    /// <summary>iswalpha_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswalpha.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswalpha_l")]
    public static int IswAlphaL(uint c, void* locale) => Is(c, 2, Locales.IsUtf8(locale));

    /// <summary>iswblank — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswblank.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswblank")]
    public static int IswBlank(uint c) => Is(c, 4, Locales.Utf8);

    /// <summary>iswblank_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswblank.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswblank_l")]
    public static int IswBlankL(uint c, void* locale) => Is(c, 4, Locales.IsUtf8(locale));

    /// <summary>iswcntrl — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswcntrl.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswcntrl")]
    public static int IswCntrl(uint c) => Is(c, 8, Locales.Utf8);

    /// <summary>iswcntrl_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswcntrl.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswcntrl_l")]
    public static int IswCntrlL(uint c, void* locale) => Is(c, 8, Locales.IsUtf8(locale));

    /// <summary>iswdigit — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswdigit.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswdigit")]
    public static int IswDigit(uint c) => Is(c, 16, Locales.Utf8);

    /// <summary>iswdigit_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswdigit.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswdigit_l")]
    public static int IswDigitL(uint c, void* locale) => Is(c, 16, Locales.IsUtf8(locale));

    /// <summary>iswgraph — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswgraph.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswgraph")]
    public static int IswGraph(uint c) => Is(c, 32, Locales.Utf8);

    /// <summary>iswgraph_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswgraph.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswgraph_l")]
    public static int IswGraphL(uint c, void* locale) => Is(c, 32, Locales.IsUtf8(locale));

    /// <summary>iswlower — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswlower.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswlower")]
    public static int IswLower(uint c) => Is(c, 64, Locales.Utf8);

    /// <summary>iswlower_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswlower.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswlower_l")]
    public static int IswLowerL(uint c, void* locale) => Is(c, 64, Locales.IsUtf8(locale));

    /// <summary>iswprint — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswprint.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswprint")]
    public static int IswPrint(uint c) => Is(c, 128, Locales.Utf8);

    /// <summary>iswprint_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswprint.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswprint_l")]
    public static int IswPrintL(uint c, void* locale) => Is(c, 128, Locales.IsUtf8(locale));

    /// <summary>iswpunct — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswpunct.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswpunct")]
    public static int IswPunct(uint c) => Is(c, 256, Locales.Utf8);

    /// <summary>iswpunct_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswpunct.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswpunct_l")]
    public static int IswPunctL(uint c, void* locale) => Is(c, 256, Locales.IsUtf8(locale));

    /// <summary>iswspace — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswspace.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswspace")]
    public static int IswSpace(uint c) => Is(c, 512, Locales.Utf8);

    /// <summary>iswspace_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswspace.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswspace_l")]
    public static int IswSpaceL(uint c, void* locale) => Is(c, 512, Locales.IsUtf8(locale));

    /// <summary>iswupper — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswupper.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswupper")]
    public static int IswUpper(uint c) => Is(c, 1024, Locales.Utf8);

    /// <summary>iswupper_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswupper.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswupper_l")]
    public static int IswUpperL(uint c, void* locale) => Is(c, 1024, Locales.IsUtf8(locale));

    /// <summary>iswxdigit — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswxdigit.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswxdigit")]
    public static int IswXdigit(uint c) => Is(c, 2048, Locales.Utf8);

    /// <summary>iswxdigit_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswxdigit.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswxdigit_l")]
    public static int IswXdigitL(uint c, void* locale) => Is(c, 2048, Locales.IsUtf8(locale));

    /// <summary>The class names wctype knows, in bit order.</summary>
    private static System.ReadOnlySpan<byte> ClassNames => "alnum\0alpha\0blank\0cntrl\0digit\0graph\0lower\0print\0punct\0space\0upper\0xdigit\0"u8;

    private static ulong Lookup(byte* name, System.ReadOnlySpan<byte> names)
    {
        var bit = 1UL;
        var start = 0;
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i] != 0)
                continue;
            var k = 0;
            while (start + k < i && name[k] == names[start + k])
                k++;
            if (start + k == i && name[k] == 0)
                return bit;
            bit <<= 1;
            start = i + 1;
        }
        return 0;
    }

    /// <summary>wctype — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wctype.html (the class's bit; 0 for an unknown name).</summary>
    [UnmanagedCallersOnly(EntryPoint = "wctype")]
    public static ulong WcType(byte* name) => Lookup(name, ClassNames);

    /// <summary>wctype_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wctype.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wctype_l")]
    public static ulong WcTypeL(byte* name, void* locale) => Lookup(name, ClassNames);

    /// <summary>iswctype — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswctype.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswctype")]
    public static int IswCType(uint c, ulong type) => type != 0 && type < 4096 && Is(c, (int)type, Locales.Utf8) != 0 ? 1 : 0;

    /// <summary>iswctype_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/iswctype.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "iswctype_l")]
    public static int IswCTypeL(uint c, ulong type, void* locale) => type != 0 && type < 4096 && Is(c, (int)type, Locales.IsUtf8(locale)) != 0 ? 1 : 0;

    /// <summary>towupper — https://pubs.opengroup.org/onlinepubs/9699919799/functions/towupper.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "towupper")]
    public static uint TowUpper(uint c) => Upper(c, Locales.Utf8);

    /// <summary>towupper_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/towupper.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "towupper_l")]
    public static uint TowUpperL(uint c, void* locale) => Upper(c, Locales.IsUtf8(locale));

    /// <summary>towlower — https://pubs.opengroup.org/onlinepubs/9699919799/functions/towlower.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "towlower")]
    public static uint TowLower(uint c) => Lower(c, Locales.Utf8);

    /// <summary>towlower_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/towlower.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "towlower_l")]
    public static uint TowLowerL(uint c, void* locale) => Lower(c, Locales.IsUtf8(locale));

    private static System.ReadOnlySpan<byte> TransNames => "toupper\0tolower\0"u8;

    /// <summary>wctrans — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wctrans.html (1 toupper, 2 tolower; 0 otherwise, errno untouched as in glibc).</summary>
    [UnmanagedCallersOnly(EntryPoint = "wctrans")]
    public static ulong WcTrans(byte* name) => Trans(name);

    /// <summary>wctrans_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wctrans.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wctrans_l")]
    public static ulong WcTransL(byte* name, void* locale) => Trans(name);

    private static ulong Trans(byte* name)
    {
        return Lookup(name, TransNames);
    }

    /// <summary>towctrans — https://pubs.opengroup.org/onlinepubs/9699919799/functions/towctrans.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "towctrans")]
    public static uint TowCTrans(uint c, ulong t) => t == 1 ? Upper(c, Locales.Utf8) : t == 2 ? Lower(c, Locales.Utf8) : c;

    /// <summary>towctrans_l — https://pubs.opengroup.org/onlinepubs/9699919799/functions/towctrans.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "towctrans_l")]
    public static uint TowCTransL(uint c, ulong t, void* locale) => t == 1 ? Upper(c, Locales.IsUtf8(locale)) : t == 2 ? Lower(c, Locales.IsUtf8(locale)) : c;

    /// <summary>wcwidth — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcwidth.html (XSI)</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcwidth")]
    public static int WcWidth(uint c) => Width(c);

    /// <summary>wcswidth — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wcswidth.html (XSI; -1 if any character is not printable)</summary>
    [UnmanagedCallersOnly(EntryPoint = "wcswidth")]
    public static int WcsWidth(uint* s, nuint n)
    {
        var total = 0;
        for (nuint i = 0; i < n && s[i] != 0; i++)
        {
            var w = Width(s[i]);
            if (w < 0)
                return -1;
            total += w;
        }
        return total;
    }
}
