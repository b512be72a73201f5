/* sys/select.h — POSIX.1-2017 (FD_SETSIZE 1024, Linux's fd_set). */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H
#include <_relibc.h>
#include <sys/types.h>
#include <time.h>
#include <signal.h>
#define FD_SETSIZE 1024
__RELIBC_BEGIN
typedef long suseconds_t;
#ifndef __RELIBC_TIMEVAL
#define __RELIBC_TIMEVAL
struct timeval { time_t tv_sec; suseconds_t tv_usec; };
#endif
typedef struct { unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(long))]; } fd_set;
#define FD_ZERO(s) do { for (unsigned __i = 0; __i < FD_SETSIZE / (8 * sizeof(long)); __i++) (s)->fds_bits[__i] = 0; } while (0)
#define FD_SET(d, s) ((s)->fds_bits[(d) / (8 * sizeof(long))] |= (1UL << ((d) % (8 * sizeof(long)))))
#define FD_CLR(d, s) ((s)->fds_bits[(d) / (8 * sizeof(long))] &= ~(1UL << ((d) % (8 * sizeof(long)))))
#define FD_ISSET(d, s) (!!((s)->fds_bits[(d) / (8 * sizeof(long))] & (1UL << ((d) % (8 * sizeof(long))))))
int select(int, fd_set *__restrict, fd_set *__restrict, fd_set *__restrict, struct timeval *__restrict);
int pselect(int, fd_set *__restrict, fd_set *__restrict, fd_set *__restrict, const struct timespec *__restrict, const sigset_t *__restrict);
__RELIBC_END
#endif
