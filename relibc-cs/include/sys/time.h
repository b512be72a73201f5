/* sys/time.h — POSIX.1-2017. */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H
#include <_relibc.h>
#include <sys/select.h>
#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2
__RELIBC_BEGIN
struct itimerval { struct timeval it_interval; struct timeval it_value; };
int gettimeofday(struct timeval *__restrict, void *__restrict);
int getitimer(int, struct itimerval *);
int setitimer(int, const struct itimerval *__restrict, struct itimerval *__restrict);
__RELIBC_END
#endif
