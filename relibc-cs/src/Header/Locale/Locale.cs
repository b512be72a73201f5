using System;
using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Header.String;

namespace Relibc.Header.Locale;

/// <summary><c>struct lconv</c> of the C locale (C17 7.11.2.1): "." and empty strings, CHAR_MAX (the target's) for the numeric fields.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct NumericConventions
{
    public byte* DecimalPoint, ThousandsSep, Grouping, IntCurrSymbol, CurrencySymbol, MonDecimalPoint, MonThousandsSep,
        MonGrouping, PositiveSign, NegativeSign;
    public byte IntFracDigits, FracDigits, PCsPrecedes, PSepBySpace, NCsPrecedes, NSepBySpace, PSignPosn, NSignPosn,
        IntPCsPrecedes, IntPSepBySpace, IntNCsPrecedes, IntNSepBySpace, IntPSignPosn, IntNSignPosn;
}

/// <summary>
/// locale.h (C17 7.11; https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/locale.h.html): the C/POSIX locale
/// only, which is what every relibc-cs function behaves as. setlocale accepts "C", "POSIX" and "" (the environment's
/// choice, which can only be C here) and refuses every other name; newlocale and uselocale hand out the one C locale.
/// </summary>
public static unsafe class Locales
{
    private const int All = 6, Categories = 7;
#if VERIDIAN_X86_64
    private const byte CharMax = 127; // char is signed on x86_64
#else
    private const byte CharMax = 255; // and unsigned on aarch64 and riscv64
#endif
    private static NumericConventions s_conventions;
    private static NameBuffer s_name;

    private struct NameBuffer
    {
        public fixed byte Text[160];
    }

    /// <summary>The locale objects newlocale returns: the C locale (0) and C.UTF-8 (1); LC_GLOBAL_LOCALE is (locale_t)-1.</summary>
    private static int s_cLocale, s_utf8Locale = 1;

    /// <summary>Each category's locale: 0 "C", 1 "C.UTF-8", 2 "C.utf8" (glibc answers with the spelling it was given).</summary>
    private static Kinds s_kinds;

    private struct Kinds
    {
        public fixed byte Of[6];
    }

    /// <summary>Whether LC_CTYPE is C.UTF-8: the multibyte functions then read and write UTF-8, and the isw* functions know every code point.</summary>
    public static bool Utf8 => s_kinds.Of[0] != 0;

    /// <summary>Whether <paramref name="locale"/> (a locale_t; LC_GLOBAL_LOCALE: the global one) has C.UTF-8's LC_CTYPE.</summary>
    public static bool IsUtf8(void* locale) => locale == (void*)-1 ? Utf8 : locale != null && *(int*)locale == 1;

    private static ReadOnlySpan<byte> CategoryNames => "LC_CTYPE\0\0\0\0LC_NUMERIC\0\0LC_TIME\0\0\0\0\0LC_COLLATE\0\0LC_MONETARY\0LC_MESSAGES\0"u8;

    private static byte* Append(byte* p, ReadOnlySpan<byte> text)
    {
        for (var i = 0; i < text.Length && text[i] != 0; i++)
            *p++ = text[i];
        return p;
    }

    private static ReadOnlySpan<byte> KindName(int kind) => kind == 1 ? "C.UTF-8\0"u8 : kind == 2 ? "C.utf8\0"u8 : "C\0"u8;

    /// <summary>The name of <paramref name="category"/>'s locale (LC_ALL: glibc's "LC_CTYPE=…;LC_NUMERIC=…;…" when the categories differ), in a static buffer.</summary>
    private static byte* Name(int category)
    {
        fixed (byte* n = s_name.Text)
        {
            var p = n;
            var same = true;
            for (var i = 1; i < All; i++)
                same &= s_kinds.Of[i] == s_kinds.Of[0];
            if (category != All || same)
            {
                // A single name is a literal (read-only: C says the string must not be changed), so that earlier answers stay valid.
                fixed (byte* literal = KindName(s_kinds.Of[category != All ? category : 0]))
                    return literal;
            }
            {
                {
                    for (var i = 0; i < All; i++)
                    {
                        if (i > 0)
                            *p++ = (byte)';';
                        p = Append(p, CategoryNames.Slice(i * 12, 12));
                        *p++ = (byte)'=';
                        p = Append(p, KindName(s_kinds.Of[i]));
                    }
                }
            }
            *p = 0;
            return n;
        }
    }

