/* pthread.h's barriers (reused over many rounds, one serial thread per round), spin locks under contention, the
   contention scope and the concurrency level. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

enum { THREADS = 4, ROUNDS = 200 };
static pthread_barrier_t barrier;
static pthread_spinlock_t spin;
static long counter, serials, slots[ROUNDS];

static void *worker(void *arg) {
    long id = (long)arg;
    for (int r = 0; r < ROUNDS; r++) {
        pthread_spin_lock(&spin);
        counter++;
        slots[r] += id + 1;
        pthread_spin_unlock(&spin);
        int w = pthread_barrier_wait(&barrier);
        if (w == PTHREAD_BARRIER_SERIAL_THREAD) {
            pthread_spin_lock(&spin);
            serials++;
            pthread_spin_unlock(&spin);
        } else if (w != 0)
            printf("barrier_wait returned %d\n", w);
        /* After the barrier every thread of this round has added to its slot. */
        if (slots[r] != 1 + 2 + 3 + 4)
            printf("round %d saw %ld\n", r, slots[r]);
        pthread_barrier_wait(&barrier);
    }
    return NULL;
}

int main(void) {
    pthread_barrierattr_t ba;
    int shared = -1;
    pthread_barrierattr_init(&ba);
    pthread_barrierattr_getpshared(&ba, &shared);
    printf("barrierattr pshared %d, set bad %d, set shared %d\n", shared, pthread_barrierattr_setpshared(&ba, 7) == EINVAL,
           pthread_barrierattr_setpshared(&ba, PTHREAD_PROCESS_PRIVATE));
    printf("count 0: %d\n", pthread_barrier_init(&barrier, &ba, 0) == EINVAL);
    pthread_barrier_init(&barrier, &ba, THREADS);
    pthread_barrierattr_destroy(&ba);
    pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE);
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    printf("counter %ld, serial threads %ld\n", counter, serials);
    printf("destroy %d\n", pthread_barrier_destroy(&barrier));

    pthread_barrier_init(&barrier, NULL, 1);
    printf("barrier of one: %d\n", pthread_barrier_wait(&barrier) == PTHREAD_BARRIER_SERIAL_THREAD);
    pthread_barrier_destroy(&barrier);

    printf("trylock %d, held %d, unlock %d, again %d\n", pthread_spin_trylock(&spin), pthread_spin_trylock(&spin) == EBUSY,
           pthread_spin_unlock(&spin), pthread_spin_trylock(&spin));
    pthread_spin_unlock(&spin);
    pthread_spin_destroy(&spin);

    pthread_attr_t a;
    int scope = -1;
    pthread_attr_init(&a);
    pthread_attr_getscope(&a, &scope);
    printf("scope %d, process scope ENOTSUP %d, bad EINVAL %d, system %d\n", scope, pthread_attr_setscope(&a, PTHREAD_SCOPE_PROCESS) == ENOTSUP,
           pthread_attr_setscope(&a, 9) == EINVAL, pthread_attr_setscope(&a, PTHREAD_SCOPE_SYSTEM));
    pthread_attr_destroy(&a);
    printf("concurrency %d", pthread_getconcurrency());
    printf(", set %d, now %d, negative %d\n", pthread_setconcurrency(3), pthread_getconcurrency(), pthread_setconcurrency(-1) == EINVAL);
    return 0;
}
