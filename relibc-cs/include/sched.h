/* sched.h — POSIX.1-2017 (relibc-cs). */
#ifndef _SCHED_H
#define _SCHED_H
#include <_relibc.h>
__RELIBC_BEGIN
int sched_yield(void);
__RELIBC_END
#endif
