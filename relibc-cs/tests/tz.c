/* TZ as a POSIX rule string (no zoneinfo files: every name here has none, and each string has a rule or no daylight
   time, so glibc parses it as relibc-cs does): localtime_r, mktime in and around the transitions (tm_isdst -1, 0 and
   1), strftime's %Z %z %s, tzset's tzname, timezone and daylight, ctime. Years from 1970 on: glibc computes the rules
   of earlier years from January 1, 1970. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void show(time_t t) {
    struct tm tm;
    char text[128];
    localtime_r(&t, &tm);
    strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S %Z %z %s", &tm);
    printf("  %lld -> %s isdst=%d gmtoff=%ld wday=%d yday=%d\n", (long long)t, text, tm.tm_isdst, tm.tm_gmtoff, tm.tm_wday, tm.tm_yday);
}

/* Whether the wall time reads as one instant with tm_isdst = isdst, and what it is. */
static int reads_as(int year, int mon, int day, int hour, int min, int isdst, time_t *t) {
    struct tm tm = {0}, back;
    tm.tm_year = year - 1900;
    tm.tm_mon = mon - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = min;
    tm.tm_isdst = isdst;
    *t = mktime(&tm);
    localtime_r(t, &back);
    return back.tm_isdst == isdst && back.tm_hour == hour && back.tm_min == min;
}

static void make(int year, int mon, int day, int hour, int min, int isdst) {
    time_t t0, t1;
    if (isdst < 0 && daylight && reads_as(year, mon, day, hour, min, 0, &t0) && reads_as(year, mon, day, hour, min, 1, &t1)) {
        /* The repeated hour: glibc's mktime picks by what earlier calls saw, so only the two readings are printed. */
        printf("  mktime %04d-%02d-%02d %02d:%02d is both %lld and %lld\n", year, mon, day, hour, min, (long long)t0, (long long)t1);
        return;
    }
    struct tm tm = {0};
    tm.tm_year = year - 1900;
    tm.tm_mon = mon - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = min;
    tm.tm_isdst = isdst;
    time_t t = mktime(&tm);
    char text[64];
    strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S %Z", &tm);
    printf("  mktime %04d-%02d-%02d %02d:%02d isdst %2d -> %lld = %s isdst=%d\n", year, mon, day, hour, min, isdst, (long long)t, text,
           tm.tm_isdst);
}

static void zone(const char *tz) {
    setenv("TZ", tz, 1);
    tzset();
    printf("TZ=%s: tzname %s/%s timezone %ld daylight %d\n", tz, tzname[0], tzname[1], timezone, daylight);
}

int main(void) {
    const char *zones[] = {"XST5XDT,M3.2.0,M11.1.0", "ABC-10DEF,M10.1.0,M4.1.0/3", "<+0530>-5:30", "QQQ3:30", "AAA+2BBB+1,J60/1:30,J300/-1",
                           "MMM-1NNN-2,0/0,364/23:59:59", "LLL0MMM,M3.5.0/1,M10.5.0", "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1",
                           "EEE-2FFF,M3.5.4/26,M10.5.5/1"};
    const time_t instants[] = {0, 951782400, 1710054000, 1710057600, 1730613600, 1730617200, 1735689599, 1719792000, 4102444800};
    for (size_t z = 0; z < sizeof zones / sizeof *zones; z++) {
        zone(zones[z]);
        for (size_t i = 0; i < sizeof instants / sizeof *instants; i++)
            show(instants[i]);
        for (int h = 0; h < 4; h++)
            for (int d = daylight ? -1 : -1; d <= (daylight ? 1 : -1); d++) {
                make(2024, 3, 10, h, 30, d);
                make(2024, 11, 3, h, 30, d);
            }
        make(2024, 10, 6, 2, 30, -1);
        make(2024, 4, 7, 2, 30, -1);
        make(2024, 3, 31, 1, 30, -1);
        make(2024, 10, 27, 1, 30, -1);
        make(2024, 7, 1, 12, 0, -1);
        make(2024, 1, 1, 12, 0, -1);
        make(2024, 14, 40, 30, 90, -1); /* normalized */
    }
    /* Every hour across a year in one zone with rules. */
    zone("XST5XDT,M3.2.0,M11.1.0");
    unsigned long h = 0;
    for (time_t t = 1704067200; t < 1735689600; t += 3600) {
        struct tm tm;
        localtime_r(&t, &tm);
        h = h * 31 + (unsigned long)(tm.tm_hour + 24 * tm.tm_mday + 1000 * tm.tm_mon + 100000 * tm.tm_isdst);
        struct tm copy = tm;
        copy.tm_isdst = -1;
        time_t back = mktime(&copy);
        if (back != t && !(tm.tm_isdst == 0 && back == t - 3600) && !(tm.tm_isdst == 1 && back == t + 3600))
            printf("  round trip %lld -> %lld\n", (long long)t, (long long)back);
    }
    printf("hourly hash %lu\n", h);
    time_t t = 1700000000;
    printf("ctime %s", ctime(&t));
    struct tm *tm = localtime(&t);
    printf("localtime %d:%02d %s\n", tm->tm_hour, tm->tm_min, tm->tm_zone);
    zone("UTC0");
    show(1700000000);
    return 0;
}
