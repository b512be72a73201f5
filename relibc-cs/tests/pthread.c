/* Threads: create/join/detach/exit, _Thread_local and errno per thread, the three mutex types, condition variables
   (wait, broadcast, timed), rwlocks, once, keys with destructors, attributes and the error returns. Output is
   independent of scheduling. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static _Thread_local int tl_counter;
static _Thread_local long tl_init = 42;
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *count_up(void *arg) {
    long id = (long)arg;
    int start = tl_counter;
    long init = tl_init;
    for (int i = 0; i < 100000; i++) {
        pthread_mutex_lock(&counter_lock);
        counter++;
        pthread_mutex_unlock(&counter_lock);
        tl_counter++;
    }
    tl_init += id;
    errno = (int)id; /* each thread's own errno */
    return (void *)(long)(start * 1000000 + tl_counter + (init == 42 ? 0 : 1) + (errno == id ? 0 : 1));
}

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_nonempty = PTHREAD_COND_INITIALIZER, q_nonfull = PTHREAD_COND_INITIALIZER;
static int queue[8], q_head, q_count;

static void *produce(void *arg) {
    for (int i = 1; i <= 2000; i++) {
        pthread_mutex_lock(&q_lock);
        while (q_count == 8)
            pthread_cond_wait(&q_nonfull, &q_lock);
        queue[(q_head + q_count++) % 8] = i;
        pthread_cond_signal(&q_nonempty);
        pthread_mutex_unlock(&q_lock);
    }
    return arg;
}

static void *consume(void *arg) {
    long sum = 0;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&q_lock);
        while (q_count == 0)
            pthread_cond_wait(&q_nonempty, &q_lock);
        sum += queue[q_head];
        q_head = (q_head + 1) % 8;
        q_count--;
        pthread_cond_signal(&q_nonfull);
        pthread_mutex_unlock(&q_lock);
    }
    *(long *)arg = sum;
    return NULL;
}

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long pair[2];
static int torn;

static void *reader(void *arg) {
    for (int i = 0; i < 20000; i++) {
        pthread_rwlock_rdlock(&rw);
        if (pair[0] != pair[1])
            torn++;
        pthread_rwlock_unlock(&rw);
    }
    return arg;
}

