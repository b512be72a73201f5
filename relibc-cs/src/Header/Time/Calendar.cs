using System;
using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Platform;

namespace Relibc.Header.Time;

/// <summary><c>struct tm</c> (C17 7.27.1): nine ints, then glibc's and musl's tm_gmtoff and tm_zone.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct BrokenDown
{
    public int Second, Minute, Hour, Day, Month, Year, WeekDay, YearDay, Dst;
    public long GmtOffset;
    public byte* Zone;
}

/// <summary>
/// The calendar functions (C17 7.27.2–7.27.3; https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/time.h.html),
/// proleptic Gregorian, for every time_t whose year fits an int (else EOVERFLOW). Local time is the TZ variable's POSIX
/// rule string (<see cref="Zone"/>); gmtime's tm_zone is "GMT", as glibc names UTC there.
/// </summary>
public static unsafe class Calendar
{
    private static BrokenDown s_tm;
    private static AscBuffer s_asc;

    private struct AscBuffer
    {
        public fixed byte Text[32];
    }

    private const long SecondsPerDay = 86400;

    /// <summary>gmtime_r — https://pubs.opengroup.org/onlinepubs/9699919799/functions/gmtime_r.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "gmtime_r")]
    public static BrokenDown* GmTimeR(long* time, BrokenDown* result) => Split(*time, result);

    /// <summary>gmtime — https://pubs.opengroup.org/onlinepubs/9699919799/functions/gmtime.html (one static result, shared with localtime).</summary>
    [UnmanagedCallersOnly(EntryPoint = "gmtime")]
    public static BrokenDown* GmTime(long* time)
    {
        fixed (BrokenDown* tm = &s_tm)
            return Split(*time, tm);
    }

    /// <summary>localtime_r — https://pubs.opengroup.org/onlinepubs/9699919799/functions/localtime_r.html (in the zone TZ names, read at each call as glibc does).</summary>
    [UnmanagedCallersOnly(EntryPoint = "localtime_r")]
    public static BrokenDown* LocalTimeR(long* time, BrokenDown* result) => Zone.Local(*time, result);

    /// <summary>localtime — https://pubs.opengroup.org/onlinepubs/9699919799/functions/localtime.html (sets tzname, timezone and daylight, as tzset).</summary>
    [UnmanagedCallersOnly(EntryPoint = "localtime")]
    public static BrokenDown* LocalTime(long* time)
    {
        fixed (BrokenDown* tm = &s_tm)
            return Zone.Local(*time, tm);
    }

    /// <summary>mktime — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mktime.html: normalizes the fields (any may be out of range) and sets tm_wday and tm_yday; -1 and EOVERFLOW when the result does not fit.</summary>
    [UnmanagedCallersOnly(EntryPoint = "mktime")]
    public static long MkTime(BrokenDown* tm) => Zone.Make(tm);

    /// <summary>timegm (BSD, glibc, musl; in POSIX 2024): mktime in UTC.</summary>
    [UnmanagedCallersOnly(EntryPoint = "timegm")]
    public static long TimeGm(BrokenDown* tm) => Join(tm);

    /// <summary>difftime — C17 7.27.2.2</summary>
    [UnmanagedCallersOnly(EntryPoint = "difftime")]
    public static double DiffTime(long end, long start) => (double)(end - start);

    /// <summary>asctime_r — https://pubs.opengroup.org/onlinepubs/9699919799/functions/asctime_r.html ("Sun Sep 16 01:03:52 1973\n"; EOVERFLOW beyond 4 year digits).</summary>
    [UnmanagedCallersOnly(EntryPoint = "asctime_r")]
    public static byte* AscTimeR(BrokenDown* tm, byte* buffer) => Asc(tm, buffer);

    /// <summary>asctime — C17 7.27.3.1</summary>
    [UnmanagedCallersOnly(EntryPoint = "asctime")]
    public static byte* AscTime(BrokenDown* tm)
    {
        fixed (byte* b = s_asc.Text)
            return Asc(tm, b);
    }

    /// <summary>ctime_r — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ctime_r.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "ctime_r")]
    public static byte* CTimeR(long* time, byte* buffer)
    {
        BrokenDown tm;
        return Zone.Local(*time, &tm) == null ? null : Asc(&tm, buffer);
    }

    /// <summary>ctime — C17 7.27.3.2: asctime(localtime(t)).</summary>
    [UnmanagedCallersOnly(EntryPoint = "ctime")]
    public static byte* CTime(long* time)
    {
        fixed (BrokenDown* tm = &s_tm)
        fixed (byte* b = s_asc.Text)
            return Zone.Local(*time, tm) == null ? null : Asc(tm, b);
    }

