using System.Runtime.InteropServices;
using Veridian.Interop;

namespace Relibc.Header.Time;

/// <summary><c>char *tzname[2]</c>: the standard and daylight names.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ZoneNames
{
    public byte* Standard;
    public byte* Daylight;
}

/// <summary>
/// Local time from a POSIX TZ string (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/V1_chap08.html,
/// TZ): <c>std offset [dst [offset] [,start[/time],end[/time]]]</c>, names of three or more letters or
/// <c>&lt;…&gt;</c>-quoted, offsets <c>[+-]hh[:mm[:ss]]</c> west of Greenwich, dates <c>Jn</c> (1–365, no February 29),
/// <c>n</c> (0–365) or <c>Mm.w.d</c>, times (default 02:00:00) that may be negative or past 24 hours (as glibc and
/// POSIX.1-2024 allow). A DST name without rules gets the US rules (M3.2.0,M11.1.0, glibc's built-in default); a TZ
/// that is unset, empty, a ":file" or not a valid string is UTC (no zoneinfo files are read). Each call reads TZ afresh.
/// </summary>
public static unsafe class Zone
{
    /// <summary>tzname — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tzset.html</summary>
    [CSymbol("tzname")]
    public static ZoneNames Names;

    /// <summary>timezone: seconds west of UTC of standard time (XSI).</summary>
    [CSymbol("timezone")]
    public static long SecondsWest;

    /// <summary>daylight: nonzero when the zone has a daylight-saving time (XSI).</summary>
    [CSymbol("daylight")]
    public static int HasDaylight;

    private static NameBuffer s_standard, s_daylight;

    private struct NameBuffer
    {
        public fixed byte Text[32];
    }

    /// <summary>One transition rule: kind 'J', 'D' (zero-based day) or 'M'; its numbers; the local time of day in seconds.</summary>
    private struct Rule
    {
        public byte Kind;
        public int Day, Week, Month;
        public long Time;
    }

    /// <summary>A parsed TZ: offsets are seconds to add to local time to get UTC (POSIX's sign).</summary>
    private struct Info
    {
        public long StandardOffset, DaylightOffset;
        public bool Daylight;
        public Rule Start, End;
    }

    /// <summary>Reads TZ into <paramref name="z"/> and the name buffers (UTC when TZ is unset, empty or invalid).</summary>
    private static void Load(Info* z)
    {
        z->StandardOffset = 0;
        z->Daylight = false;
        byte* tz;
        fixed (byte* name = "TZ\0"u8)
            tz = Stdlib.Env.Find(name);
        // ":name" names a zoneinfo file, which relibc-cs does not read: UTC, like an unset TZ.
        if (tz != null && *tz == ':')
            tz = null;
        fixed (NameBuffer* std = &s_standard)
        fixed (NameBuffer* dst = &s_daylight)
        {
            if (tz == null || *tz == 0 || !Parse(tz, z, std->Text, dst->Text))
            {
                z->StandardOffset = 0;
                z->Daylight = false;
                std->Text[0] = (byte)'U';
                std->Text[1] = (byte)'T';
                std->Text[2] = (byte)'C';
                std->Text[3] = 0;
            }
            if (!z->Daylight)
            {
                for (var i = 0; i < 32; i++)
                    dst->Text[i] = std->Text[i];
            }
            Names.Standard = std->Text;
            Names.Daylight = dst->Text;
        }
        SecondsWest = z->StandardOffset;
        HasDaylight = z->Daylight ? 1 : 0;
    }

