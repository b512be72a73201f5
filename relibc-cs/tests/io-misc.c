/* semaphore.h, sys/uio.h, sys/time.h, sys/resource.h, poll.h, sys/select.h. */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

static sem_t items, slots;
static int ring[4], head, tail;
static long consumed;

static void *producer(void *arg) {
    for (int i = 1; i <= 1000; i++) {
        sem_wait(&slots);
        ring[tail++ % 4] = i;
        sem_post(&items);
    }
    return arg;
}

static void *consumer(void *arg) {
    for (int i = 0; i < 1000; i++) {
        sem_wait(&items);
        consumed += ring[head++ % 4];
        sem_post(&slots);
    }
    return arg;
}

int main(void) {
    sem_init(&items, 0, 0);
    sem_init(&slots, 0, 4);
    pthread_t p, c;
    pthread_create(&p, NULL, producer, NULL);
    pthread_create(&c, NULL, consumer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    int v;
    sem_getvalue(&slots, &v);
    printf("semaphores: consumed %ld, slots back to %d\n", consumed, v);
    int r = sem_trywait(&items);
    printf("sem_trywait at zero: %d %s\n", r, errno == EAGAIN ? "EAGAIN" : "?");
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += 10000000;
    if (deadline.tv_nsec >= 1000000000) { deadline.tv_sec++; deadline.tv_nsec -= 1000000000; }
    r = sem_timedwait(&items, &deadline);
    printf("sem_timedwait: %d %s\n", r, errno == ETIMEDOUT ? "ETIMEDOUT" : "?");
    sem_post(&items);
    r = sem_timedwait(&items, &deadline);
    printf("sem_timedwait with a token: %d\n", r);
    sem_destroy(&items);
    sem_destroy(&slots);

    int fds[2];
    if (pipe(fds) != 0) {
        printf("pipe failed: %s\n", strerror(errno)); /* (no pipes: the rest needs them) */
        return 1;
    }
    struct pollfd pfd = {fds[0], POLLIN, 0};
    r = poll(&pfd, 1, 0);
    printf("poll empty pipe: %d revents %d\n", r, pfd.revents);
    struct iovec out[3] = {{"one ", 4}, {"two ", 4}, {"three", 5}};
    ssize_t w = writev(fds[1], out, 3);
    r = poll(&pfd, 1, 1000);
    printf("writev %zd; poll: %d readable %d\n", w, r, (pfd.revents & POLLIN) != 0);
    fd_set set;
    FD_ZERO(&set);
    FD_SET(fds[0], &set);
    struct timeval tv = {1, 0};
    r = select(fds[0] + 1, &set, NULL, NULL, &tv);
    printf("select: %d, isset %d\n", r, FD_ISSET(fds[0], &set));
    char a[5] = {0}, b[9] = {0};
    struct iovec in[2] = {{a, 4}, {b, 8}};
    ssize_t got = readv(fds[0], in, 2);
    printf("readv %zd: [%s] [%s]\n", got, a, b);
    FD_ZERO(&set);
    FD_SET(fds[0], &set);
    tv.tv_sec = 0;
    tv.tv_usec = 1000;
    r = select(fds[0] + 1, &set, NULL, NULL, &tv);
    printf("select timeout: %d, isset %d\n", r, FD_ISSET(fds[0], &set));
    r = select(-1, NULL, NULL, NULL, NULL);
    printf("select(-1): %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
    close(fds[0]);
    close(fds[1]);
    pfd.fd = fds[0];
    r = poll(&pfd, 1, 0);
    printf("poll closed fd: %d POLLNVAL %d\n", r, (pfd.revents & POLLNVAL) != 0);

    struct timeval now;
    time_t t = time(NULL);
    r = gettimeofday(&now, NULL);
    printf("gettimeofday: %d, close to time() %d, usec in range %d\n", r, now.tv_sec - t <= 1, now.tv_usec >= 0 && now.tv_usec < 1000000);
    struct itimerval it = {{0, 0}, {100, 0}}, old, cur;
    setitimer(ITIMER_REAL, &it, &old);
    getitimer(ITIMER_REAL, &cur);
    printf("itimer: old zero %d, running %d\n", old.it_value.tv_sec == 0 && old.it_value.tv_usec == 0, cur.it_value.tv_sec > 90);
    memset(&it, 0, sizeof it);
    setitimer(ITIMER_REAL, &it, NULL);
    getitimer(ITIMER_REAL, &cur);
    printf("itimer cancelled: %d\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0);

    struct rlimit rl;
    r = getrlimit(RLIMIT_NOFILE, &rl);
    printf("getrlimit NOFILE: %d, soft <= hard %d\n", r, rl.rlim_cur <= rl.rlim_max);
    struct rlimit lower = {64, rl.rlim_max}, check;
    r = setrlimit(RLIMIT_NOFILE, &lower);
    getrlimit(RLIMIT_NOFILE, &check);
    printf("setrlimit soft 64: %d -> %lu\n", r, (unsigned long)check.rlim_cur);
    r = getrlimit(99, &rl);
    printf("getrlimit(99): %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
    struct rusage ru;
    r = getrusage(RUSAGE_SELF, &ru);
    printf("getrusage: %d, maxrss > 0 %d\n", r, ru.ru_maxrss > 0);
    errno = 0;
    int nice = getpriority(PRIO_PROCESS, 0);
    printf("getpriority: errno %d, in range %d\n", errno, nice >= -20 && nice <= 19);
    return 0;
}