static void *writer(void *arg) {
    for (int i = 0; i < 20000; i++) {
        pthread_rwlock_wrlock(&rw);
        pair[0]++;
        pair[1]++;
        pthread_rwlock_unlock(&rw);
    }
    return arg;
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_runs;
static void once_routine(void) { once_runs++; }
static void *call_once(void *arg) { pthread_once(&once, once_routine); return arg; }

static pthread_key_t key;
static int destructed;
static long destructed_sum;
static void destructor(void *value) {
    pthread_mutex_lock(&counter_lock);
    destructed++;
    destructed_sum += (long)value;
    pthread_mutex_unlock(&counter_lock);
}
static void *use_key(void *arg) {
    pthread_setspecific(key, arg);
    return pthread_getspecific(key) == arg ? NULL : (void *)1;
}

static void *exit_early(void *arg) {
    pthread_exit((void *)((long)arg * 2));
    return NULL;
}

static pthread_mutex_t held;
static void *try_held(void *arg) {
    (void)arg;
    int busy = pthread_mutex_trylock(&held);
    int perm = pthread_mutex_unlock(&held);
    return (void *)(long)(busy * 100 + perm);
}

static pthread_mutex_t done_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t done_cond = PTHREAD_COND_INITIALIZER;
static int detached_done;
static void *detached(void *arg) {
    pthread_mutex_lock(&done_lock);
    detached_done = 1;
    pthread_cond_broadcast(&done_cond);
    pthread_mutex_unlock(&done_lock);
    return arg;
}

static void *self_join(void *arg) {
    (void)arg;
    return (void *)(long)pthread_join(pthread_self(), NULL);
}

int main(void) {
    pthread_t t[8];
    void *r;

    tl_counter = 7;
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, count_up, (void *)(i + 1));
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], &r);
        printf("thread %d returned %ld\n", i + 1, (long)r);
    }
    printf("counter %ld, main's tl_counter %d tl_init %ld\n", counter, tl_counter, tl_init);

    long sums[2] = {0, 0};
    pthread_create(&t[0], NULL, produce, NULL);
    pthread_create(&t[1], NULL, consume, &sums[0]);
    pthread_create(&t[2], NULL, consume, &sums[1]);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("queue: consumed %ld (expected %d)\n", sums[0] + sums[1], 2000 * 2001 / 2);

    for (int i = 0; i < 6; i++)
        pthread_create(&t[i], NULL, i < 2 ? writer : reader, NULL);
    for (int i = 0; i < 6; i++)
        pthread_join(t[i], NULL);
    printf("rwlock: pair %ld %ld, torn reads %d\n", pair[0], pair[1], torn);
    pthread_rwlock_rdlock(&rw);
    int trywr = pthread_rwlock_trywrlock(&rw), tryrd = pthread_rwlock_tryrdlock(&rw);
    printf("rwlock: trywrlock while read-locked %s, tryrdlock %d\n", trywr == EBUSY ? "EBUSY" : "?", tryrd);
    pthread_rwlock_unlock(&rw);
    pthread_rwlock_unlock(&rw);
    pthread_rwlock_wrlock(&rw);
    tryrd = pthread_rwlock_tryrdlock(&rw);
    printf("rwlock: tryrdlock while write-locked %s\n", tryrd == EBUSY ? "EBUSY" : "?");
    pthread_rwlock_unlock(&rw);

    for (int i = 0; i < 8; i++)
        pthread_create(&t[i], NULL, call_once, NULL);
    for (int i = 0; i < 8; i++)
        pthread_join(t[i], NULL);
    printf("once: ran %d time(s)\n", once_runs);

    pthread_key_create(&key, destructor);
    long bad = 0;
    for (long i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, use_key, (void *)(i + 10));
    for (int i = 0; i < 3; i++) {
        pthread_join(t[i], &r);
        bad += (long)r;
    }
    printf("keys: %d destructor calls, sum %ld, bad %ld, main's value %p\n", destructed, destructed_sum, bad, pthread_getspecific(key));
    pthread_key_delete(key);
    printf("keys: setspecific on a deleted key %s\n", pthread_setspecific(key, &bad) == EINVAL ? "EINVAL" : "?");

    pthread_create(&t[0], NULL, exit_early, (void *)21);
    pthread_join(t[0], &r);
    printf("pthread_exit value %ld\n", (long)r);

    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&held, &ma);
    int a = pthread_mutex_lock(&held), b = pthread_mutex_lock(&held);
    pthread_create(&t[0], NULL, try_held, NULL);
    pthread_join(t[0], &r);
    printf("recursive: lock %d %d, other thread trylock*100+unlock %ld (EBUSY %d, EPERM %d)\n", a, b, (long)r, EBUSY, EPERM);
    int u1 = pthread_mutex_unlock(&held), u2 = pthread_mutex_unlock(&held), u3 = pthread_mutex_unlock(&held);
    printf("recursive: unlock %d %d, then %s\n", u1, u2, u3 == EPERM ? "EPERM" : "?");
    pthread_mutex_destroy(&held);
    pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&held, &ma);
    pthread_mutex_lock(&held);
    printf("errorcheck: relock %s, settype 99 %s\n", pthread_mutex_lock(&held) == EDEADLK ? "EDEADLK" : "?",
           pthread_mutexattr_settype(&ma, 99) == EINVAL ? "EINVAL" : "?");
    pthread_mutex_unlock(&held);

    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += 20 * 1000 * 1000;
    if (deadline.tv_nsec >= 1000000000) { deadline.tv_sec++; deadline.tv_nsec -= 1000000000; }
    pthread_mutex_lock(&done_lock);
    printf("timedwait: %s\n", pthread_cond_timedwait(&done_cond, &done_lock, &deadline) == ETIMEDOUT ? "ETIMEDOUT" : "?");
    pthread_mutex_unlock(&done_lock);
    pthread_mutex_lock(&counter_lock);
    pthread_create(&t[0], NULL, exit_early, NULL);
    pthread_join(t[0], NULL);
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += 20 * 1000 * 1000;
    if (deadline.tv_nsec >= 1000000000) { deadline.tv_sec++; deadline.tv_nsec -= 1000000000; }
    pthread_mutex_unlock(&counter_lock);

    pthread_attr_t attr;
    size_t size;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int small = pthread_attr_setstacksize(&attr, 1000);
    pthread_attr_setstacksize(&attr, 1 << 20);
    pthread_attr_getstacksize(&attr, &size);
    int state;
    pthread_attr_getdetachstate(&attr, &state);
    printf("attr: small stack %s, stack %zu, detached %d\n", small == EINVAL ? "EINVAL" : "?", size, state);
    pthread_create(&t[0], &attr, detached, NULL);
    pthread_mutex_lock(&done_lock);
    while (!detached_done)
        pthread_cond_wait(&done_cond, &done_lock);
    pthread_mutex_unlock(&done_lock);
    pthread_attr_destroy(&attr);
    printf("detached thread ran\n");

    pthread_create(&t[0], NULL, self_join, NULL);
    pthread_join(t[0], &r);
    printf("join self: %s; equal(self, self) %d\n", (long)r == EDEADLK ? "EDEADLK" : "?", pthread_equal(pthread_self(), pthread_self()));

    long total = 0;
    for (long i = 0; i < 200; i++) {
        pthread_create(&t[0], NULL, exit_early, (void *)i);
        pthread_join(t[0], &r);
        total += (long)r;
    }
    printf("200 threads one after another: %ld\n", total);
    return 0;
}
