/* sched.h — POSIX.1-2017 (relibc-cs; Linux's policy numbers, src/Header/Sched/Sched.cs). */
#ifndef _SCHED_H
#define _SCHED_H
#include <_relibc.h>
#include <sys/types.h>
#include <time.h>
#define SCHED_OTHER 0
#define SCHED_FIFO 1
#define SCHED_RR 2
#define SCHED_BATCH 3
#define SCHED_IDLE 5
struct sched_param { int sched_priority; };
__RELIBC_BEGIN
int sched_yield(void);
int sched_get_priority_max(int);
int sched_get_priority_min(int);
int sched_getparam(pid_t, struct sched_param *);
int sched_setparam(pid_t, const struct sched_param *);
int sched_getscheduler(pid_t);
int sched_setscheduler(pid_t, int, const struct sched_param *);
int sched_rr_get_interval(pid_t, struct timespec *);
__RELIBC_END
#endif
