using System;
using System.Runtime.InteropServices;

namespace Relibc.Header.Time;

/// <summary>
/// strftime in the C/POSIX locale (C17 7.27.3.5; https://pubs.opengroup.org/onlinepubs/9699919799/functions/strftime.html):
/// every conversion of C17 and POSIX (<c>a A b B c C d D e F g G h H I j m M n p r R S t T u U V w W x X y Y z Z %</c>),
/// the E and O modifiers (the same output in this locale) and, as glibc and musl, <c>%s</c> (seconds since the epoch),
/// <c>%k</c>, <c>%l</c>, <c>%P</c>. Returns the bytes written without the NUL, or 0 when they do not fit.
/// </summary>
public static unsafe class Strftime
{
    private struct Out
    {
        public byte* Buffer;
        public nuint Capacity, Count;
        public bool Full;

        public void Put(byte c)
        {
            if (Count + 1 >= Capacity)
            {
                Full = true;
                return;
            }
            Buffer[Count++] = c;
        }

        public void Text(ReadOnlySpan<byte> s)
        {
            foreach (var c in s)
                Put(c);
        }

        public void Number(long v, int width, byte pad)
        {
            var digits = stackalloc byte[24];
            var negative = v < 0;
            var u = negative ? (ulong)(-v) : (ulong)v;
            var n = 0;
            do
            {
                digits[n++] = (byte)('0' + (int)(u % 10));
                u /= 10;
            } while (u != 0);
            if (negative)
                Put((byte)'-');
            for (var i = n + (negative ? 1 : 0); i < width; i++)
                Put(pad);
            while (n > 0)
                Put(digits[--n]);
        }
    }

    private static ReadOnlySpan<byte> Days => "Sunday\0\0\0Monday\0\0\0Tuesday\0\0WednesdayThursday\0Friday\0\0\0Saturday\0"u8;
    private static ReadOnlySpan<byte> Months => "January\0\0\0February\0\0March\0\0\0\0\0April\0\0\0\0\0May\0\0\0\0\0\0\0June\0\0\0\0\0\0July\0\0\0\0\0\0August\0\0\0\0September\0October\0\0\0November\0\0December\0\0"u8;

    private static void Name(ref Out o, ReadOnlySpan<byte> table, int stride, int index, bool abbreviated)
    {
        if ((uint)index >= (uint)(table.Length / stride))
        {
            o.Put((byte)'?');
            return;
        }
        for (var i = 0; i < (abbreviated ? 3 : stride) && table[index * stride + i] != 0; i++)
            o.Put(table[index * stride + i]);
    }

    [UnmanagedCallersOnly(EntryPoint = "strftime")]
    public static nuint Format(byte* buffer, nuint size, byte* format, BrokenDown* tm)
    {
        var o = new Out { Buffer = buffer, Capacity = size };
        Run(ref o, format, tm);
        if (o.Full || size == 0)
        {
            if (size > 0)
                buffer[0] = 0;
            return 0;
        }
        buffer[o.Count] = 0;
        return o.Count;
    }