    private static bool Parse(byte* p, Info* z, byte* std, byte* dst)
    {
        if (!Name(ref p, std) || !Offset(ref p, &z->StandardOffset, true))
            return false;
        if (*p == 0)
            return true;
        if (!Name(ref p, dst))
            return false;
        z->Daylight = true;
        z->DaylightOffset = z->StandardOffset - 3600;
        if (*p != 0 && *p != ',' && !Offset(ref p, &z->DaylightOffset, true))
            return false;
        if (*p == 0)
        {
            // No rules: the US rules since 2007, glibc's default when it has no posixrules file.
            z->Start = new Rule { Kind = (byte)'M', Month = 3, Week = 2, Day = 0, Time = 7200 };
            z->End = new Rule { Kind = (byte)'M', Month = 11, Week = 1, Day = 0, Time = 7200 };
            return true;
        }
        if (*p++ != ',' || !ParseRule(ref p, &z->Start) || *p++ != ',' || !ParseRule(ref p, &z->End))
            return false;
        return *p == 0;
    }

    /// <summary>A zone name: three or more letters, or &lt;…&gt; of letters, digits, '+' and '-'.</summary>
    private static bool Name(ref byte* p, byte* output)
    {
        var n = 0;
        if (*p == '<')
        {
            p++;
            while (*p != '>')
            {
                var c = *p;
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '-') || n >= 31)
                    return false;
                output[n++] = c;
                p++;
            }
            p++;
        }
        else
        {
            while ((*p >= 'A' && *p <= 'Z' || *p >= 'a' && *p <= 'z') && n < 31)
                output[n++] = *p++;
        }
        output[n] = 0;
        return n >= 3;
    }

    /// <summary>[+-]hh[:mm[:ss]] in seconds (hours up to 24 for an offset, 167 for a rule's time).</summary>
    private static bool Offset(ref byte* p, long* result, bool signed)
    {
        long sign = 1;
        if (*p == '+' || *p == '-')
        {
            if (!signed)
                return false;
            sign = *p == '-' ? -1 : 1;
            p++;
        }
        long total = 0;
        for (var part = 0; part < 3; part++)
        {
            if (part > 0)
            {
                if (*p != ':')
                    break;
                p++;
            }
            if (*p < '0' || *p > '9')
                return false;
            long v = 0;
            var digits = 0;
            while (*p >= '0' && *p <= '9' && digits < 3)
            {
                v = v * 10 + (*p++ - '0');
                digits++;
            }
            if (part > 0 && v > 59)
                return false;
            total += part == 0 ? v * 3600 : part == 1 ? v * 60 : v;
        }
        if (total > 167 * 3600 + 59 * 60 + 59)
            return false;
        *result = sign * total;
        return true;
    }

    private static bool Number(ref byte* p, int* result, int min, int max)
    {
        if (*p < '0' || *p > '9')
            return false;
        var v = 0;
        while (*p >= '0' && *p <= '9' && v <= max)
            v = v * 10 + (*p++ - '0');
        *result = v;
        return v >= min && v <= max;
    }

    private static bool ParseRule(ref byte* p, Rule* r)
    {
        if (*p == 'J')
        {
            p++;
            r->Kind = (byte)'J';
            if (!Number(ref p, &r->Day, 1, 365))
                return false;
        }
        else if (*p == 'M')
        {
            p++;
            r->Kind = (byte)'M';
            if (!Number(ref p, &r->Month, 1, 12) || *p++ != '.' || !Number(ref p, &r->Week, 1, 5) || *p++ != '.' || !Number(ref p, &r->Day, 0, 6))
                return false;
        }
        else
        {
            r->Kind = (byte)'D';
            if (!Number(ref p, &r->Day, 0, 365))
                return false;
        }
        r->Time = 7200;
        if (*p == '/')
        {
            p++;
            return Offset(ref p, &r->Time, true);
        }
        return true;
    }

    /// <summary>The local (wall-clock, in the offset that applies before it) seconds since the epoch at which <paramref name="r"/> falls in <paramref name="year"/>.</summary>
    private static long Transition(Rule* r, long year)
    {
        var jan1 = Calendar.DaysFromCivil(year, 1, 1);
        long day;
        if (r->Kind == 'J')
        {
            // Jn: 1–365, February 29 never counted.
            day = jan1 + r->Day - 1;
            if (Calendar.IsLeap(year) && r->Day >= 60)
                day++;
        }
        else if (r->Kind == 'D')
            day = jan1 + r->Day;
        else
        {
            // Mm.w.d: the d'th day (0 = Sunday) of week w of month m, week 5 being the last such day.
            var first = Calendar.DaysFromCivil(year, r->Month, 1);
            var weekday = (first + 4) % 7;
            if (weekday < 0)
                weekday += 7;
            var offset = (r->Day - weekday + 7) % 7;
            day = first + offset + (r->Week - 1) * 7L;
            var length = r->Month == 12 ? 31 : Calendar.DaysFromCivil(year, r->Month + 1, 1) - first;
            while (day - first >= length)
                day -= 7;
        }
        return day * 86400 + r->Time;
    }

    /// <summary>Whether daylight time applies at the UTC instant <paramref name="t"/>.</summary>
    private static bool InDaylight(Info* z, long t)
    {
        if (!z->Daylight)
            return false;
        // The transitions of the UTC year of t, as UTC instants (glibc takes the same year).
        var days = t / 86400 - (t % 86400 < 0 ? 1 : 0);
        var year = YearOf(days);
        var start = Transition(&z->Start, year) + z->StandardOffset;
        var end = Transition(&z->End, year) + z->DaylightOffset;
        return start < end ? t >= start && t < end : !(t >= end && t < start);
    }

    private static long YearOf(long days)
    {
        var zz = days + 719468;
        var era = (zz >= 0 ? zz : zz - 146096) / 146097;
        var doe = zz - era * 146097;
        var yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        var doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        var mp = (5 * doy + 2) / 153;
        return yoe + era * 400 + (mp < 10 ? 0 : 1);
    }

    /// <summary>tzset — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tzset.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "tzset")]
    public static void TzSet()
    {
        Info z;
        Load(&z);
    }

    /// <summary>localtime's work: <paramref name="t"/> in the TZ zone, with tm_isdst, tm_gmtoff and tm_zone; null and EOVERFLOW when the year does not fit.</summary>
    internal static BrokenDown* Local(long t, BrokenDown* tm)
    {
        Info z;
        Load(&z);
        var daylight = InDaylight(&z, t);
        var offset = daylight ? z.DaylightOffset : z.StandardOffset;
        if (Calendar.Split(t - offset, tm) == null)
            return null;
        tm->Dst = daylight ? 1 : 0;
        tm->GmtOffset = -offset;
        tm->Zone = daylight ? Names.Daylight : Names.Standard;
        return tm;
    }

    /// <summary>
    /// mktime's work: the fields as local time (normalized), the UTC instant returned and <paramref name="tm"/>
    /// rewritten by <see cref="Local"/>. tm_isdst &gt; 0 reads the fields as daylight time, 0 as standard time, and
    /// &lt; 0 lets the rules decide (the repeated hour of the fall is read as standard time, the skipped hour of the
    /// spring as standard time too — glibc's choice in the gap; in the repeated hour its choice depends on earlier calls).
    /// </summary>
    internal static long Make(BrokenDown* tm)
    {
        Info z;
        Load(&z);
        var wall = Calendar.Fields(tm);
        long t;
        if (!z.Daylight || tm->Dst == 0)
            t = wall + z.StandardOffset;
        else if (tm->Dst > 0)
            t = wall + z.DaylightOffset;
        else
        {
            // The standard reading unless daylight time applies to it (so the repeated hour of the fall is standard time, as in glibc).
            // In the skipped hour of the spring neither reading holds; the standard one is taken, as glibc does.
            t = wall + z.StandardOffset;
            if (InDaylight(&z, t) && InDaylight(&z, wall + z.DaylightOffset))
                t = wall + z.DaylightOffset;
        }
        if (Local(t, tm) == null)
            return -1;
        return t;
    }
}