    /// <summary>The locale a name means (0 C, 1 C.UTF-8, 2 C.utf8), or -1 for one relibc-cs does not have.</summary>
    private static int KindOf(byte* name)
    {
        if (name[0] == 0 || (name[0] == 'C' && name[1] == 0))
            return 0;
        fixed (byte* posix = "POSIX\0"u8, utf8 = "C.UTF-8\0"u8, utf8Short = "C.utf8\0"u8)
        {
            if (Str.Compare(name, posix, 6) == 0)
                return 0;
            if (Str.Compare(name, utf8, 8) == 0)
                return 1;
            if (Str.Compare(name, utf8Short, 7) == 0)
                return 2;
        }
        return -1;
    }

    /// <summary>
    /// setlocale — C17 7.11.1.1: "C" (also "POSIX" and "", the environment is not read), "C.UTF-8" and "C.utf8" for each
    /// category; null for any other name. C.UTF-8 differs from C in LC_CTYPE only: UTF-8 multibyte characters and
    /// Unicode's character classes.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "setlocale")]
    public static byte* SetLocale(int category, byte* name)
    {
        if ((uint)category >= Categories)
        {
            Errno.Errno.Set(E.INVAL);
            return null;
        }
        if (name != null)
        {
            var kind = KindOf(name);
            if (kind < 0)
                return null;
            for (var i = 0; i < All; i++)
            {
                if (category == All || category == i)
                    s_kinds.Of[i] = (byte)kind;
            }
        }
        return Name(category);
    }

    /// <summary>localeconv — C17 7.11.2.1</summary>
    [UnmanagedCallersOnly(EntryPoint = "localeconv")]
    public static NumericConventions* LocaleConv()
    {
        fixed (NumericConventions* c = &s_conventions)
        fixed (byte* dot = ".\0"u8, empty = "\0"u8)
        {
            c->DecimalPoint = dot;
            c->ThousandsSep = c->Grouping = c->IntCurrSymbol = c->CurrencySymbol = c->MonDecimalPoint = empty;
            c->MonThousandsSep = c->MonGrouping = c->PositiveSign = c->NegativeSign = empty;
            c->IntFracDigits = c->FracDigits = c->PCsPrecedes = c->PSepBySpace = c->NCsPrecedes = c->NSepBySpace = CharMax;
            c->PSignPosn = c->NSignPosn = c->IntPCsPrecedes = c->IntPSepBySpace = c->IntNCsPrecedes = CharMax;
            c->IntNSepBySpace = c->IntPSignPosn = c->IntNSignPosn = CharMax;
            return c;
        }
    }

    /// <summary>newlocale — https://pubs.opengroup.org/onlinepubs/9699919799/functions/newlocale.html (ENOENT for a locale other than C/POSIX; EINVAL for a bad mask).</summary>
    [UnmanagedCallersOnly(EntryPoint = "newlocale")]
    public static void* NewLocale(int mask, byte* name, void* base_)
    {
        if ((mask & ~((1 << All) - 1 | 1 << All)) != 0 || name == null)
        {
            Errno.Errno.Set(E.INVAL);
            return null;
        }
        var kind = KindOf(name);
        if (kind < 0)
        {
            Errno.Errno.Set(E.NOENT);
            return null;
        }
        // Only LC_CTYPE tells the two apart: it comes from the name when the mask has it, else from the base.
        var utf8 = (mask & 1) != 0 ? kind != 0 : base_ != null && base_ != (void*)-1 && *(int*)base_ == 1;
        fixed (int* c = &s_cLocale, u = &s_utf8Locale)
            return utf8 ? u : c;
    }

    /// <summary>duplocale — https://pubs.opengroup.org/onlinepubs/9699919799/functions/duplocale.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "duplocale")]
    public static void* DupLocale(void* locale)
    {
        fixed (int* c = &s_cLocale, u = &s_utf8Locale)
            return IsUtf8(locale) ? u : c;
    }

    /// <summary>freelocale — https://pubs.opengroup.org/onlinepubs/9699919799/functions/freelocale.html (the one C locale is never freed).</summary>
    [UnmanagedCallersOnly(EntryPoint = "freelocale")]
    public static void FreeLocale(void* locale) { }

    /// <summary>uselocale — https://pubs.opengroup.org/onlinepubs/9699919799/functions/uselocale.html (every thread uses the global C locale; the previous one is LC_GLOBAL_LOCALE).</summary>
    [UnmanagedCallersOnly(EntryPoint = "uselocale")]
    public static void* UseLocale(void* locale) => (void*)-1;
}
