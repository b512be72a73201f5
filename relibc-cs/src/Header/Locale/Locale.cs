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
    private static CName s_name;

    private struct CName
    {
        public fixed byte Text[2];
    }

    /// <summary>The C locale object newlocale returns; LC_GLOBAL_LOCALE is (locale_t)-1.</summary>
    private static int s_cLocale;

    private static byte* Name()
    {
        fixed (byte* n = s_name.Text)
        {
            n[0] = (byte)'C';
            n[1] = 0;
            return n;
        }
    }

    private static bool IsC(byte* name)
    {
        if (name[0] == 0 || (name[0] == 'C' && name[1] == 0))
            return true;
        fixed (byte* posix = "POSIX\0"u8)
            return Str.Compare(name, posix, 6) == 0;
    }

    /// <summary>setlocale — C17 7.11.1.1 ("C" for every category; null for a name other than C, POSIX or "").</summary>
    [UnmanagedCallersOnly(EntryPoint = "setlocale")]
    public static byte* SetLocale(int category, byte* name)
    {
        if ((uint)category >= Categories)
        {
            Errno.Errno.Set(E.INVAL);
            return null;
        }
        if (name != null && !IsC(name))
            return null;
        return Name();
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
        if (!IsC(name))
        {
            Errno.Errno.Set(E.NOENT);
            return null;
        }
        fixed (int* c = &s_cLocale)
            return c;
    }

    /// <summary>duplocale — https://pubs.opengroup.org/onlinepubs/9699919799/functions/duplocale.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "duplocale")]
    public static void* DupLocale(void* locale)
    {
        fixed (int* c = &s_cLocale)
            return c;
    }

    /// <summary>freelocale — https://pubs.opengroup.org/onlinepubs/9699919799/functions/freelocale.html (the one C locale is never freed).</summary>
    [UnmanagedCallersOnly(EntryPoint = "freelocale")]
    public static void FreeLocale(void* locale) { }

    /// <summary>uselocale — https://pubs.opengroup.org/onlinepubs/9699919799/functions/uselocale.html (every thread uses the global C locale; the previous one is LC_GLOBAL_LOCALE).</summary>
    [UnmanagedCallersOnly(EntryPoint = "uselocale")]
    public static void* UseLocale(void* locale) => (void*)-1;
}
