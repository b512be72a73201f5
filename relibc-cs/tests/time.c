/* time.h: gmtime/timegm round trips, mktime's normalization, strftime's every conversion, asctime/ctime, the clocks. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static void show(time_t t) {
    struct tm tm;
    gmtime_r(&t, &tm);
    char out[512];
    size_t n = strftime(out, sizeof out, "%a %A %b %B %C %d %D %e %F %g %G %h %H %I %j %m %M %n%p %r %R %S %t%T %u %U %V %w %W %y %Y %z %Z %% %c|%x|%X|%Ey|%Od", &tm);
    printf("%lld: %zu [%s]\n", (long long)t, n, out);
    printf("  tm %d-%d-%d %d:%d:%d wday %d yday %d; timegm %lld; asctime %s", tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour,
           tm.tm_min, tm.tm_sec, tm.tm_wday, tm.tm_yday, (long long)timegm(&tm), asctime(&tm));
}

int main(void) {
    time_t samples[] = {0, -1, 86399, 951782400, 951868800, 1000000000, 1234567890, 2147483647, -2147483648LL,
                        1609459200, 1609632000, 1609718400, 1703980800, 1735603200, 1798675200, 4102444800LL,
                        253402300799LL, -30610224000LL, 1230768000, 1262217600};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++)
        show(samples[i]);

    struct tm tm = {0};
    tm.tm_year = 124; tm.tm_mon = 13; tm.tm_mday = 0; tm.tm_hour = 25; tm.tm_min = -1; tm.tm_sec = 3661;
    time_t t = timegm(&tm);
    printf("normalized: %lld -> %d-%02d-%02d %02d:%02d:%02d wday %d yday %d\n", (long long)t, tm.tm_year + 1900, tm.tm_mon + 1,
           tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_wday, tm.tm_yday);
    char small[4];
    gmtime_r(&t, &tm);
    printf("strftime too small: %zu\n", strftime(small, sizeof small, "%Y-%m-%d", &tm));
    printf("strftime empty: %zu\n", strftime(small, sizeof small, "", &tm));
    char buf[32];
    t = 1234567890;
    struct tm *g = gmtime(&t);
    printf("asctime_r: %s", asctime_r(g, buf));
    printf("difftime: %.1f\n", difftime(100, 40));
    struct timespec res, before, after, nap = {0, 2000000};
    int cr = clock_getres(CLOCK_MONOTONIC, &res);
    printf("clock_getres monotonic: %d, ns > 0 %d\n", cr, res.tv_nsec > 0 || res.tv_sec > 0);
    clock_gettime(CLOCK_MONOTONIC, &before);
    printf("nanosleep 2 ms: %d\n", nanosleep(&nap, NULL));
    clock_gettime(CLOCK_MONOTONIC, &after);
    long elapsed = (after.tv_sec - before.tv_sec) * 1000000000L + (after.tv_nsec - before.tv_nsec);
    printf("slept at least 2 ms: %d\n", elapsed >= 2000000);
    struct timespec bad = {0, 1000000000};
    int nb = nanosleep(&bad, NULL);
    int nbe = errno == EINVAL;
    printf("nanosleep bad: %d %s; clock_nanosleep bad: %d\n", nb, nbe ? "EINVAL" : "?", clock_nanosleep(CLOCK_MONOTONIC, 0, &bad, NULL) == EINVAL);
    clock_gettime(CLOCK_MONOTONIC, &before);
    before.tv_nsec += 1000000;
    if (before.tv_nsec >= 1000000000) { before.tv_sec++; before.tv_nsec -= 1000000000; }
    printf("clock_nanosleep absolute: %d\n", clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &before, NULL));
    printf("clock() non-negative: %d\n", clock() >= 0);
    clock_gettime(CLOCK_REALTIME, &after);
    printf("time() agrees with clock_gettime: %d\n", time(NULL) - after.tv_sec <= 1);
    return 0;
}