    private static ReadOnlySpan<byte> DayNames => "SunMonTueWedThuFriSat"u8;
    private static ReadOnlySpan<byte> MonthNames => "JanFebMarAprMayJunJulAugSepOctNovDec"u8;

    private static byte* Asc(BrokenDown* tm, byte* b)
    {
        var year = (long)tm->Year + 1900;
        if (year > 9999 || year < -999 || (uint)tm->WeekDay > 6 || (uint)tm->Month > 11)
        {
            Errno.Errno.Set(E.OVERFLOW);
            return null;
        }
        var p = b;
        for (var i = 0; i < 3; i++)
            *p++ = DayNames[tm->WeekDay * 3 + i];
        *p++ = (byte)' ';
        for (var i = 0; i < 3; i++)
            *p++ = MonthNames[tm->Month * 3 + i];
        *p++ = (byte)' ';
        p = Two(p, tm->Day, (byte)' ');
        *p++ = (byte)' ';
        p = Two(p, tm->Hour, (byte)'0');
        *p++ = (byte)':';
        p = Two(p, tm->Minute, (byte)'0');
        *p++ = (byte)':';
        p = Two(p, tm->Second, (byte)'0');
        *p++ = (byte)' ';
        p = Decimal(p, year);
        *p++ = (byte)'\n';
        *p = 0;
        return b;
    }

    private static byte* Two(byte* p, int v, byte pad)
    {
        if ((uint)v > 99)
            return Decimal(p, v);
        *p++ = v < 10 ? pad : (byte)('0' + v / 10);
        *p++ = (byte)('0' + v % 10);
        return p;
    }

    internal static byte* Decimal(byte* p, long v)
    {
        if (v < 0)
        {
            *p++ = (byte)'-';
            v = -v;
        }
        var digits = stackalloc byte[20];
        var n = 0;
        do
        {
            digits[n++] = (byte)('0' + v % 10);
            v /= 10;
        } while (v != 0);
        while (n > 0)
            *p++ = digits[--n];
        return p;
    }

    /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (month 1–12), by the era algorithm (exact for all longs that matter).</summary>
    internal static long DaysFromCivil(long y, long m, long d)
    {
        y -= m <= 2 ? 1 : 0;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - era * 400;
        var doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        var doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    internal static bool IsLeap(long y) => y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);

    /// <summary>Breaks <paramref name="t"/> (seconds since the epoch, UTC) into <paramref name="tm"/>; null and EOVERFLOW when the year does not fit an int.</summary>
    internal static BrokenDown* Split(long t, BrokenDown* tm)
    {
        var days = t / SecondsPerDay;
        var secs = t % SecondsPerDay;
        if (secs < 0)
        {
            secs += SecondsPerDay;
            days--;
        }
        // civil_from_days
        var z = days + 719468;
        var era = (z >= 0 ? z : z - 146096) / 146097;
        var doe = z - era * 146097;
        var yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        var y = yoe + era * 400;
        var doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        var mp = (5 * doy + 2) / 153;
        var d = doy - (153 * mp + 2) / 5 + 1;
        var m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2)
            y++;
        if (y - 1900 > int.MaxValue || y - 1900 < int.MinValue)
        {
            Errno.Errno.Set(E.OVERFLOW);
            return null;
        }
        tm->Year = (int)(y - 1900);
        tm->Month = (int)(m - 1);
        tm->Day = (int)d;
        tm->Hour = (int)(secs / 3600);
        tm->Minute = (int)(secs / 60 % 60);
        tm->Second = (int)(secs % 60);
        var wd = (days + 4) % 7;
        tm->WeekDay = (int)(wd < 0 ? wd + 7 : wd);
        tm->YearDay = (int)(days - DaysFromCivil(y, 1, 1));
        tm->Dst = 0;
        tm->GmtOffset = 0;
        fixed (byte* zone = "GMT\0"u8)
            tm->Zone = zone;
        return tm;
    }

    /// <summary>mktime/timegm: the fields normalized (carried into larger units), the time returned and <paramref name="tm"/> rewritten.</summary>
    private static long Join(BrokenDown* tm)
    {
        var t = Fields(tm);
        if (Split(t, tm) == null)
            return -1;
        return t;
    }

    /// <summary>The fields of <paramref name="tm"/> as seconds since the epoch read as UTC, every field carried into the larger units.</summary>
    internal static long Fields(BrokenDown* tm)
    {
        long month = tm->Month;
        var year = (long)tm->Year + 1900 + month / 12;
        month %= 12;
        if (month < 0)
        {
            month += 12;
            year--;
        }
        var days = DaysFromCivil(year, month + 1, 1) + tm->Day - 1;
        return days * SecondsPerDay + (long)tm->Hour * 3600 + (long)tm->Minute * 60 + tm->Second;
    }
}
