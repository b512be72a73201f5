/* time.h — C17 7.27, POSIX.1-2017: the clock functions relibc-cs has so far. */
#ifndef _TIME_H
#define _TIME_H
#include <_relibc.h>
#include <stddef.h>
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
__RELIBC_BEGIN
typedef long time_t;
typedef int clockid_t;
struct timespec { time_t tv_sec; long tv_nsec; };
int clock_gettime(clockid_t, struct timespec *);
time_t time(time_t *);
__RELIBC_END
#endif