    private static void Run(ref Out o, byte* f, BrokenDown* tm)
    {
        for (; *f != 0 && !o.Full; f++)
        {
            if (*f != '%')
            {
                o.Put(*f);
                continue;
            }
            f++;
            if (*f == 'E' || *f == 'O')
                f++;
            var year = (long)tm->Year + 1900;
            switch (*f)
            {
                case (byte)'a': Name(ref o, Days, 9, tm->WeekDay, true); break;
                case (byte)'A': Name(ref o, Days, 9, tm->WeekDay, false); break;
                case (byte)'b' or (byte)'h': Name(ref o, Months, 10, tm->Month, true); break;
                case (byte)'B': Name(ref o, Months, 10, tm->Month, false); break;
                case (byte)'c':
                    fixed (byte* c = "%a %b %e %H:%M:%S %Y\0"u8)
                        Run(ref o, c, tm);
                    break;
                case (byte)'C': o.Number(FloorDiv(year, 100), 2, (byte)'0'); break;
                case (byte)'d': o.Number(tm->Day, 2, (byte)'0'); break;
                case (byte)'D':
                    fixed (byte* c = "%m/%d/%y\0"u8)
                        Run(ref o, c, tm);
                    break;
                case (byte)'e': o.Number(tm->Day, 2, (byte)' '); break;
                case (byte)'F':
                    fixed (byte* c = "%Y-%m-%d\0"u8)
                        Run(ref o, c, tm);
                    break;
                case (byte)'g': o.Number(Mod(IsoYear(tm), 100), 2, (byte)'0'); break;
                case (byte)'G': o.Number(IsoYear(tm), 1, (byte)'0'); break;
                case (byte)'H': o.Number(tm->Hour, 2, (byte)'0'); break;
                case (byte)'I': o.Number(Twelve(tm->Hour), 2, (byte)'0'); break;
                case (byte)'j': o.Number(tm->YearDay + 1, 3, (byte)'0'); break;
                case (byte)'k': o.Number(tm->Hour, 2, (byte)' '); break;
                case (byte)'l': o.Number(Twelve(tm->Hour), 2, (byte)' '); break;
                case (byte)'m': o.Number(tm->Month + 1, 2, (byte)'0'); break;
                case (byte)'M': o.Number(tm->Minute, 2, (byte)'0'); break;
                case (byte)'n': o.Put((byte)'\n'); break;
                case (byte)'p': o.Text(tm->Hour < 12 ? "AM"u8 : "PM"u8); break;
                case (byte)'P': o.Text(tm->Hour < 12 ? "am"u8 : "pm"u8); break;
                case (byte)'r':
                    fixed (byte* c = "%I:%M:%S %p\0"u8)
                        Run(ref o, c, tm);
                    break;
                case (byte)'R':
                    fixed (byte* c = "%H:%M\0"u8)
                        Run(ref o, c, tm);
                    break;
                case (byte)'s':
                {
                    var copy = *tm;
                    var days = Calendar.DaysFromCivil(year, tm->Month + 1, 1) + tm->Day - 1;
                    o.Number(days * 86400 + (long)copy.Hour * 3600 + copy.Minute * 60 + copy.Second - tm->GmtOffset, 1, (byte)'0');
                    break;
                }
                case (byte)'S': o.Number(tm->Second, 2, (byte)'0'); break;
                case (byte)'t': o.Put((byte)'\t'); break;
                case (byte)'T':
                    fixed (byte* c = "%H:%M:%S\0"u8)
                        Run(ref o, c, tm);
                    break;
                case (byte)'u': o.Number(tm->WeekDay == 0 ? 7 : tm->WeekDay, 1, (byte)'0'); break;
                case (byte)'U': o.Number((tm->YearDay + 7 - tm->WeekDay) / 7, 2, (byte)'0'); break;
                case (byte)'V': o.Number(IsoWeek(tm), 2, (byte)'0'); break;
                case (byte)'w': o.Number(tm->WeekDay, 1, (byte)'0'); break;
                case (byte)'W': o.Number((tm->YearDay + 7 - (tm->WeekDay + 6) % 7) / 7, 2, (byte)'0'); break;
                case (byte)'x':
                    fixed (byte* c = "%m/%d/%y\0"u8)
                        Run(ref o, c, tm);
                    break;
                case (byte)'X':
                    fixed (byte* c = "%H:%M:%S\0"u8)
                        Run(ref o, c, tm);
                    break;
                case (byte)'y': o.Number(Mod(year, 100), 2, (byte)'0'); break;
                case (byte)'Y': o.Number(year, 1, (byte)'0'); break;
                case (byte)'z':
                {
                    var off = tm->GmtOffset;
                    o.Put(off < 0 ? (byte)'-' : (byte)'+');
                    if (off < 0)
                        off = -off;
                    o.Number(off / 3600 * 100 + off / 60 % 60, 4, (byte)'0');
                    break;
                }
                case (byte)'Z':
                    if (tm->Zone != null)
                    {
                        for (var z = tm->Zone; *z != 0; z++)
                            o.Put(*z);
                    }
                    break;
                case (byte)'%': o.Put((byte)'%'); break;
                case 0:
                    return;
                default:
                    // An unknown conversion is printed as it is (glibc and musl do so).
                    o.Put((byte)'%');
                    o.Put(*f);
                    break;
            }
        }
    }

    private static int Twelve(int hour) => hour % 12 == 0 ? 12 : hour % 12;

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long Mod(long a, long b) => ((a % b) + b) % b;

    /// <summary>The ISO 8601 week number (1–53): weeks start on Monday; week 1 holds the year's first Thursday.</summary>
    private static int IsoWeek(BrokenDown* tm)
    {
        var year = (long)tm->Year + 1900;
        var week = (tm->YearDay - (tm->WeekDay + 6) % 7 + 10) / 7;
        if (week < 1)
            return WeeksIn(year - 1);
        if (week > WeeksIn(year))
            return 1;
        return week;
    }

    private static long IsoYear(BrokenDown* tm)
    {
        var year = (long)tm->Year + 1900;
        var week = (tm->YearDay - (tm->WeekDay + 6) % 7 + 10) / 7;
        if (week < 1)
            return year - 1;
        if (week > WeeksIn(year))
            return year + 1;
        return year;
    }

    /// <summary>52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday.</summary>
    private static int WeeksIn(long year)
    {
        var jan1 = (Calendar.DaysFromCivil(year, 1, 1) + 4) % 7;
        if (jan1 < 0)
            jan1 += 7;
        return jan1 == 4 || (jan1 == 3 && Calendar.IsLeap(year)) ? 53 : 52;
    }
}
