/* semaphore.h — POSIX.1-2017: unnamed semaphores (src/Header/Semaphore/Semaphore.cs). */
#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H
#include <_relibc.h>
#include <time.h>
#define SEM_VALUE_MAX 2147483647
#define SEM_FAILED ((sem_t *)0)
__RELIBC_BEGIN
typedef union { char __size[32]; long __align; } sem_t;
int sem_init(sem_t *, int, unsigned);
int sem_destroy(sem_t *);
int sem_post(sem_t *);
int sem_wait(sem_t *);
int sem_trywait(sem_t *);
int sem_timedwait(sem_t *__restrict, const struct timespec *__restrict);
int sem_getvalue(sem_t *__restrict, int *__restrict);
__RELIBC_END
#endif
